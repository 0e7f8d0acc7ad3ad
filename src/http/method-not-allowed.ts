/** @module 405 with `Allow` for a known path asked with another method (hono alone answers 404). */
import type { Hono } from 'hono'

/**
 * The methods the app answers on `path`, HEAD with GET; empty when no route matches the path at all.
 *
 * @example
 * allowedMethods(app, '/v1/check') // ['POST']
 */
export function allowedMethods(app: Pick<Hono, 'routes'>, path: string): string[] {
  const methods = new Set<string>()
  for (const route of app.routes) {
    if (route.method === 'ALL') continue
    const pattern = route.path
      .split('/')
      .map((part) =>
        part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')
    if (new RegExp(`^${pattern}/?$`).test(path)) methods.add(route.method)
  }
  if (methods.has('GET')) methods.add('HEAD')
  return [...methods].sort()
}
