/** `kb serve` and `startServer`: the URL, PORT, graceful shutdown with requests in flight. */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.ts'
import { startServer } from '../../src/http/server.ts'
import { fictionalApp, fictionalDir, json, seedClientLog, testApp } from './helpers.ts'

const bin = fileURLToPath(new URL('../../bin/kb.js', import.meta.url))

describe('kb serve', () => {
  it('serves the page and the API on the PORT it prints, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)
        if (match) resolve(match[1]!)
      })
      child.once('exit', (code) => reject(new Error(`kb serve exited with ${code}: ${stderr}`)))
    })
    const health = await fetch(`${url}healthz`)
    expect(await json(health)).toMatchObject({ status: 'ok' })
    const page = await fetch(url, { headers: { 'accept-language': 'nb' } })
    expect(await page.text()).toContain('<html lang="nb">')
    const exit = once(child, 'exit')
    child.kill('SIGTERM')
    const [code] = await exit
    expect(code).toBe(0)
    const logged = stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
    expect(logged).toContainEqual(expect.objectContaining({ method: 'GET', path: '/healthz', status: 200 }))
    expect(logged).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/', status: 200, lang: 'nb' }),
    )
  })

  it('answers a check with its translations kept in the memory given, as the app in process does', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--rules', `${fictionalDir}/rules`, '--strings-memory', '8'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    )
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = ''
        child.stdout.on('data', (chunk) => {
          stdout += chunk
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)
          if (match) resolve(match[1]!)
        })
        child.once('exit', (code) => reject(new Error(`kb serve exited with ${code}`)))
      })
      const body = JSON.stringify({ widgetServerVersion: '4.2' })
      const request = { method: 'POST', headers: { 'content-type': 'application/json' }, body }
      const served = await fetch(`${url}v1/check?lang=nl`, request)
      const expected = await (await fictionalApp()).request('/v1/check?lang=nl', request)
      expect(served.status).toBe(200)
      expect(await served.json()).toEqual(await expected.json())
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('refuses a port that is not a number', async () => {
    const { status, stderr } = await serveRefused(['--port', 'eighty'])
    expect(status).toBe(2)
    expect(stderr).toContain('Expected a port number from 0 to 65535, not `eighty`')
  })

  it('refuses a memory for translations that is not a whole number of MiB, naming the option', async () => {
    for (const value of ['0', '0.5', 'lots']) {
      const { status, stderr } = await serveRefused(['--strings-memory', value])
      expect(status).toBe(2)
      expect(stderr).toContain(`'--strings-memory <MiB>' argument '${value}' is invalid`)
      expect(stderr).toContain('Expected a whole number of 1 or more')
    }
  })
})

/** `kb serve` with options it refuses before it listens: its exit status and what it said on stderr. */
async function serveRefused(options: string[]): Promise<{ status: number; stderr: string }> {
  const stderr = new PassThrough()
  let text = ''
  stderr.on('data', (chunk) => {
    text += chunk
  })
  const status = await runCli(['serve', ...options], {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr,
    env: {},
    cwd: process.cwd(),
  })
  return { status, stderr: text }
}

describe('startServer', () => {
  it('finishes a request in flight when closed, then refuses new connections', async () => {
    const server = await startServer(await testApp(), { host: '127.0.0.1', port: 0 })
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const log = seedClientLog()
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(log.slice(0, 200)))
        await held
        controller.enqueue(new TextEncoder().encode(log.slice(200)))
        controller.close()
      },
    })
    const inFlight = fetch(`${server.url}v1/diagnose?kind=client`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
      duplex: 'half',
    } as RequestInit)
    // Let the request reach the server before shutting down.
    await new Promise((resolve) => setTimeout(resolve, 100))
    const closed = server.close()
    release()
    const response = await inFlight
    expect(response.status).toBe(200)
    expect((await json(response)).evidence[0].facts.clientSymptom).toBe('confirmed')
    await closed
    await expect(fetch(`${server.url}healthz`)).rejects.toThrow()
  })
})
