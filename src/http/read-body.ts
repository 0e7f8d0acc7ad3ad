/** @module Read request bodies with a byte limit enforced while the bytes arrive, never after buffering. */
import { HttpProblem } from './problem.ts'

/**
 * The `KB_HTTP_BODY_TOO_LARGE` problem for a limit.
 *
 * @example
 * throw tooLarge(1024)
 */
export function tooLarge(limit: number): HttpProblem {
  return new HttpProblem(
    'KB_HTTP_BODY_TOO_LARGE',
    `Expected a request body of at most ${limit} bytes, not more; send a smaller body (a shorter log excerpt)`,
    { limit },
  )
}

/**
 * Refuse at once when the declared `Content-Length` is already over the limit.
 *
 * @example
 * checkDeclaredLength(c.req.raw, 64 * 1024) // throws a KB_HTTP_BODY_TOO_LARGE problem for Content-Length: 70000
 */
export function checkDeclaredLength(request: Request, limit: number): void {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit)
}

/**
 * The body's chunks, throwing `KB_HTTP_BODY_TOO_LARGE` as soon as more than `limit` bytes came in
 * (the rest is never read). `exceeded()` tells afterwards whether that happened, for consumers that
 * swallow errors.
 *
 * @example
 * const body = limitedChunks(request, 1024)
 * for await (const chunk of body.chunks) process(chunk)
 */
export function limitedChunks(
  request: Request,
  limit: number,
): { chunks: AsyncIterable<Uint8Array>; exceeded: () => boolean } {
  checkDeclaredLength(request, limit)
  let over = false
  const stream = request.body
  async function* read(): AsyncGenerator<Uint8Array> {
    if (!stream) return
    const reader = stream.getReader()
    let size = 0
    try {
      for (;;) {
        let next: Awaited<ReturnType<typeof reader.read>>
        try {
          next = await reader.read()
        } catch {
          // The client hung up (or the connection broke) mid-body: its fault, not a bug of ours.
          throw new HttpProblem(
            'KB_HTTP_ABORTED',
            `Expected the whole request body, not a connection closed after ${size} bytes`,
          )
        }
        const { done, value } = next
        if (done) return
        size += value.byteLength
        if (size > limit) {
          over = true
          throw tooLarge(limit)
        }
        yield value
      }
    } finally {
      // Stop the upload instead of draining it.
      await reader.cancel().catch(() => undefined)
    }
  }
  return { chunks: read(), exceeded: () => over }
}

/**
 * The whole body as bytes, at most `limit` of them.
 *
 * @example
 * const bytes = await readLimited(c.req.raw, 64 * 1024)
 */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let size = 0
  for await (const chunk of limitedChunks(request, limit).chunks) {
    parts.push(chunk)
    size += chunk.byteLength
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.byteLength
  }
  return bytes
}

/**
 * The media type of a request without parameters, lower-case (`''` when absent).
 *
 * @example
 * mediaType(new Request('http://x', {method: 'POST', headers: {'Content-Type': 'Text/Plain; charset=utf-8'}})) // 'text/plain'
 */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}
