/**
 * @module How cost grows with the number of articles: knowledge bases of 1, 3, 10, 100 and 1,000 articles
 * (bench/kb-generator.ts), each measured in fresh processes: cold `kb check --json` (all articles, and one
 * article by `--article`), `kb lint`, the in-process pass of `kb.diagnose` over one client log, explained
 * `kb.check` latency, and the RSS of `kb serve` after one check. Also writes docs/performance-scale.svg.
 * Run alone: `npx tsx bench/kbscale.ts [sizes…]`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildDist } from './cold-start.ts'
import { generateLog, grepPatterns, runGrep, transpileChild } from './diagnose.ts'
import { generateKnowledgeBase } from './kb-generator.ts'
import { measure, median } from './process.ts'
import { writeScaleChart } from './scale-chart.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const MB = 1024 * 1024

/** Figures for one knowledge-base size. */
export interface ScalePoint {
  articles: number
  /** Median wall seconds of cold `kb check --json` answering for every article (compiled cache warm). */
  checkAll: number
  /** The first run, which compiles the folder into the cache. */
  checkAllFirst: number
  /**
   * Median wall seconds of the floor of `checkAll` (bench/answer-floor.mjs): a process that parses the answer
   * `kb check` printed and prints it again, the least any process that prints it can take.
   */
  checkAllFloor: number
  /** Median wall seconds of cold `kb check --json --article <the real one>`. */
  checkOne: number
  /** Wall seconds of the first `kb lint --rules` of the folder. */
  lint: number
  /** Wall seconds of `kb lint --rules` again, the folder unchanged. */
  lintAgain: number
  /** Whether lint was stopped at the time limit (`lint` is then a lower bound). */
  lintStopped: boolean
  /** MB/s of `kb.diagnose` over the client log, in process (load excluded). */
  diagnoseMbPerSecond: number
  /** MB/s of its pass over the log for all articles, before the articles' checks. */
  diagnosePassMbPerSecond: number
  /** Explained `kb.check` against every article, in process. */
  checkP50Ms: number
  checkP99Ms: number
  /** The floor of an explained check: a fresh copy (`JSON.parse`) of every article's answer for the defaults. */
  copyP50Ms: number
  copyP99Ms: number
  /** RSS of `kb serve` after answering one `POST /v1/check`. */
  serveRssMb: number | undefined
}

/** The result of {@link benchKbScale}. */
export interface KbScaleResult {
  points: ScalePoint[]
  logMb: number
  /** `grep -E` with the client signature patterns on the same log. */
  grepMbPerSecond: number | undefined
  chart: string
}

const factArgs = ['--fact', 'wsusVersion=3.0 SP1', '--fact', 'office2003OnClients=true']
const node = process.execPath
const tsx = ['--import', 'tsx']

/**
 * Measure every size; `runs` cold runs per median.
 *
 * @example
 * const {points} = await benchKbScale({sizes: [1, 1000], runs: 3, logMb: 50})
 */
export async function benchKbScale(
  options: { sizes?: number[]; runs?: number; logMb?: number; queries?: number; lintLimit?: number } = {},
): Promise<KbScaleResult> {
  const sizes = options.sizes ?? [1, 3, 10, 100, 1000]
  const runs = options.runs ?? 3
  const logMb = options.logMb ?? 50
  const queries = options.queries ?? 200
  const lintLimit = options.lintLimit ?? 600
  // The CLI figures are of the compiled build, as users run it (bin/kb.js falls back to tsx when it is stale).
  buildDist()
  const log = `${root}bench/data/WindowsUpdate-${logMb}MB.log`
  await generateLog(log, logMb * MB, 10 * MB, 'corpus')
  const bytes = statSync(log).size
  const cacheDir = `${root}bench/data/kb-cache`
  const env = { ...process.env, KB_CACHE_DIR: cacheDir, KB_BENCH_ROOT: root.replace(/\/$/, '') }
  // Plain JavaScript, as an embedding program runs: under tsx, its loader thread resolved every module that
  // `kb.diagnose` loads on first use (about 13 ms of the pass at one article).
  const childJs = await transpileChild(`${root}bench/data/js/`, `${root}bench/kbscale-child.ts`)
  const childArgs = childJs ? [childJs] : [...tsx, `${root}bench/kbscale-child.ts`]
  const points: ScalePoint[] = []
  for (const articles of sizes) {
    const kb = generateKnowledgeBase(articles)
    spawnSync('rm', ['-rf', cacheDir])
    const cli = (args: string[]) => measure(node, [`${root}bin/kb.js`, ...args], { env })
    const first = await cli(['check', '--rules', kb.rules, '--json', ...factArgs])
    if (first.status !== 0) throw new Error(`kb check failed on ${articles} articles: ${first.stderr}`)
    const answer = `${root}bench/data/kbscale-answer.json`
    await measure(node, [`${root}bin/kb.js`, 'check', '--rules', kb.rules, '--json', ...factArgs], {
      env,
      stdoutFile: answer,
    })
    const all: number[] = []
    const floor: number[] = []
    const one: number[] = []
    for (let run = 0; run < runs; run++) {
      all.push((await cli(['check', '--rules', kb.rules, '--json', ...factArgs])).seconds)
      floor.push((await measure(node, [`${root}bench/answer-floor.mjs`, answer], { env })).seconds)
      one.push(
        (await cli(['check', '--rules', kb.rules, '--json', '--article', kb.articleIds[0]!, ...factArgs]))
          .seconds,
      )
    }
    // Stopped after `lintLimit` seconds: reported as at least that long. The first lint of the folder checks
    // everything (and files its problems); the next one, of the unchanged folder, reuses them.
    const lintArgs = [String(lintLimit), node, `${root}bin/kb.js`, 'lint', '--rules', kb.rules]
    const lint = await measure('timeout', lintArgs, { env })
    const lintAgain = await measure('timeout', lintArgs, { env })
    // The first process files what a cold one reuses (the compiled rules, the answers for the defaults), as
    // the first `kb check` does for the CLI figures; the second is measured.
    child(childArgs, ['diagnose', kb.rules, log], env)
    const diagnose = child(childArgs, ['diagnose', kb.rules, log], env) as ReturnType<typeof child> & {
      passSeconds: number
    }
    const latency = child(childArgs, ['latency', kb.rules, String(queries)], env)
    points.push({
      articles,
      checkAll: median(all),
      checkAllFirst: first.seconds,
      checkAllFloor: median(floor),
      checkOne: median(one),
      lint: lint.seconds,
      lintStopped: lint.status === 124,
      lintAgain: lintAgain.seconds,
      diagnoseMbPerSecond: bytes / MB / diagnose.seconds,
      diagnosePassMbPerSecond: bytes / MB / diagnose.passSeconds,
      checkP50Ms: latency.p50,
      checkP99Ms: latency.p99,
      copyP50Ms: latency.copyP50,
      copyP99Ms: latency.copyP99,
      // The first start compiles the strings into the cache folder (kb serve reads them from there): not measured.
      serveRssMb: (await serveRss(kb.rules, env)) === undefined ? undefined : await serveRss(kb.rules, env),
    })
    process.stderr.write(`bench: kbscale ${JSON.stringify(points.at(-1))}\n`)
  }
  const grep = runGrep(log, bytes, await grepPatterns(), undefined)
  const chart = writeScaleChart(`${root}docs/performance-scale.svg`, points)
  return { points, logMb: bytes / MB, grepMbPerSecond: grep?.mbPerSecond, chart }
}

function child(
  script: string[],
  args: string[],
  env: NodeJS.ProcessEnv,
): { seconds: number; p50: number; p99: number; copyP50: number; copyP99: number } {
  const result = spawnSync(node, [...script, ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * MB,
  })
  if (result.status !== 0) throw new Error(`kbscale child ${args[0]} failed: ${result.stderr.slice(-500)}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ReturnType<typeof child>
}

/** Start `kb serve`, answer one check, read its resident set from /proc, stop it. */
async function serveRss(rules: string, env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const server = spawn(node, [`${root}bin/kb.js`, 'serve', '--rules', rules, '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      server.stdout!.setEncoding('utf8').on('data', (text: string) => {
        out += text
        const match = /listening on (\S+?)\/? /.exec(out)
        if (match) resolve(match[1]!)
      })
      server.once('exit', () => reject(new Error(`kb serve exited: ${out}`)))
    })
    const response = await fetch(`${url}/v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ wsusVersion: '3.0 SP1', office2003OnClients: true }),
    })
    await response.arrayBuffer()
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8')
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)
    return rss ? Number(rss[1]) / 1024 : undefined
  } catch {
    return undefined
  } finally {
    server.kill('SIGTERM')
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number)
  const result = await benchKbScale(sizes.length > 0 ? { sizes } : {})
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
}
