/**
 * @module `npm run bench`: every performance figure of kb-advisor as a ratio to an anchor measured in the
 * same run, printed as a table and written to bench/results.json. docs/performance.md explains each row.
 *
 * Environment: BENCH_RECORDS (end-to-end records, 1000000), BENCH_THROUGHPUT_RECORDS (200000),
 * BENCH_QUERIES (20000), BENCH_DIAGNOSE_MB (300), BENCH_HTTP_SECONDS (5, per endpoint and round),
 * BENCH_HTTP_ROUNDS (3), BENCH_COLD_RUNS (15),
 * BENCH_ONLY (comma list of: throughput, e2e, latency, diagnose, http, cold, kbscale), BENCH_KBSCALE_SIZES
 * (1,10,100,1000), BENCH_KBSCALE_LOG_MB (50), BENCH_KBSCALE_RUNS (3).
 */
import { existsSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { loadKnowledgeBase } from '../src/knowledge-base.ts'
import { benchColdStart, buildDist } from './cold-start.ts'
import { benchEndToEnd } from './end-to-end.ts'
import { benchHttp } from './http.ts'
import { benchKbScale } from './kbscale.ts'
import { benchLatency } from './latency.ts'
import { benchThroughput } from './throughput.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** One row of the table. */
interface Row {
  measure: string
  value: number
  unit: string
  anchor: string
  anchorValue: number
  /** value / anchorValue. */
  ratio: number
  target?: string
  met?: boolean
}

const rows: Row[] = []
const notes: string[] = []
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim())
const wanted = (part: string) => only === undefined || only.includes(part)

function row(entry: Omit<Row, 'ratio'>): void {
  rows.push({ ...entry, ratio: entry.value / entry.anchorValue })
}

function log(text: string): void {
  process.stderr.write(`bench: ${text}\n`)
}

const began = performance.now()
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
}
const kb = await loadKnowledgeBase()

if (wanted('throughput')) {
  const records = env('BENCH_THROUGHPUT_RECORDS', 200_000)
  log(`batch evaluation on ${records} records in process…`)
  const result = await benchThroughput(kb, records)
  row({
    measure: 'batch verdicts/s (generated function, 1 core)',
    value: result.compiled,
    unit: 'records/s',
    anchor: 'hand-written predicate',
    anchorValue: result.handWritten,
    target: '>= 0.5x',
    met: result.compiled / result.handWritten >= 0.5,
  })
  row({
    measure: 'batch verdicts/s (closures, no code generation)',
    value: result.closures,
    unit: 'records/s',
    anchor: 'generated function',
    anchorValue: result.compiled,
  })
  row({
    measure: 'batch verdicts/s against engine.run()',
    value: result.compiled,
    unit: 'records/s',
    anchor: `engine.run() (${result.engineRecords} records)`,
    anchorValue: result.engineRun,
  })
  row({
    measure: 'validate + verdict/s (parsed JSON in)',
    value: result.preparedAndCompiled,
    unit: 'records/s',
    anchor: 'hand-written predicate',
    anchorValue: result.handWritten,
  })
  row({
    measure: 'batch lines/s (parse, validate, verdict, output)',
    value: result.line,
    unit: 'records/s',
    anchor: 'hand-written predicate',
    anchorValue: result.handWritten,
  })
  row({
    measure: 'explained check()/s (run + tri-state + reasons)',
    value: result.explained,
    unit: 'records/s',
    anchor: 'engine.run()',
    anchorValue: result.engineRun,
  })
}

const build = wanted('e2e') || wanted('cold') ? buildDist() : { created: false }
if (build.note) notes.push(`build: ${build.note}`)
if (wanted('e2e')) {
  const records = env('BENCH_RECORDS', 1_000_000)
  log(`kb check --batch on ${records} generated records (bench/data/)…`)
  const result = await benchEndToEnd(records)
  row({
    measure: `kb check --batch, ${records} records (${result.fileMb.toFixed(0)} MB) wall`,
    value: result.kb.seconds,
    unit: 's',
    anchor: 'NDJSON floor (parse + write, 1 core)',
    anchorValue: result.floor.seconds,
    target: '<= 5 s',
    met: result.kb.seconds <= 5,
  })
  if (result.kb.peakRssMb !== undefined && result.floor.peakRssMb !== undefined) {
    row({
      measure: 'kb check --batch peak RSS',
      value: result.kb.peakRssMb,
      unit: 'MB',
      anchor: 'NDJSON floor peak RSS',
      anchorValue: result.floor.peakRssMb,
    })
  }
  notes.push(`end to end: ${result.kb.failedLines} bad lines reported (one every 100000 records, by design)`)
}
if (wanted('cold')) {
  const runs = env('BENCH_COLD_RUNS', 15)
  log(`cold start, ${runs} runs each…`)
  const result = await benchColdStart(runs)
  if (result.compiled !== undefined) {
    row({
      measure: 'kb check cold start (dist/)',
      value: result.compiled * 1000,
      unit: 'ms',
      anchor: 'node -e 0',
      anchorValue: result.node * 1000,
      target: '<= 3x',
      met: result.compiled / result.node <= 3,
    })
  }
  if (result.installed !== undefined) {
    row({
      measure: 'kb check cold start (installed from the tarball)',
      value: result.installed * 1000,
      unit: 'ms',
      anchor: 'node -e 0',
      anchorValue: result.node * 1000,
      target: '<= 3x',
      met: result.installed / result.node <= 3,
    })
  }
  if (result.importLibrary !== undefined && result.importHttp !== undefined) {
    row({
      measure: "import('kb-advisor') (installed)",
      value: result.importLibrary,
      unit: 'ms',
      anchor: "import('kb-advisor/http')",
      anchorValue: result.importHttp,
    })
  }
  if (result.note) notes.push(`cold start: ${result.note}`)
  row({
    measure: 'kb check cold start (sources via tsx)',
    value: result.source * 1000,
    unit: 'ms',
    anchor: 'node -e 0',
    anchorValue: result.node * 1000,
  })
}

if (wanted('latency')) {
  const queries = env('BENCH_QUERIES', 20_000)
  log(`${queries} explained queries in process…`)
  const result = await benchLatency(kb, queries)
  row({
    measure: 'explained query kb.check p50',
    value: result.p50,
    unit: 'ms',
    anchor: 'verdictOf p50',
    anchorValue: result.fastP50,
  })
  row({
    measure: 'explained query kb.check p99',
    value: result.p99,
    unit: 'ms',
    anchor: 'verdictOf p99',
    anchorValue: result.fastP99,
    target: '<= 1 ms',
    met: result.p99 <= 1,
  })
}

if (wanted('diagnose')) {
  const module = `${root}bench/diagnose.ts`
  const exported = existsSync(module)
    ? ((await import(pathToFileURL(module).href)) as {
        benchDiagnose?: (options: object) => Promise<unknown>
      })
    : {}
  if (typeof exported.benchDiagnose !== 'function')
    notes.push('diagnose: skipped, bench/diagnose.ts has no benchDiagnose yet')
  else {
    const sizeMb = env('BENCH_DIAGNOSE_MB', 300)
    log(`kb diagnose against grep -E on a ${sizeMb} MB log…`)
    const result = (await exported.benchDiagnose({ sizeMb })) as {
      sizeMb: number
      diagnose: { mbPerSecond: number; peakRssMb?: number }
      grep?: { mbPerSecond: number; peakRssMb?: number }
    }
    if (!result.grep) notes.push('diagnose: grep -E is not available; no anchor')
    else {
      row({
        measure: `kb diagnose throughput (${Math.round(result.sizeMb)} MB log)`,
        value: result.diagnose.mbPerSecond,
        unit: 'MB/s',
        anchor: 'grep -E, same patterns',
        anchorValue: result.grep.mbPerSecond,
        target: '>= 0.5x',
        met: result.diagnose.mbPerSecond / result.grep.mbPerSecond >= 0.5,
      })
      if (result.diagnose.peakRssMb !== undefined && result.grep.peakRssMb !== undefined) {
        row({
          measure: 'kb diagnose peak RSS',
          value: result.diagnose.peakRssMb,
          unit: 'MB',
          anchor: 'grep -E peak RSS',
          anchorValue: result.grep.peakRssMb,
          target: '<= 100 MB',
          met: result.diagnose.peakRssMb <= 100,
        })
      }
    }
  }
}

if (wanted('http')) {
  const seconds = env('BENCH_HTTP_SECONDS', 5)
  const rounds = env('BENCH_HTTP_ROUNDS', 3)
  log(`HTTP load, ${rounds} rounds of ${seconds} s per endpoint…`)
  const result = await benchHttp(seconds, 10, rounds)
  if ('skipped' in result) notes.push(`http: skipped, ${result.skipped}`)
  else {
    const failures = result.check.errors + result.check.non2xx
    row({
      measure: 'POST /v1/check req/s (10 connections)',
      value: result.check.requestsPerSecond,
      unit: 'req/s',
      anchor: 'GET /healthz req/s',
      anchorValue: result.healthz.requestsPerSecond,
      target: '>= 0.5x, 0 errors',
      met: result.check.requestsPerSecond / result.healthz.requestsPerSecond >= 0.5 && failures === 0,
    })
    row({
      measure: 'POST /v1/check req/s against the floor',
      value: result.check.requestsPerSecond,
      unit: 'req/s',
      anchor: 'bare node:http, same bytes',
      anchorValue: result.floor.requestsPerSecond,
      target: '>= 0.5x, 0 errors',
      met: result.check.requestsPerSecond / result.floor.requestsPerSecond >= 0.5 && failures === 0,
    })
    if (Number.isFinite(result.check.serverCpuUs)) {
      row({
        measure: 'POST /v1/check server CPU per request',
        value: result.check.serverCpuUs,
        unit: 'µs',
        anchor: 'bare node:http, same bytes',
        anchorValue: result.floor.serverCpuUs,
      })
    }
    row({
      measure: 'POST /v1/check p99 latency',
      value: result.check.p99Ms,
      unit: 'ms',
      anchor: 'GET /healthz p99',
      anchorValue: result.healthz.p99Ms,
    })
    notes.push(
      `http: /v1/check ${result.check.requests} requests, ${result.check.errors} errors, ${result.check.non2xx} non-2xx; /healthz ${result.healthz.errors} errors; rates are medians of ${result.floorRatios.length} rounds, /v1/check against the floor per round: ${result.floorRatios.map((ratio) => `${ratio.toFixed(2)}x`).join(', ')}`,
    )
  }
}

if (wanted('kbscale')) {
  // 3: the real articles, each once; its rows tell cost that grows with the number of articles from cost
  // that comes with what the articles say (954960's signatures have lines that many log lines hold).
  const sizes = (process.env.BENCH_KBSCALE_SIZES ?? '1,3,10,100,1000').split(',').map(Number)
  log(`knowledge bases of ${sizes.join(', ')} articles…`)
  const result = await benchKbScale({
    sizes,
    runs: env('BENCH_KBSCALE_RUNS', 3),
    logMb: env('BENCH_KBSCALE_LOG_MB', 50),
  })
  const one = result.points[0]!
  const most = result.points.at(-1)!
  const many = `${most.articles.toLocaleString('en')} articles`
  const scaleRows: Array<Omit<Row, 'ratio'>> = [
    {
      measure: `cold kb check --json, ${many}`,
      value: most.checkAll,
      unit: 's',
      anchor: `same with ${one.articles} article`,
      anchorValue: one.checkAll,
      target: '<= 1.5x',
      met: most.checkAll / one.checkAll <= 1.5,
    },
    {
      // What printing the answer alone costs: the least a check of every article can take (bench/answer-floor.mjs).
      measure: `floor of the above: parse and print its answer (${many})`,
      value: most.checkAllFloor,
      unit: 's',
      anchor: `kb check --json, ${one.articles} article`,
      anchorValue: one.checkAll,
    },
    {
      measure: `cold kb check --json --article, ${many}`,
      value: most.checkOne,
      unit: 's',
      anchor: `same with ${one.articles} article`,
      anchorValue: one.checkOne,
    },
    {
      measure: `first kb check of a new folder (compiles it), ${many}`,
      value: most.checkAllFirst,
      unit: 's',
      anchor: `same with ${one.articles} article`,
      anchorValue: one.checkAllFirst,
    },
    {
      measure: `kb.diagnose MB/s, ${many} (${Math.round(result.logMb)} MB log)`,
      value: most.diagnoseMbPerSecond,
      unit: 'MB/s',
      anchor: `same with ${one.articles} article`,
      anchorValue: one.diagnoseMbPerSecond,
      target: '>= 0.8x',
      met: most.diagnoseMbPerSecond / one.diagnoseMbPerSecond >= 0.8,
    },
    ...result.points
      .filter((point) => point.articles === 3 && most.articles > 3)
      .map((real) => ({
        measure: `kb.diagnose MB/s, ${many}, against the real articles`,
        value: most.diagnoseMbPerSecond,
        unit: 'MB/s',
        anchor: 'same with the 3 real articles',
        anchorValue: real.diagnoseMbPerSecond,
      })),
    {
      measure: `its pass over the log for all articles (before their checks), ${many}`,
      value: most.diagnosePassMbPerSecond,
      unit: 'MB/s',
      anchor: `same with ${one.articles} article`,
      anchorValue: one.diagnosePassMbPerSecond,
      target: '>= 0.8x',
      met: most.diagnosePassMbPerSecond / one.diagnosePassMbPerSecond >= 0.8,
    },
    {
      measure: `explained check against ${many}, p99`,
      value: most.checkP99Ms,
      unit: 'ms',
      anchor: `p50`,
      anchorValue: most.checkP50Ms,
      target: '<= 5 ms',
      met: most.checkP99Ms <= 5,
    },
    {
      // Each query gives each article's answer as an object of its own: copying them all is its floor.
      measure: `floor of the above: a fresh copy of every article's answer, p99`,
      value: most.copyP99Ms,
      unit: 'ms',
      anchor: 'p50',
      anchorValue: most.copyP50Ms,
    },
    {
      measure: `kb lint, first run, ${many}${most.lintStopped ? ' (stopped at the time limit)' : ''}`,
      value: most.lint,
      unit: 's',
      anchor: `same with ${one.articles} article`,
      anchorValue: one.lint,
      target: '<= 3 s',
      met: most.lint <= 3,
    },
    {
      measure: `kb lint again, folder unchanged, ${many}`,
      value: most.lintAgain,
      unit: 's',
      anchor: `same with ${one.articles} article`,
      anchorValue: one.lintAgain,
      target: '<= 3 s',
      met: most.lintAgain <= 3,
    },
  ]
  if (result.grepMbPerSecond !== undefined)
    scaleRows.push({
      measure: `kb.diagnose MB/s, ${one.articles} article`,
      value: one.diagnoseMbPerSecond,
      unit: 'MB/s',
      anchor: 'grep -E, same patterns',
      anchorValue: result.grepMbPerSecond,
      target: '>= 0.5x',
      met: one.diagnoseMbPerSecond / result.grepMbPerSecond >= 0.5,
    })
  if (most.serveRssMb !== undefined && one.serveRssMb !== undefined)
    scaleRows.push({
      measure: `kb serve RSS, ${many}`,
      value: most.serveRssMb,
      unit: 'MB',
      anchor: `same with ${one.articles} article`,
      anchorValue: one.serveRssMb,
      target: '<= 2x',
      met: most.serveRssMb / one.serveRssMb <= 2,
    })
  for (const entry of scaleRows) row(entry)
  notes.push(`kbscale: ${JSON.stringify(result.points)}`)
}

const format = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value >= 1 ? value.toFixed(2) : value.toPrecision(2)
const table = [
  '| Measure | Value | Anchor (same run) | Ratio | Target | Met |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (entry) =>
      `| ${entry.measure} | ${format(entry.value)} ${entry.unit} | ${entry.anchor}: ${format(entry.anchorValue)} ${entry.unit} | ${entry.ratio >= 10 ? Math.round(entry.ratio) : entry.ratio.toFixed(2)}x | ${entry.target ?? ''} | ${entry.met === undefined ? '' : entry.met ? 'yes' : '**no**'} |`,
  ),
]
const seconds = (performance.now() - began) / 1000
process.stdout.write(`${table.join('\n')}\n\n`)
for (const note of notes) process.stdout.write(`- ${note}\n`)
process.stdout.write(
  `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverageAtStart.join(' ')}; bench took ${seconds.toFixed(0)} s\n`,
)
writeFileSync(
  `${root}bench/results.json`,
  `${JSON.stringify({ date: new Date().toISOString(), machine, seconds, rows, notes }, null, 2)}\n`,
)
