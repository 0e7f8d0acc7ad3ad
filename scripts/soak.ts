/**
 * @module Soak test (`npm run soak`): `kb serve` under mixed check, diagnose and render load for 60 s
 * (`SOAK_SECONDS` to change). Fails on any error, timeout or non-2xx answer, and when the server's RSS at
 * the end is more than 20% above its RSS after the warm-up (a leak).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const root = fileURLToPath(new URL('../', import.meta.url))
const seconds = Number(process.env.SOAK_SECONDS ?? 60)
const connections = Number(process.env.SOAK_CONNECTIONS ?? 16)
// RSS is sampled every second. The garbage collector makes it a sawtooth (±30% within seconds), so the
// peaks of two windows are compared: right after the warm-up (a quarter of the run, 5 to 20 s, while
// caches and the heap grow to their working size) and at the end.
const warmUpSeconds = Math.min(20, Math.max(5, Math.round(seconds / 4)))
const windowSeconds = Math.max(3, Math.min(10, Math.round(seconds / 6)))
const maxGrowth = 0.2

const clientLog = readFileSync(
  new URL('../test/fixtures/logs/client-954960-classic.log', import.meta.url),
  'utf8',
)
const check = (facts: Record<string, unknown>, lang: string) => ({
  method: 'POST' as const,
  path: `/v1/check?lang=${lang}`,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(facts),
})
const requests = [
  check(
    { wsusVersion: '3.0 SP1', office2003OnClients: true, webServicesClientDllVersion: '3.1.6001.65' },
    'en',
  ),
  check({ wsusVersion: '3.0', office2003OnClients: 'yes' }, 'nl'),
  check({ product: 'sbs2003', unknownName: 1 }, 'pl'),
  {
    method: 'POST' as const,
    path: '/v1/diagnose?kind=client&lang=nb',
    headers: { 'content-type': 'text/plain' },
    body: clientLog,
  },
  { method: 'GET' as const, path: '/v1/articles/954960/kb?format=html&lang=en' },
  { method: 'GET' as const, path: '/v1/articles/954960/advisory?format=md&lang=nl' },
  { method: 'GET' as const, path: '/v1/articles?lang=pl' },
]

/** The resident set size of a process in KiB, from /proc (Linux). */
async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status)
  if (!match) throw new Error(`Expected VmRSS in /proc/${pid}/status, not none`)
  return Number(match[1])
}

/** Start `kb serve` on a free port of 127.0.0.1 and resolve with its URL once it listens. */
function startServe(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // node directly (not npx), so the pid sampled is the server's own.
    const child = spawn(process.execPath, ['bin/kb.js', 'serve', '--host', '127.0.0.1', '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    let out = ''
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      const match = /listening on (http:\/\/\S+?\/)[\s(]/.exec(out)
      if (match) resolve({ child, url: match[1]! })
    })
    child.once('exit', (code) =>
      reject(new Error(`Expected kb serve to start, not to exit with ${code}: ${out}`)),
    )
    setTimeout(
      () => reject(new Error('Expected kb serve to listen within 30 s, not silence')),
      30_000,
    ).unref()
  })
}

function run(url: string, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, requests, timeout: 10 }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
  })
}

async function main(): Promise<number> {
  const { child, url } = await startServe()
  const pid = child.pid!
  const started = performance.now()
  const samples: Array<{ at: number; rss: number }> = []
  const sampler = setInterval(() => {
    rssKiB(pid).then(
      (rss) => samples.push({ at: (performance.now() - started) / 1000, rss }),
      () => undefined,
    )
  }, 1000)
  try {
    const result = await run(url, seconds)
    clearInterval(sampler)
    const peak = (from: number, to: number) =>
      Math.max(
        0,
        ...samples.filter((sample) => sample.at >= from && sample.at <= to).map((sample) => sample.rss),
      )
    const rssWarm = peak(warmUpSeconds, warmUpSeconds + windowSeconds)
    const rssEnd = peak(seconds - windowSeconds, seconds + 1)
    if (rssWarm === 0 || rssEnd === 0) throw new Error('Expected RSS samples of the server, not none')
    const errors = result.errors + result.timeouts + result.non2xx
    const growth = (rssEnd - rssWarm) / rssWarm
    const mib = (kib: number) => +(kib / 1024).toFixed(1)
    const figures = {
      seconds,
      connections,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      errors,
      latencyP50ms: result.latency.p50,
      latencyP99ms: result.latency.p99,
      rssAfterWarmUpMiB: mib(rssWarm),
      rssAtEndMiB: mib(rssEnd),
      rssGrowthPercent: +(growth * 100).toFixed(1),
      rssWindows: `peak of ${warmUpSeconds}-${warmUpSeconds + windowSeconds} s vs peak of the last ${windowSeconds} s`,
      rssMinMaxMiB: [
        mib(Math.min(...samples.map((sample) => sample.rss))),
        mib(Math.max(...samples.map((sample) => sample.rss))),
      ],
    }
    console.log(JSON.stringify(figures, null, 2))
    const failures = [
      ...(errors > 0 ? [`Expected no errors, not ${errors} (errors, timeouts and non-2xx answers)`] : []),
      ...(growth > maxGrowth
        ? [
            `Expected RSS at the end within ${maxGrowth * 100}% of RSS after warm-up, not ${figures.rssGrowthPercent}%`,
          ]
        : []),
    ]
    for (const failure of failures) console.error(`soak: ${failure}`)
    return failures.length > 0 ? 1 : 0
  } finally {
    clearInterval(sampler)
    child.kill('SIGTERM')
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`)
  return 1
})
