/**
 * @module `POST /v1/check` against `GET /healthz` on the same server (its own process), with autocannon
 * (its own process too, so client and server do not share a thread).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, existsSync, openSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
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
  /** CPU time the server spent per request (µs), user and system; NaN where /proc is absent. */
  serverCpuUs: number
}

/**
 * Both endpoints and the bare floor (bench/http-floor.mjs), each the median of its rounds, with the ratio
 * of `/v1/check` to the floor in every round; or why the part was skipped.
 */
export type HttpResult =
  | { check: LoadResult; healthz: LoadResult; floor: LoadResult; floorRatios: number[] }
  | { skipped: string }

const facts = JSON.stringify({
  wsusVersion: '3.0 SP1',
  office2003OnClients: true,
  webServicesClientDllVersion: '3.1.6001.65',
})

/**
 * Start bench/http-server.ts and the bare floor serving the app's bytes for the same body, then load
 * `/healthz`, `/v1/check` and the floor for `seconds` each, in `rounds` rounds that alternate which of check
 * and floor goes first (on a shared machine the load drifts; alternating keeps the ratio of one round fair).
 *
 * @example
 * const result = await benchHttp(10)
 * if (!('skipped' in result)) result.check.requestsPerSecond / result.floor.requestsPerSecond
 */
export async function benchHttp(seconds: number, connections = 10, rounds = 3): Promise<HttpResult> {
  if (!existsSync(`${root}src/http/app.ts`) || !existsSync(`${root}src/http/server.ts`)) {
    return { skipped: 'src/http/app.ts (createApp) or src/http/server.ts is not there yet' }
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-http-floor-'))
  // The request log (stderr) goes to a file, as in a deployment: a pipe would make this process read
  // every line on the same two cores. Its end is the error message if the server dies.
  const logFile = path.join(dir, 'requests.log')
  const logFd = openSync(logFile, 'w')
  const server = spawn('node', ['--import', 'tsx', `${root}bench/http-server.ts`], {
    stdio: ['ignore', 'pipe', logFd],
    cwd: root,
  })
  closeSync(logFd)
  let floorServer: ChildProcess | undefined
  try {
    const url = await firstLine(server).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${(await readFile(logFile, 'utf8')).slice(-2000)}`)
    })
    const answer = await fetch(`${url}v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: facts,
    })
    const file = path.join(dir, 'answer.json')
    await writeFile(file, Buffer.from(await answer.arrayBuffer()))
    floorServer = spawn('node', [`${root}bench/http-floor.mjs`, file], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    const floorUrl = `${await firstLine(floorServer)}v1/check`
    const runs: { check: LoadResult; healthz: LoadResult; floor: LoadResult }[] = []
    for (let round = 0; round < rounds; round++) {
      const healthz = await load(`${url}healthz`, seconds, connections, server.pid)
      const checkFirst = round % 2 === 0
      const [firstUrl, firstPid] = checkFirst ? [`${url}v1/check`, server.pid] : [floorUrl, floorServer.pid]
      const [secondUrl, secondPid] = checkFirst ? [floorUrl, floorServer.pid] : [`${url}v1/check`, server.pid]
      const first = await load(firstUrl, seconds, connections, firstPid, facts)
      const second = await load(secondUrl, seconds, connections, secondPid, facts)
      runs.push(
        checkFirst ? { check: first, floor: second, healthz } : { check: second, floor: first, healthz },
      )
    }
    return {
      check: combined(runs.map((run) => run.check)),
      healthz: combined(runs.map((run) => run.healthz)),
      floor: combined(runs.map((run) => run.floor)),
      floorRatios: runs.map((run) => run.check.requestsPerSecond / run.floor.requestsPerSecond),
    }
  } finally {
    server.kill('SIGTERM')
    floorServer?.kill('SIGTERM')
    await rm(dir, { recursive: true, force: true })
  }
}

/** Rounds of one endpoint: median rate and p99, every request and error counted. */
function combined(results: LoadResult[]): LoadResult {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  return {
    requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
    p99Ms: median(results.map((result) => result.p99Ms)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    requests: results.reduce((sum, result) => sum + result.requests, 0),
    serverCpuUs: median(results.map((result) => result.serverCpuUs)),
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

/** CPU time (user + system, all threads) a process has used so far, in µs; NaN without /proc. */
async function cpuTime(pid: number | undefined): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ')
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10_000
  } catch {
    return Number.NaN
  }
}

async function load(
  url: string,
  seconds: number,
  connections: number,
  pid: number | undefined,
  body?: string,
): Promise<LoadResult> {
  const cpuBefore = await cpuTime(pid)
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
  const cpu = (await cpuTime(pid)) - cpuBefore
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
    serverCpuUs: cpu / result.requests.total,
  }
}
