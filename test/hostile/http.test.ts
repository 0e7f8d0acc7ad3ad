// Hostile HTTP requests: in process through app.request(), and against a real server on 127.0.0.1 for
// what only sockets can do (slow bodies, huge headers, thousands of connections).
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { type RunningServer, startServer } from '../../src/http/server.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'

let kb: KnowledgeBase
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  app = createApp({ kb, logger: () => {}, bodyLimit: { logs: 256 * 1024 } })
})

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  return (await response.json()) as { code: string; status: number; detail: string; limit?: number }
}

const post = (path: string, body: string | Uint8Array, type?: string) =>
  app.request(path, { method: 'POST', headers: type === undefined ? {} : { 'content-type': type }, body })

describe('hostile requests in process', () => {
  it('malformed JSON is a 400 with the parser message', async () => {
    const response = await post('/v1/check', '{"wsusVersion": ', 'application/json')
    expect(response.status).toBe(400)
    const problem = await problemOf(response)
    expect(problem.code).toBe('KB_HTTP_MALFORMED_JSON')
    expect(problem.detail).toMatch(/^Expected a JSON body, not text that fails to parse/)
  })

  it('invalid UTF-8 in a JSON body is a 400, not a crash', async () => {
    const response = await post('/v1/check', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), 'application/json')
    expect((await problemOf(response)).code).toBe('KB_HTTP_MALFORMED_JSON')
  })

  it('wrong content types are a 415 naming the expected type', async () => {
    const check = await post('/v1/check', '{}', 'text/plain')
    expect(check.status).toBe(415)
    expect((await problemOf(check)).detail).toBe('Expected a body of type application/json, not `text/plain`')
    const none = await post('/v1/check', '{}')
    expect(none.status).toBe(415)
    const diagnose = await post('/v1/diagnose?kind=client', '<log/>', 'application/xml')
    expect(diagnose.status).toBe(415)
    expect((await problemOf(diagnose)).code).toBe('KB_HTTP_UNSUPPORTED_MEDIA_TYPE')
  })

  it('a JSON body over 64 KiB is a 413 with the limit', async () => {
    const body = JSON.stringify({ wsusVersion: 'x'.repeat(70 * 1024) })
    const problem = await problemOf(await post('/v1/check', body, 'application/json'))
    expect(problem).toMatchObject({ code: 'KB_HTTP_BODY_TOO_LARGE', status: 413, limit: 64 * 1024 })
  })

  it('a streamed log over the limit is a 413, read no further than the limit', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16 * 1024
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x41))
      },
    })
    const response = await app.request('/v1/diagnose?kind=client', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    expect((await problemOf(response)).code).toBe('KB_HTTP_BODY_TOO_LARGE')
    expect(pulled).toBeLessThan(1024 * 1024)
  })

  it('a declared Content-Length over the limit is refused before reading', async () => {
    const response = await app.request('/v1/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(10 ** 12) },
      body: '{}',
    })
    expect((await problemOf(response)).code).toBe('KB_HTTP_BODY_TOO_LARGE')
  })

  it('path traversal in an article id is an unknown article, never a file', async () => {
    for (const path of [
      '/v1/articles/..%2F..%2Fetc%2Fpasswd/kb',
      '/v1/articles/..%252F..%252Fetc%252Fpasswd/kb',
      '/v1/articles/%2e%2e/kb',
      '/v1/articles/954960/..%2F..%2Fpackage.json',
    ]) {
      const response = await app.request(path)
      expect([404], path).toContain(response.status)
      const text = await response.text()
      expect(text).not.toContain('root:')
      expect(text).not.toContain('"dependencies"')
    }
  })

  it('path traversal in a language code is an unsupported language', async () => {
    for (const lang of ['../../x', '..%2F..%2Fetc%2Fpasswd', 'en/../../x', 'en\u0000']) {
      const response = await app.request(`/v1/articles?lang=${encodeURIComponent(lang)}`)
      expect(response.status, lang).toBe(404)
      expect((await problemOf(response)).code).toBe('KB_HTTP_UNKNOWN_LANGUAGE')
    }
    const header = await app.request('/v1/articles', { headers: { 'accept-language': '../../x, en;q=0.1' } })
    expect(header.status).toBe(200)
    expect(header.headers.get('content-language')).toBe('en')
  })

  it('a 100 KB URL is a 404, not a crash', async () => {
    const response = await app.request(`/v1/${'a'.repeat(100 * 1024)}`)
    expect(response.status).toBe(404)
  })

  it('__proto__ in a JSON body is an unknown fact and pollutes nothing', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const response = await post(
      '/v1/check',
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "wsusVersion": "3.0"}',
      'application/json',
    )
    expect(response.status).toBe(200)
    const body = (await response.json()) as { warnings: Array<{ fact: string }> }
    expect(body.warnings.map((warning) => warning.fact).sort()).toEqual(['__proto__', 'constructor'])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('wrong fact types are a 422 naming the fact', async () => {
    const response = await post('/v1/check', '{"office2003OnClients": 1e999}', 'application/json')
    expect(response.status).toBe(422)
    expect(await problemOf(response)).toMatchObject({ code: 'KB_HTTP_INVALID_FACTS' })
  })
})

describe('hostile connections to a real server', () => {
  let server: RunningServer
  const requestTimeoutMs = 1500
  beforeAll(async () => {
    server = await startServer(createApp({ kb, logger: () => {} }), {
      host: '127.0.0.1',
      port: 0,
      requestTimeoutMs,
    })
  })
  afterAll(() => server.close())

  /** Open a socket, send `head`, and collect what the server answers until it closes (or `waitMs` passes). */
  function exchange(head: string, options: { trickle?: string; everyMs?: number; waitMs?: number } = {}) {
    return new Promise<{ answer: string; closed: boolean }>((resolve) => {
      const socket: Socket = connect(server.port, '127.0.0.1')
      let answer = ''
      let timer: NodeJS.Timeout | undefined
      const finish = (closed: boolean) => {
        clearInterval(timer)
        clearTimeout(guard)
        socket.destroy()
        resolve({ answer, closed })
      }
      const guard = setTimeout(() => finish(false), options.waitMs ?? 10_000)
      socket.on('data', (chunk) => {
        answer += chunk
      })
      socket.on('close', () => finish(true))
      socket.on('error', () => undefined)
      socket.write(head)
      if (options.trickle) {
        let index = 0
        timer = setInterval(() => {
          if (index < options.trickle!.length && !socket.destroyed) socket.write(options.trickle![index++]!)
        }, options.everyMs ?? 100)
      }
    })
  }

  it('a body trickled byte by byte is cut off by the request timeout, not waited for forever', async () => {
    const body = JSON.stringify({ wsusVersion: '3.0', padding: 'x'.repeat(200) })
    const head = `POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
    const { answer, closed } = await exchange(head, { trickle: body, everyMs: 100, waitMs: 15_000 })
    // The whole body would take 20 s; the server gives up after its request timeout.
    expect(closed).toBe(true)
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('headers that never end are cut off too', async () => {
    const { closed } = await exchange('GET /healthz HTTP/1.1\r\nHost: x\r\n', {
      trickle:
        'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      everyMs: 100,
      waitMs: 15_000,
    })
    expect(closed).toBe(true)
  })

  it('a 64 KiB header is refused with 431', async () => {
    const { answer } = await exchange(
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 431 /)
  })

  it('a 64 KiB URL is refused with 431 or answered 404, and the server stays up', async () => {
    const { answer } = await exchange(
      `GET /v1/${'a'.repeat(64 * 1024)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 (431|404) /)
    expect((await fetch(`${server.url}healthz`)).status).toBe(200)
  })

  it('2000 concurrent connections are all answered', async () => {
    const count = 2000
    const answers = await Promise.all(
      Array.from({ length: count }, () =>
        exchange('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { waitMs: 30_000 }),
      ),
    )
    const ok = answers.filter((result) => result.answer.startsWith('HTTP/1.1 200 ')).length
    expect(ok).toBe(count)
    expect((await fetch(`${server.url}healthz`)).status).toBe(200)
  })
})
