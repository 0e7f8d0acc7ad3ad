// Hostile HTTP input beyond size: deep values, values JSON cannot round-trip, inherited names, invalid
// q-values, multipart bombs, concurrent uploads and clients that hang up mid-body.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import type { RequestLogLine } from '../../src/http/request-log.ts'
import { maxConcurrentUploads, maxParts } from '../../src/http/routes/diagnose.ts'
import { type RunningServer, startServer } from '../../src/http/server.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'

let kb: KnowledgeBase
let logs: RequestLogLine[]
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  logs = []
  app = createApp({ kb, logger: (line) => logs.push(line) })
})

const check = (body: string, headers: Record<string, string> = {}) =>
  app.request('/v1/check', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`

describe('input that is walked: bounded, never a 500', () => {
  it('a value nested 5,000 deep (10 KB) is a 422 for a known fact and a warning for an unknown name', async () => {
    const known = await check(`{"wsusVersion":${deep(5000)}}`)
    expect(known.status).toBe(422)
    expect(((await known.json()) as { code: string }).code).toBe('KB_HTTP_INVALID_FACTS')
    const unknown = await check(`{"site":${deep(5000)},"wsusVersion":"3.0"}`)
    expect(unknown.status).toBe(200)
    const objects = await check(`{"wsusVersion":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)
    expect(objects.status).toBe(422)
    const form = new FormData()
    form.set('client', 'nothing to see')
    form.set('facts', `{"wsusVersion":${deep(5000)}}`)
    const diagnose = await app.request('/v1/diagnose', { method: 'POST', body: form })
    expect(diagnose.status).toBe(422)
    expect(logs.filter((line) => line.status >= 500)).toEqual([])
  })

  it('the answer cache is keyed on validated facts: 1e999 answers 422 cold and warm, never as null', async () => {
    const fresh = createApp({ kb, logger: () => {} })
    const post = (body: string) =>
      fresh.request('/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect((await post('{"wsusVersion":1e999}')).status).toBe(422)
    expect((await post('{"wsusVersion":null}')).status).toBe(200)
    expect((await post('{"wsusVersion":1e999}')).status).toBe(422)
    const normalized = await (await post('{"wsusVersion":"WSUS 3.0 SP1","x":1}')).text()
    expect(await (await post('{"x":2,"wsusVersion":"WSUS 3.0 SP1"}')).text()).toBe(normalized)
  })
})

describe('names and headers', () => {
  it('an unknown asset is a 404 whatever its name, inherited names included', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'app.jsx']) {
      const response = await app.request(`/assets/${name}`)
      expect(response.status, name).toBe(404)
    }
    expect((await app.request('/assets/app.js')).status).toBe(200)
  })

  it('q-values are parsed as RFC 9110 says: an invalid one excludes its range', async () => {
    const language = async (header: string) =>
      (await app.request('/v1/articles', { headers: { 'accept-language': header } })).headers.get(
        'content-language',
      )
    expect(await language('nl;q=-1, pl;q=0.5')).toBe('pl')
    expect(await language('nl;q=NaN, pl;q=0.5')).toBe('pl')
    expect(await language('nl;q=1.5, pl;q=0.5')).toBe('pl')
    expect(await language('nl;q=0.0001, pl;q=0.5')).toBe('pl')
    expect(await language('nl;q=1.000, pl;q=0.5')).toBe('nl')
    expect(await language('nl;q=0.9, pl;q=0.95')).toBe('pl')
    expect(await language('nl;q=-1')).toBe('en')
  })
})

describe('multipart diagnose: part count, total size and concurrency are limited', () => {
  const multipart = (parts: number, partBytes = 4) => {
    const boundary = 'kbboundary'
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="client"\r\n\r\n${'x'.repeat(partBytes)}\r\n`
    return {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: `${part.repeat(parts)}--${boundary}--\r\n`,
    }
  }

  it(`more than ${maxParts} parts (a 1,550-part body) is a 413 before any part is parsed`, async () => {
    const { headers, body } = multipart(155_000 / 100)
    const response = await app.request('/v1/diagnose', { method: 'POST', headers, body })
    expect(response.status).toBe(413)
    const problem = (await response.json()) as { code: string; limit: number; detail: string }
    expect(problem.code).toBe('KB_HTTP_TOO_MANY_PARTS')
    expect(problem.limit).toBe(maxParts)
    expect(problem.detail).toBe(`Expected at most ${maxParts} parts in a multipart body, not more`)
    const allowed = multipart(maxParts)
    expect((await app.request('/v1/diagnose', { method: 'POST', ...allowed })).status).toBe(200)
  })

  it('the parts together are under the body limit', async () => {
    const small = createApp({ kb, bodyLimit: { logs: 1000 }, logger: () => {} })
    const { headers, body } = multipart(2, 600)
    const response = await small.request('/v1/diagnose', { method: 'POST', headers, body })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { limit: number }).limit).toBe(1000)
  })

  it(`at most ${maxConcurrentUploads} uploads at once; the next is a 503 with Retry-After`, async () => {
    const busy = createApp({ kb, logger: () => {} })
    // Uploads that never finish sending hold their slot.
    const held = Array.from({ length: maxConcurrentUploads }, () => new TransformStream<Uint8Array>())
    const pending = held.map((stream) =>
      busy.request('/v1/diagnose?kind=client', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: stream.readable,
        duplex: 'half',
      } as RequestInit),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const refused = await busy.request('/v1/diagnose?kind=client', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'log',
    })
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(((await refused.json()) as { code: string }).code).toBe('KB_HTTP_BUSY')
    for (const stream of held) await stream.writable.close()
    expect((await Promise.all(pending)).map((response) => response.status)).toEqual(held.map(() => 200))
    const after = await busy.request('/v1/diagnose?kind=client', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'log',
    })
    expect(after.status).toBe(200)
  })
})

describe('on the wire', () => {
  let server: RunningServer
  let wireLogs: RequestLogLine[]
  beforeAll(async () => {
    wireLogs = []
    server = await startServer(createApp({ kb, logger: (line) => wireLogs.push(line) }), {
      host: '127.0.0.1',
      port: 0,
    })
  })
  afterAll(() => server.close())

  it('a client that hangs up mid-body is logged as aborted, not as a 500 bug', async () => {
    for (const path of ['/v1/check', '/v1/diagnose?kind=client']) {
      const logged = wireLogs.length
      const socket = connect(server.port, '127.0.0.1')
      await new Promise((resolve) => socket.once('connect', resolve))
      const type = path === '/v1/check' ? 'application/json' : 'text/plain'
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\nContent-Length: 1000\r\n\r\n{"wsus`,
      )
      await new Promise((resolve) => setTimeout(resolve, 50))
      socket.destroy()
      for (let wait = 0; wait < 100 && wireLogs.length === logged; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      const line = wireLogs.at(-1)!
      expect(line.path).toBe(path.split('?')[0])
      expect(line.aborted).toBe(true)
      expect(line.status).not.toBe(500)
      expect(line.error).toBeUndefined()
    }
  })
})
