/**
 * @module Complete `POST /v1/check` responses kept per knowledge snapshot, keyed on the request as it came off
 * the wire, so that `startServer` can answer a repeated request with the same bytes without entering Hono.
 */
import type { IncomingMessage } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'

/** A 200 answer as written: headers (without `Date`, which Node adds) and body bytes. */
export interface MemoizedResponse {
  headers: Record<string, string>
  body: Buffer
  /** The negotiated language, for the request log. */
  language: string
}

/** Bodies and URLs longer than this are never keyed: rare, and they would crowd out real entries. */
export const maxKeyedBody = 4096
export const maxKeyedUrl = 1024
/** Answers larger than this are not kept (the snapshot keeps at most 256 of them). */
const maxMemoizedBody = 64 * 1024

/**
 * Request headers that cannot change the answer: left out of the key, so clients that differ only in them
 * share an entry. API keys are checked on every request instead; `X-Forwarded-For` only counts for rate
 * limits, which never replay. Every other header is part of the key, in the order sent.
 */
const ignoredHeaders = new Set([
  'user-agent',
  'connection',
  'keep-alive',
  'content-length',
  'authorization',
  'x-api-key',
  'x-forwarded-for',
  'accept-encoding',
  'cache-control',
  'pragma',
  'traceparent',
  'tracestate',
  'x-request-id',
])

/** Response headers that belong to one request only. */
const perRequestHeader = /^(?:date|content-length|retry-after|ratelimit-[a-z]+)$/

/** Where `startServer` leaves the key of a request it could not replay, for `memoizeResponses` to file under. */
export const memoKey = Symbol('kb-advisor response memo key')

/** A request as Node hands it to the listener, with the key `startServer` gave it. */
export type KeyedIncoming = IncomingMessage & { [memoKey]?: string }

/**
 * The key of a request: its raw target (path and query as sent), every header that may change the answer
 * (raw names and values, in order, duplicates kept) and the body bytes.
 *
 * @example
 * requestKey('/v1/check?lang=nl', ['Host', 'x', 'Accept-Language', 'nb'], Buffer.from('{}'))
 */
export function requestKey(target: string, rawHeaders: readonly string[], body: Buffer): string {
  let key = `${target}\n`
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase()
    if (!ignoredHeaders.has(name)) key += `${name}:${rawHeaders[index + 1]}\n`
  }
  return `${key}\n${body.toString('latin1')}`
}

/**
 * After the whole middleware chain, file a 200 answer to a request that `startServer` keyed, with every
 * header the chain set except the per-request ones, in the snapshot that answered it (a reload starts an
 * empty memo). Requests that came through `app.fetch` carry no key and are left alone.
 *
 * @example
 * app.use('/v1/check', memoizeResponses()) // right after the request log, before the security headers
 */
export function memoizeResponses(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const incoming = (c.env as { incoming?: KeyedIncoming } | undefined)?.incoming
    const key = incoming?.[memoKey]
    const snapshot = c.var.snapshot
    if (
      key === undefined ||
      snapshot === undefined ||
      c.res.status !== 200 ||
      c.res.headers.has('set-cookie')
    )
      return
    const body = await boundedBody(c.res.clone(), maxMemoizedBody)
    if (body === undefined) return
    const headers: Record<string, string> = {}
    c.res.headers.forEach((value, name) => {
      if (!perRequestHeader.test(name)) headers[name] = value
    })
    headers['content-length'] = String(body.byteLength)
    snapshot.responses.set(key, { headers, body, language: c.var.language })
  }
}

/**
 * The body of `response` when it has at most `max` bytes; otherwise undefined, and the body is read no further
 * than the chunk that passes `max`. A copy of an answer about every article of a large knowledge base is
 * megabytes that would only be thrown away (and the stream's other branch would wait for it).
 *
 * @example
 * await boundedBody(new Response('{}'), 64 * 1024) // <Buffer 7b 7d>
 */
export async function boundedBody(response: Response, max: number): Promise<Buffer | undefined> {
  // A cancelled branch of a teed stream (a `clone()`) settles only when the other branch is done: not awaited.
  if (Number(response.headers.get('content-length')) > max) {
    response.body?.cancel().catch(() => undefined)
    return undefined
  }
  if (response.body === null) return Buffer.alloc(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks, size)
    size += value.byteLength
    if (size > max) {
      reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
}
