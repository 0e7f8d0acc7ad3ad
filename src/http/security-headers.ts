/** @module Security headers on every response, errors and 404s included. */
import type { MiddlewareHandler } from 'hono'
import { documentStyleHash } from '../render/document-style.ts'

/**
 * The Content-Security-Policy of the app: only its own script, style and data, no inline script, the
 * document pages' one inline stylesheet by its hash, and framing only by `frameAncestors` (none by default).
 *
 * @example
 * contentSecurityPolicy(['https://helpdesk.example.com'])
 * // "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-…'; … frame-ancestors https://helpdesk.example.com"
 */
function contentSecurityPolicy(frameAncestors: readonly string[] = []): string {
  const ancestors = frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The document pages inline their stylesheet: allowed by its hash, never 'unsafe-inline'.
    `style-src 'self' ${documentStyleHash}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ')
}

/**
 * Sets CSP, `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer` (and `X-Frame-Options:
 * DENY` while no frame ancestor is allowed, for browsers without CSP level 2).
 *
 * @example
 * app.use(securityHeaders(['https://helpdesk.example.com']))
 */
export function securityHeaders(frameAncestors: readonly string[] = []): MiddlewareHandler {
  const policy = contentSecurityPolicy(frameAncestors)
  return async (c, next) => {
    await next()
    c.res.headers.set('Content-Security-Policy', policy)
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
    c.res.headers.set('Referrer-Policy', 'no-referrer')
    if (frameAncestors.length === 0) c.res.headers.set('X-Frame-Options', 'DENY')
  }
}
