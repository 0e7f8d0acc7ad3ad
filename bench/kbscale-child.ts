/**
 * @module Child process of the kbscale benchmark, so each figure comes from a fresh process:
 * `kbscale-child.ts diagnose RULES LOG` times `kb.diagnose` on one client log, and within it the pass over the
 * log for every article (the checks of the articles follow it); `kbscale-child.ts latency RULES N` times N explained
 * `kb.check` queries against every article, then as many fresh copies of every article's answer for the defaults
 * (the floor of a query that gives each article's answer as a new object). Prints one JSON line. Runs the
 * compiled build: `npm run build` first. Run alone: `npx tsx bench/kbscale-child.ts latency bench/data/kbscale-1000/rules 200`.
 */
import { pathToFileURL } from 'node:url'
import { fleetRecords } from './fleet.ts'

// The compiled build, as users run it (bench/kbscale.ts builds it first), not the sources through tsx. The
// parent runs a transpiled copy of this file from another folder and names the project in `KB_BENCH_ROOT`.
const project = process.env.KB_BENCH_ROOT
  ? pathToFileURL(`${process.env.KB_BENCH_ROOT}/`)
  : new URL('..', import.meta.url)
const { loadKnowledgeBase } = (await import(
  new URL('dist/knowledge-base.js', project).href
)) as typeof import('../src/knowledge-base.ts')

const [mode, rules, argument] = process.argv.slice(2)
if (!rules || !argument) throw new Error('Expected `kbscale-child.ts diagnose|latency RULES LOG|N`')
const kb = await loadKnowledgeBase(rules)

if (mode === 'diagnose') {
  const began = performance.now()
  // The pass over the log for all articles ends when the file is read; each article's check follows.
  let passSeconds = 0
  const progress = (event: { done: boolean }) => {
    if (event.done) passSeconds = (performance.now() - began) / 1000
  }
  const results = await kb.diagnose({ client: argument }, { progress })
  const seconds = (performance.now() - began) / 1000
  const confirmed = results.filter(
    (result) => result.diagnosis.logs.windowsupdate?.level === 'confirmed',
  ).length
  const bytes = results[0]?.diagnosis.logs.windowsupdate?.files[0]?.stats.bytes ?? 0
  process.stdout.write(
    `${JSON.stringify({ seconds, passSeconds, bytes, articles: results.length, confirmed })}\n`,
  )
} else {
  const queries = Number(argument)
  const next = fleetRecords(4242, 0)
  const inputs = Array.from({ length: queries + 20 }, (_, index) => {
    const { id: _id, ...facts } = next(index) as Record<string, unknown>
    return facts
  })
  for (const input of inputs.slice(queries)) await kb.check(input)
  const times: number[] = []
  for (const input of inputs.slice(0, queries)) {
    const began = process.hrtime.bigint()
    await kb.check(input)
    times.push(Number(process.hrtime.bigint() - began) / 1e6)
  }
  // The floor: a fresh copy of every article's answer, as `kb.check` gives each query its own (the answers for
  // the defaults are copied so), before anything is evaluated.
  const texts = (await kb.defaultAnswers()).map((answer) => JSON.stringify(answer))
  const copies: number[] = []
  for (let query = 0; query < queries + 20; query++) {
    const began = process.hrtime.bigint()
    const copied = texts.map((text) => JSON.parse(text) as unknown)
    if (query >= 20) copies.push(Number(process.hrtime.bigint() - began) / 1e6)
    if (copied.length !== texts.length) throw new Error('Expected a copy of every answer')
  }
  const at = (list: number[], share: number) => {
    const sorted = [...list].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
  }
  process.stdout.write(
    `${JSON.stringify({
      queries,
      p50: at(times, 0.5),
      p99: at(times, 0.99),
      copyP50: at(copies, 0.5),
      copyP99: at(copies, 0.99),
    })}\n`,
  )
}
