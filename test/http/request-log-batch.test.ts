/** The request log written in batches: every line arrives, whole and in order, also when the server stops. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LineBatch } from '../../src/http/line-batch.ts'
import { batchedLogger } from '../../src/http/request-log.ts'
import { startServer } from '../../src/http/server.ts'
import { testApp } from './helpers.ts'

const facts = JSON.stringify({ wsusVersion: '3.0 SP1', office2003OnClients: true })
/** Long enough that only `close()`, the size limit or the exit writes a batch during a test. */
const never = 3_600_000

describe('batchedLogger under startServer', () => {
  it("writes every request's line, in the order answered, when the server is closed right after a burst", async () => {
    const writes: string[] = []
    const logger = batchedLogger((text) => writes.push(text), { delayMs: never })
    const server = await startServer(await testApp({ logger }), { host: '127.0.0.1', port: 0 })
    const sent: { method: string; path: string; status: number }[] = []
    for (let round = 0; round < 8; round++) {
      // The first check goes through the app, the later ones are replayed (replay.ts): both are logged.
      const check = await fetch(`${server.url}v1/check?lang=nl`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: facts,
      })
      await check.arrayBuffer()
      sent.push({ method: 'POST', path: '/v1/check', status: check.status })
      const missing = await fetch(`${server.url}v1/articles/no-such-article-${round}`)
      await missing.arrayBuffer()
      sent.push({ method: 'GET', path: `/v1/articles/no-such-article-${round}`, status: missing.status })
      const health = await fetch(`${server.url}healthz`)
      await health.arrayBuffer()
      sent.push({ method: 'GET', path: '/healthz', status: health.status })
    }
    expect(writes).toEqual([])
    await server.close()

    expect(writes).toHaveLength(1)
    expect(writes[0]!.endsWith('\n')).toBe(true)
    const lines = writes[0]!
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text))
    expect(lines.map(({ method, path, status }) => ({ method, path, status }))).toEqual(sent)
    expect(sent.filter((request) => request.status === 200)).toHaveLength(16)
    // The format of a line is unchanged: the same fields in the same order, replayed or not.
    for (const line of lines.filter((logged) => logged.path === '/v1/check')) {
      expect(Object.keys(line)).toEqual(['time', 'method', 'path', 'status', 'ms', 'lang'])
      expect(line.lang).toBe('nl')
      expect(new Date(line.time).toISOString()).toBe(line.time)
      expect(line.ms).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('LineBatch', () => {
  it('writes whole lines, in order, each time the size limit is reached', () => {
    const writes: string[] = []
    const batch = new LineBatch((text) => writes.push(text), { maxChars: 100, delayMs: never })
    const lines = Array.from({ length: 20 }, (_, index) => `{"line":${index},"pad":"${'x'.repeat(index)}"}`)
    for (const line of lines) batch.add(line)
    batch.flush()
    expect(writes.length).toBeGreaterThan(2)
    for (const write of writes) expect(write.endsWith('\n')).toBe(true)
    expect(writes.join('')).toBe(lines.map((line) => `${line}\n`).join(''))
  })

  it('loses only the batch whose write failed, and keeps working', () => {
    const writes: string[] = []
    let failing = true
    const batch = new LineBatch(
      (text) => {
        if (failing) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })
        writes.push(text)
      },
      { delayMs: never },
    )
    batch.add('lost')
    expect(() => batch.flush()).not.toThrow()
    failing = false
    batch.add('kept\n')
    batch.flush()
    expect(writes).toEqual(['kept\n'])
  })
})

describe('the process ending', () => {
  const module = fileURLToPath(new URL('../../src/http/request-log.ts', import.meta.url))
  /** Output of a Node process that logs three lines with an hour's delay, then ends as `ending` says. */
  async function loggedBy(ending: string): Promise<string> {
    const script = [
      `import { batchedLogger } from ${JSON.stringify(module)}`,
      `const log = batchedLogger((text) => process.stdout.write(text), { delayMs: ${never} })`,
      `for (const status of [200, 404, 500]) log({ time: '2026-11-30T12:00:00.000Z', method: 'GET', path: '/x', status, ms: 1 })`,
      ending,
    ].join('\n')
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    await new Promise((resolve) => child.once('close', resolve))
    return output
  }
  const expected = [200, 404, 500]
    .map(
      (status) =>
        `{"time":"2026-11-30T12:00:00.000Z","method":"GET","path":"/x","status":${status},"ms":1}\n`,
    )
    .join('')

  it('writes the waiting lines on process.exit()', async () => {
    expect(await loggedBy('process.exit(0)')).toBe(expected)
  })

  it('writes the waiting lines when nothing is left to do', async () => {
    expect(await loggedBy('')).toBe(expected)
  })
})
