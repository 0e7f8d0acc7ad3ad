/** @module Optional access control: API keys (kept as SHA-256 hashes) and rate limits per key or address. */
import { createHash, timingSafeEqual } from 'node:crypto'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { rateLimiter } from 'hono-rate-limiter'
import type { AppEnv } from './app-env.ts'
import { problemBody, problemResponse } from './problem.ts'

/** Access control of `createApp`; everything is off when absent. */
export interface AccessOptions {
  /** SHA-256 hashes (hex) of the accepted API keys; keys are required on `/v1/*` when any is given. */
  apiKeyHashes?: readonly string[]
  /** At most `limit` requests per `windowMs` per API key, or per client address without a key. */
  rateLimit?: { limit: number; windowMs: number }
  /** Take the client address from `X-Forwarded-For` (behind a reverse proxy that sets it). */
  trustProxy?: boolean
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * The key hashes of an API-keys file or of `KB_API_KEYS`: one SHA-256 hex per line (or separated by commas
 * or spaces), `#` starts a comment. Throws naming the line of anything else.
 *
 * @example
 * parseApiKeyHashes('# helpdesk\n9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n', 'keys.txt')
 */
export function parseApiKeyHashes(text: string, source: string): string[] {
  const hashes: string[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    for (const token of line
      .replace(/#.*/, '')
      .split(/[\s,]+/)
      .filter(Boolean)) {
      if (!/^[0-9a-f]{64}$/i.test(token)) {
        throw new RangeError(
          `Expected a SHA-256 hash of 64 hex digits at ${source}:${index + 1} (make one with \`printf %s "$KEY" | sha256sum\`), not \`${token.slice(0, 12)}${token.length > 12 ? '…' : ''}\``,
        )
      }
      hashes.push(token.toLowerCase())
    }
  })
  if (hashes.length === 0) throw new RangeError(`Expected at least one API key hash in ${source}, not none`)
  return hashes
}

/**
 * The API key in the values of `Authorization` (`Bearer <key>`) and `X-API-Key`, or undefined.
 *
 * @example
 * keyOf('Bearer s3cret', undefined) // 's3cret'
 */
export function keyOf(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]
  return (bearer ?? apiKey)?.trim() || undefined
}

/** The API key of a request: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
function presentedKey(c: Context<AppEnv>): string | undefined {
  return keyOf(c.req.header('authorization'), c.req.header('x-api-key'))
}

/**
 * A check of presented keys against the accepted hashes, by hash and in constant time.
 *
 * @example
 * const accepts = keyChecker([sha256('s3cret')])
 * accepts('s3cret') // true
 */
export function keyChecker(hashes: readonly string[]): (key: string | undefined) => boolean {
  const known = hashes.map((hash) => Buffer.from(hash.toLowerCase(), 'hex'))
  return (key) => {
    if (key === undefined) return false
    const digest = createHash('sha256').update(key).digest()
    return known.some((hash) => timingSafeEqual(hash, digest))
  }
}

/**
 * Require a known API key on every request it guards: 401 `KB_HTTP_UNAUTHORIZED` with `WWW-Authenticate`
 * otherwise. Keys are compared by hash, in constant time.
 *
 * @example
 * app.use('/v1/*', requireApiKey([sha256('s3cret')]))
 */
export function requireApiKey(hashes: readonly string[]): MiddlewareHandler<AppEnv> {
  const accepts = keyChecker(hashes)
  return async (c, next) => {
    const key = presentedKey(c)
    if (!accepts(key)) {
      return problemResponse(
        problemBody(
          'KB_HTTP_UNAUTHORIZED',
          key === undefined
            ? 'Expected an API key in `Authorization: Bearer <key>` or `X-API-Key`, not none'
            : 'Expected a valid API key, not one this server does not know',
          { instance: c.req.path },
        ),
        { 'WWW-Authenticate': 'Bearer realm="kb-advisor"' },
      )
    }
    await next()
  }
}

/** Who a request counts against: its API key (hashed) or else its address. */
function clientKey(c: Context<AppEnv>, by: { byKey: boolean; trustProxy: boolean }): string {
  const key = by.byKey ? presentedKey(c) : undefined
  if (key !== undefined) return `key:${sha256(key)}`
  const forwarded = by.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined
  if (forwarded) return `address:${forwarded}`
  try {
    return `address:${getConnInfo(c).remote.address ?? 'unknown'}`
  } catch {
    // Mounted in a server that is not @hono/node-server (or called through app.request): no socket.
    return 'address:unknown'
  }
}

/**
 * Count requests per API key (`byKey`: keys are on and were checked before) or else per address with
 * hono-rate-limiter (a fixed window in memory); over the limit the
 * answer is 429 `KB_HTTP_RATE_LIMITED` with `Retry-After` and the `RateLimit-*` headers.
 *
 * @example
 * app.use('/v1/*', rateLimit({limit: 600, windowMs: 60_000}, {byKey: true, trustProxy: false}))
 */
export function rateLimit(
  options: { limit: number; windowMs: number },
  by: { byKey: boolean; trustProxy: boolean },
): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => clientKey(c, by),
    handler: (c) => {
      const info = (c.get as (key: string) => { resetTime?: Date } | undefined)('rateLimit')
      const seconds = Math.max(
        1,
        Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + options.windowMs) - Date.now()) / 1000),
      )
      return problemResponse(
        problemBody(
          'KB_HTTP_RATE_LIMITED',
          `Expected at most ${options.limit} requests in ${options.windowMs / 1000} s, not more; retry after ${seconds} s`,
          { instance: c.req.path },
        ),
        { 'Retry-After': String(seconds) },
      )
    },
  }) as unknown as MiddlewareHandler<AppEnv>
}
