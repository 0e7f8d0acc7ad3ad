/** @module The same rule JSON compiled once into synchronous three-valued closures (the fast path). */
import type { CompiledRule, EngineCondition } from './engine-rules.ts'
import type { Facts } from './facts.ts'
import { evaluateOperator, operatorDefinition } from './operators.ts'
import { FALSE, TRUE, type Tri, triNot, UNKNOWN } from './tri-state.ts'

type TriPredicate = (facts: Facts) => Tri

/**
 * Compile a condition into a closure that calls the operators registered on the engine (src/engine/operators.ts),
 * so its answers are those of `engine.run()` read with three-valued logic (a missing fact is unknown).
 *
 * @example
 * const isAffected = compileCondition({fact: 'wsusVersion', operator: 'equal', value: '3.0'})
 * isAffected({wsusVersion: '3.0'}) // TRUE
 */
export function compileCondition(condition: EngineCondition): TriPredicate {
  if ('all' in condition) {
    const parts = condition.all.map((child) => compileCondition(child))
    return (facts) => {
      let result: Tri = TRUE
      for (const part of parts) {
        const value = part(facts)
        if (value === FALSE) return FALSE
        if (value === UNKNOWN) result = UNKNOWN
      }
      return result
    }
  }
  if ('any' in condition) {
    const parts = condition.any.map((child) => compileCondition(child))
    return (facts) => {
      let result: Tri = FALSE
      for (const part of parts) {
        const value = part(facts)
        if (value === TRUE) return TRUE
        if (value === UNKNOWN) result = UNKNOWN
      }
      return result
    }
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not)
    return (facts) => triNot(inner(facts))
  }
  const operator = operatorDefinition(condition.operator)
  const { fact, value } = condition
  return (facts) => {
    const actual = facts[fact]
    if (actual === undefined) return UNKNOWN
    return evaluateOperator(operator, actual, value) ? TRUE : FALSE
  }
}

/** An article's rules compiled: derivations, decisions and actions as closures, in order. */
export interface CompiledArticle {
  derivations: Array<{ id: string; when: TriPredicate; set: Facts }>
  decisions: Array<{ id: string; verdict: string; when: TriPredicate }>
  actions: Array<{ id: string; when: TriPredicate }>
}

/**
 * Compile every rule of an article.
 *
 * @example
 * const compiled = compileArticle(toEngineRules(article))
 * compiled.decisions.map((decision) => decision.id) // in priority order
 */
export function compileArticle(rules: readonly CompiledRule[]): CompiledArticle {
  const compiled: CompiledArticle = { derivations: [], decisions: [], actions: [] }
  for (const rule of rules) {
    const when = compileCondition(rule.json.conditions as EngineCondition)
    const params = rule.json.event.params as Record<string, unknown>
    if (rule.role === 'derive') compiled.derivations.push({ id: rule.id, when, set: params.set as Facts })
    else if (rule.role === 'decide')
      compiled.decisions.push({ id: rule.id, verdict: params.verdict as string, when })
    else compiled.actions.push({ id: rule.id, when })
  }
  return compiled
}

/**
 * Apply derivations as the engine does: a derivation that holds sets its facts, overriding a contradicting
 * input (the more specific statement wins, which keeps verdicts monotone). Returns a new object when
 * anything changed.
 *
 * @example
 * applyDerivations(compiled, {product: 'sbs2003', sbsWsusUpgraded: false})
 * // {product: 'sbs2003', sbsWsusUpgraded: false, wsusVersion: '2.0'}
 */
export function applyDerivations(compiled: CompiledArticle, facts: Facts): Facts {
  let current = facts
  for (const derivation of compiled.derivations) {
    if (derivation.when(current) !== TRUE) continue
    for (const [name, value] of Object.entries(derivation.set)) {
      if (current[name] !== value) {
        if (current === facts) current = { ...facts }
        current[name] = value
      }
    }
  }
  return current
}
