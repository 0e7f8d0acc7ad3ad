/** The response memo copies a body only while it is small enough to keep. */
import { describe, expect, it } from 'vitest'
import { boundedBody } from '../../src/http/response-memo.ts'

/** A streamed body of `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) controller.close()
      else {
        pulled++
        controller.enqueue(new Uint8Array(size).fill(120))
      }
    },
  })
  return { response: new Response(body), pulled: () => pulled }
}

describe('boundedBody', () => {
  it('gives the whole body when it is within the limit', async () => {
    const { response } = streamed(3, 1000)
    const body = await boundedBody(response, 3000)
    expect(body?.byteLength).toBe(3000)
    expect(body?.every((byte) => byte === 120)).toBe(true)
    expect(await boundedBody(new Response('{}'), 2)).toEqual(Buffer.from('{}'))
    expect(await boundedBody(new Response(null), 0)).toEqual(Buffer.alloc(0))
  })

  it('gives nothing for a longer body, and stops reading it past the limit', async () => {
    const { response, pulled } = streamed(1000, 16 * 1024)
    expect(await boundedBody(response, 64 * 1024)).toBeUndefined()
    // The fifth chunk passes the limit; the stream may have pulled one ahead, never the rest.
    expect(pulled()).toBeLessThanOrEqual(6)
  })

  it('lets the other copy of a cloned body be read in full after giving up on it', async () => {
    // The memo reads a clone before the server sends the original: waiting for the clone's cancellation,
    // which settles only once the original is read, would never end.
    const { response } = streamed(100, 1024)
    const copy = response.clone()
    expect(await boundedBody(copy, 4096)).toBeUndefined()
    expect((await response.arrayBuffer()).byteLength).toBe(100 * 1024)
  })

  it('reads nothing of a body whose declared length is over the limit', async () => {
    const { response, pulled } = streamed(10, 1000)
    const declared = new Response(response.body, { headers: { 'content-length': '10000' } })
    expect(await boundedBody(declared, 9999)).toBeUndefined()
    expect(pulled()).toBeLessThanOrEqual(1)
  })
})
