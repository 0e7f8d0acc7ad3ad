/** @module HTTP caching of the read-only answers: ETag with 304 (hono/etag) and Cache-Control. */
import type { MiddlewareHandler } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from './app-env.ts'

/** Documents, CSAF, lists, the vocabulary and the feed change only on a reload: cache for five minutes. */
const shared = 'public, max-age=300'

/**
 * ETag on every successful GET and HEAD (SHA-1 of the body; `If-None-Match` → 304), and `Cache-Control`:
 * `private` when API keys are on (a shared cache must not answer for another key), `no-cache` for search.
 *
 * @example
 * app.use('/v1/*', ...caching({private: false}))
 */
export function caching(options: { private: boolean }): MiddlewareHandler<AppEnv>[] {
  const cacheControl: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next()
    if (
      (c.req.method !== 'GET' && c.req.method !== 'HEAD') ||
      !c.res.ok ||
      c.res.headers.has('Cache-Control')
    )
      return
    const value = c.req.path === '/v1/search' ? 'no-cache' : shared
    c.res.headers.set('Cache-Control', options.private ? value.replace('public', 'private') : value)
  }
  return [etag(), cacheControl]
}
