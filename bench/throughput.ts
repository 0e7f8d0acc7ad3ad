/**
 * @module In-process evaluation speed on one core: the generated verdict function against the hand-written
 * predicate (the limit) and against json-rules-engine `run()` (through `check()`), on the same records.
 */

import { LineEvaluator } from '../src/batch/evaluate-line.ts'
import { FactPreparer } from '../src/batch/prepare-facts.ts'
import { ArticleChecker } from '../src/engine/article-checker.ts'
import type { Facts } from '../src/engine/facts.ts'
import type { KnowledgeBase } from '../src/knowledge-base.ts'
import { fleetLine, fleetRecords } from './fleet.ts'
import { handWrittenVerdict } from './predicate.ts'

/** Records per second of each way to get a verdict. */
export interface ThroughputResult {
  records: number
  handWritten: number
  compiled: number
  /** The same verdicts from closures, as where code generation is not allowed. */
  closures: number
  /** Validation (cached per value) plus the generated function, from parsed JSON objects. */
  preparedAndCompiled: number
  /** A whole batch line: JSON.parse, validation, verdict, output text. */
  line: number
  /** json-rules-engine `run()` alone, one evaluation at a time. */
  engineRun: number
  /** `check()`: `run()` plus the three-valued walk, reasons and missing facts. */
  explained: number
  engineRecords: number
}

// Best of `rounds` passes over the records: the steady state, with the JIT warm.
function rate(records: number, rounds: number, pass: () => number): number {
  let best = Number.POSITIVE_INFINITY
  let sink = 0
  for (let round = 0; round < rounds; round++) {
    const began = performance.now()
    sink += pass()
    best = Math.min(best, performance.now() - began)
  }
  if (sink < 0) throw new Error('unreachable: keeps the passes from being optimized away')
  return (records / best) * 1000
}

/**
 * Measure records/s of the hand-written predicate, the generated verdict function, the batch line path
 * and `engine.run()`, on `records` generated fleet records.
 *
 * @example
 * const result = await benchThroughput(kb, 200_000)
 * result.compiled / result.handWritten // the share of the limit
 */
export async function benchThroughput(kb: KnowledgeBase, records: number): Promise<ThroughputResult> {
  const checker = kb.checkers.get('954960')
  if (!checker) throw new Error('Expected article 954960 in the rules, not a knowledge base without it')
  const next = fleetRecords(20260, 0)
  const raw = Array.from({ length: records }, (_, index) => next(index) as Record<string, unknown>)
  const lines = raw.map((record) => fleetLine(record))
  const preparer = new FactPreparer(kb, ['id'])
  const facts: Facts[] = []
  for (const record of raw) {
    const prepared = preparer.prepare(record)
    if (prepared.ok) facts.push(prepared.facts)
  }
  const count = facts.length
  const handWritten = rate(count, 7, () => {
    let affected = 0
    for (const record of facts) if (handWrittenVerdict(record) === 'affected') affected++
    return affected
  })
  const compiled = rate(count, 7, () => {
    let affected = 0
    for (const record of facts) if (checker.verdictOf(record) === 'affected') affected++
    return affected
  })
  const closureChecker = new ArticleChecker(checker.article, kb.model.facts, 'closures')
  const closures = rate(count, 7, () => {
    let affected = 0
    for (const record of facts) if (closureChecker.verdictOf(record) === 'affected') affected++
    return affected
  })
  const preparedAndCompiled = rate(raw.length, 3, () => {
    let affected = 0
    for (const record of raw) {
      const prepared = preparer.prepare(record)
      if (prepared.ok && checker.verdictOf(prepared.facts) === 'affected') affected++
    }
    return affected
  })
  const evaluator = new LineEvaluator(kb, { article: '954960' })
  const line = rate(lines.length, 3, () => {
    let length = 0
    for (let index = 0; index < lines.length; index++) {
      length += (evaluator.evaluate(lines[index]!, index + 1) as { json: string }).json.length
    }
    return length
  })
  // run() manages about 10k/s: a slice keeps this part to a few seconds.
  const engineRecords = Math.min(count, 20_000)
  const present = facts.slice(0, engineRecords).map((record) => {
    const clean: Facts = Object.create(null)
    for (const name in record) if (record[name] !== undefined) clean[name] = record[name]!
    return clean
  })
  const timeAsync = async (job: (record: Facts) => Promise<unknown>) => {
    let best = Number.POSITIVE_INFINITY
    for (let round = 0; round < 2; round++) {
      const began = performance.now()
      for (const record of present) await job(record)
      best = Math.min(best, performance.now() - began)
    }
    return (engineRecords / best) * 1000
  }
  const engineRun = await timeAsync((record) => checker.engine.run({ ...record }))
  const explained = await timeAsync((record) => checker.check(record))
  return {
    records: count,
    handWritten,
    compiled,
    closures,
    preparedAndCompiled,
    line,
    engineRun,
    explained,
    engineRecords,
  }
}
