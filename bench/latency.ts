/** @module One explained query in process (`kb.check`): latency percentiles, next to the fast verdict. */
import type { KnowledgeBase } from '../src/knowledge-base.ts'
import { fleetRecords } from './fleet.ts'

/** Latency percentiles in milliseconds. */
export interface LatencyResult {
  queries: number
  p50: number
  p99: number
  /** `verdictOf` alone on the same facts (validated), the anchor. */
  fastP50: number
  fastP99: number
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!
}

/**
 * Time `kb.check(facts)` (validation, `engine.run()`, three-valued walk, reasons, missing facts, actions)
 * one query at a time after a warm-up, on varied fleet records.
 *
 * @example
 * const {p99} = await benchLatency(kb, 20_000) // target: p99 at most 1 ms
 */
export async function benchLatency(kb: KnowledgeBase, queries: number): Promise<LatencyResult> {
  const next = fleetRecords(4242, 0)
  const inputs = Array.from({ length: queries }, (_, index) => {
    const { id: _id, ...facts } = next(index) as Record<string, unknown>
    return facts
  })
  for (const input of inputs.slice(0, 2000)) await kb.check(input)
  const slow: number[] = []
  for (const input of inputs) {
    const began = process.hrtime.bigint()
    await kb.check(input)
    slow.push(Number(process.hrtime.bigint() - began) / 1e6)
  }
  const checker = kb.checkers.get('954960')!
  const prepared = inputs.map((input) => kb.prepareFacts(input).facts)
  const fast: number[] = []
  for (const facts of prepared) {
    const began = process.hrtime.bigint()
    checker.verdictOf(facts)
    fast.push(Number(process.hrtime.bigint() - began) / 1e6)
  }
  slow.sort((a, b) => a - b)
  fast.sort((a, b) => a - b)
  return {
    queries,
    p50: percentile(slow, 0.5),
    p99: percentile(slow, 0.99),
    fastP50: percentile(fast, 0.5),
    fastP99: percentile(fast, 0.99),
  }
}
