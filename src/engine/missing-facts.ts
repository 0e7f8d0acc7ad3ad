/** @module Which missing facts to ask for first: the ones whose answer settles the verdict most often. */
import type { FactDefinition } from '../kb/schema/facts.ts'
import { applyDerivations, type CompiledArticle } from './compiled.ts'
import { probeValues } from './completions.ts'
import { decide } from './decide.ts'
import type { EngineCondition } from './engine-rules.ts'
import type { Facts } from './facts.ts'

/**
 * Every version a rule compares each fact with, for `probeValues`.
 *
 * @example
 * versionThresholds([{fact: 'wsusVersion', operator: 'versionLessThan', value: '3.0'}]) // Map {'wsusVersion' => ['3.0']}
 */
export function versionThresholds(conditions: EngineCondition[]): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const walk = (node: EngineCondition) => {
    if ('all' in node) node.all.forEach(walk)
    else if ('any' in node) node.any.forEach(walk)
    else if ('not' in node) walk(node.not)
    else if (node.operator.startsWith('version') && typeof node.value === 'string') {
      found.set(node.fact, [...(found.get(node.fact) ?? []), node.value])
    }
  }
  conditions.forEach(walk)
  return found
}

/**
 * Rank candidate facts: for each, the share of its possible values that would make the verdict definite
 * given the facts already known. Higher first; then the fact that more of the open rules read (a fact that
 * only feeds a derivation comes after those the rules read themselves); then the vocabulary's order. Facts
 * that settle nothing alone stay in the list because they matter together with another answer.
 *
 * @example
 * rankMissingFacts(compiled, facts, ['wsusVersion', 'office2003OnClients'], vocabulary, thresholds, openReads)
 */
export function rankMissingFacts(
  compiled: CompiledArticle,
  facts: Facts,
  candidates: ReadonlySet<string>,
  vocabulary: readonly FactDefinition[],
  thresholds: ReadonlyMap<string, string[]>,
  openReads: ReadonlyMap<string, number>,
): string[] {
  const verdicts = compiled.decisions.map((rule) => rule.verdict)
  const scored: Array<{ name: string; score: number; reads: number }> = []
  // Built in vocabulary order; the sort is stable, so ties keep that order.
  for (const definition of vocabulary) {
    if (!candidates.has(definition.name) || facts[definition.name] !== undefined) continue
    const values = probeValues(definition, thresholds.get(definition.name) ?? [])
    let settled = 0
    for (const value of values) {
      const probe = applyDerivations(compiled, { ...facts, [definition.name]: value })
      const tris = compiled.decisions.map((rule) => rule.when(probe))
      if (decide(tris, verdicts).verdict !== 'unknown') settled++
    }
    const score = values.length === 0 ? 0 : settled / values.length
    scored.push({ name: definition.name, score, reads: openReads.get(definition.name) ?? 0 })
  }
  return scored.sort((a, b) => b.score - a.score || b.reads - a.reads).map((entry) => entry.name)
}
