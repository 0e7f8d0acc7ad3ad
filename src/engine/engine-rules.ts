/** @module Compile an article's YAML rules into json-rules-engine rule JSON. */
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine'
import type { ArticleModel } from '../kb/model.ts'
import type { Condition } from '../kb/schema/condition.ts'

/** A json-rules-engine leaf or tree, with `valueRef` already resolved. */
export type EngineCondition =
  | { fact: string; operator: string; value: unknown }
  | { all: EngineCondition[] }
  | { any: EngineCondition[] }
  | { not: EngineCondition }

type RuleRole = 'derive' | 'decide' | 'action'

/** One YAML rule as json-rules-engine rule JSON, with the role and position it came from. */
export interface CompiledRule {
  role: RuleRole
  id: string
  /** Position among the rules of its role. */
  index: number
  json: RuleProperties & { conditions: TopLevelCondition }
}

// Derivations run first (highest priority, one each so later ones see earlier results), then
// decisions, then actions; within decisions the order comes from the tri-state walk, not the engine.
const decidePriority = 2
const actionPriority = 1

/**
 * The rules of one article as json-rules-engine rule JSON, named `<role>:<id>`.
 *
 * @example
 * const rules = toEngineRules(model.articles[0])
 * rules.map((rule) => rule.json.name) // ['derive:sbs-not-upgraded-runs-wsus-2', 'decide:symptom-observed', …]
 */
export function toEngineRules(article: ArticleModel): CompiledRule[] {
  const resolve = (condition: Condition): EngineCondition => {
    if ('all' in condition) return { all: condition.all.map(resolve) }
    if ('any' in condition) return { any: condition.any.map(resolve) }
    if ('not' in condition) return { not: resolve(condition.not) }
    const named = condition.valueRef === undefined ? undefined : article.article.values[condition.valueRef]
    const value = condition.valueRef === undefined ? condition.value : String(named)
    return { fact: condition.fact, operator: condition.operator, value }
  }
  const topLevel = (condition: Condition): TopLevelCondition => {
    const resolved = resolve(condition)
    return ('fact' in resolved ? { all: [resolved] } : resolved) as TopLevelCondition
  }
  const { derive, rules, actions } = article.verdicts
  const derivationCount = derive.length
  return [
    ...derive.map((derivation, index) => ({
      role: 'derive' as const,
      id: derivation.id,
      index,
      json: {
        name: `derive:${derivation.id}`,
        priority: decidePriority + derivationCount - index,
        conditions: topLevel(derivation.when),
        event: { type: 'derive', params: { set: derivation.set } },
      },
    })),
    ...rules.map((rule, index) => ({
      role: 'decide' as const,
      id: rule.id,
      index,
      json: {
        name: `decide:${rule.id}`,
        priority: decidePriority,
        conditions: topLevel(rule.when),
        event: { type: 'decide', params: { verdict: rule.verdict } },
      },
    })),
    ...actions.map((action, index) => ({
      role: 'action' as const,
      id: action.id,
      index,
      json: {
        name: `action:${action.id}`,
        priority: actionPriority,
        // An action without `when` always applies; an empty `all` is true in json-rules-engine.
        conditions: action.when ? topLevel(action.when) : { all: [] },
        event: { type: 'action', params: {} },
      },
    })),
  ]
}
