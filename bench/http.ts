/**
 * @module `POST /v1/check` against `GET /healthz` on the same server (its own process), with autocannon
 * (its own process too, so client and server do not share a thread).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** One autocannon run. */
export interface LoadResult {
  requestsPerSecond: number
  p99Ms: number
  errors: number
  non2xx: number
  requests: number
}

/** Both endpoints and the bare floor (bench/http-floor.mjs), or why the part was skipped. */
export type HttpResult = { check: LoadResult; healthz: LoadResult; floor: LoadResult } | { skipped: string }

const facts = JSON.stringify({
  wsusVersion: '3.0 SP1',
  office2003OnClients: true,
  webServicesClientDllVersion: '3.1.6001.65',
})

/**
 * Start bench/http-server.ts, load `/healthz` then `/v1/check` for `seconds` each, and stop it.
 *
 * @example
 * const result = await benchHttp(10)
 * if (!('skipped' in result)) result.check.requestsPerSecond / result.healthz.requestsPerSecond
 */
export async function benchHttp(seconds: number, connections = 10): Promise<HttpResult> {
  if (!existsSync(`${root}src/http/app.ts`) || !existsSync(`${root}src/http/server.ts`)) {
    return { skipped: 'src/http/app.ts (createApp) or src/http/server.ts is not there yet' }
  }
  const server = spawn('node', ['--import', 'tsx', `${root}bench/http-server.ts`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: root,
  })
  // The request log goes to stderr; keep only its end, for the error message if the server dies.
  let log = ''
  server.stderr!.setEncoding('utf8')
  server.stderr!.on('data', (chunk: string) => {
    log = (log + chunk).slice(-2000)
  })
  try {
    const url = await firstLine(server).catch((error: Error) => {
      throw new Error(`${error.message}: ${log}`)
    })
    const healthz = await load(`${url}healthz`, seconds, connections)
    const check = await load(`${url}v1/check`, seconds, connections, facts)
    const answer = await fetch(`${url}v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: facts,
    })
    const floor = await loadFloor(Buffer.from(await answer.arrayBuffer()), seconds, connections)
    return { check, healthz, floor }
  } finally {
    server.kill('SIGTERM')
  }
}

// The same requests against a bare node:http server answering with the app's bytes for this body.
async function loadFloor(answer: Buffer, seconds: number, connections: number): Promise<LoadResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-http-floor-'))
  const file = path.join(dir, 'answer.json')
  await writeFile(file, answer)
  const server = spawn('node', [`${root}bench/http-floor.mjs`, file], { stdio: ['ignore', 'pipe', 'ignore'] })
  try {
    return await load(`${await firstLine(server)}v1/check`, seconds, connections, facts)
  } finally {
    server.kill('SIGTERM')
    await rm(dir, { recursive: true, force: true })
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      text += chunk
      if (text.includes('\n')) resolve(text.split('\n')[0]!.trim())
    })
    child.once('exit', (code) =>
      reject(new Error(`Expected the benchmark server to start, not to exit with ${code}`)),
    )
  })
}

async function load(url: string, seconds: number, connections: number, body?: string): Promise<LoadResult> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js')
  const args = [cli, '--json', '-c', String(connections), '-d', String(seconds)]
  if (body !== undefined) args.push('-m', 'POST', '-H', 'content-type=application/json', '-b', body)
  args.push(url)
  const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'ignore'] })
  let text = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    text += chunk
  })
  await new Promise((resolve) => child.once('exit', resolve))
  const result = JSON.parse(text) as {
    requests: { average: number; total: number }
    latency: { p99: number }
    errors: number
    timeouts: number
    non2xx: number
  }
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  }
}
