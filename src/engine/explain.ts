/**
 * @module An article's rules compiled into closures that explain as well as decide: for each rule the same
 * three-valued outcome and deciding leaves that `outcomeOf` reads from json-rules-engine's result tree, without
 * running the engine. json-rules-engine deep-copies every rule's condition tree on every run and answers
 * through promises and events; a query about hundreds of articles spent most of its time there. The engine
 * stays the reference: test/engine/explain-differential.test.ts holds every answer to it.
 */
import { compileCondition } from './compiled.ts'
import type { CompiledRule, EngineCondition } from './engine-rules.ts'
import type { Facts, FactValue } from './facts.ts'
import { evaluateOperator, operatorDefinition } from './operators.ts'
import type { LeafOutcome } from './outcome.ts'
import { FALSE, TRUE, type Tri, triAll, triAny, triNot, UNKNOWN } from './tri-state.ts'

/** A rule's outcome: its three-valued value and the leaves that decided it (see `outcomeOf`). */
export interface RuleOutcome {
  tri: Tri
  leaves: LeafOutcome[]
}

type Explainer = (facts: Facts) => RuleOutcome

const names = ['false', 'true', 'unknown'] as const

/**
 * Compile a condition into a closure giving what `outcomeOf` gives for json-rules-engine's result tree of the
 * same condition on the same facts: a leaf whose fact is missing is unknown, and the deciding leaves are
 * chosen as `outcomeOf` chooses them.
 *
 * @example
 * const explain = explainCondition({all: [{fact: 'wsusVersion', operator: 'equal', value: '3.0'}]})
 * explain({wsusVersion: '3.0'}).leaves[0].result // 'true'
 */
export function explainCondition(condition: EngineCondition): Explainer {
  if ('all' in condition) return combined(condition.all.map(explainCondition), 'all')
  if ('any' in condition) return combined(condition.any.map(explainCondition), 'any')
  if ('not' in condition) {
    const inner = explainCondition(condition.not)
    return (facts) => {
      const { tri, leaves } = inner(facts)
      return { tri: triNot(tri), leaves }
    }
  }
  const operator = operatorDefinition(condition.operator)
  const { fact, value } = condition
  return (facts) => {
    const actual = facts[fact]
    const tri: Tri = actual === undefined ? UNKNOWN : evaluateOperator(operator, actual, value) ? TRUE : FALSE
    // The engine hands out a copy of the rule's value with each result: so does this.
    const leaf: LeafOutcome = { fact, operator: condition.operator, value: copied(value), result: names[tri] }
    if (actual !== undefined) leaf.actual = actual as FactValue
    return { tri, leaves: [leaf] }
  }
}

function combined(children: Explainer[], kind: 'all' | 'any'): Explainer {
  const decisive = kind === 'all' ? FALSE : TRUE
  return (facts) => {
    const outcomes = children.map((child) => child(facts))
    const tris = outcomes.map((outcome) => outcome.tri)
    const tri = kind === 'all' ? triAll(tris) : triAny(tris)
    // As `outcomeOf`: the first deciding child, or else every child with the node's value.
    const chosen =
      tri === decisive
        ? [outcomes.find((outcome) => outcome.tri === decisive)!]
        : outcomes.filter((outcome) => outcome.tri === tri)
    return { tri, leaves: chosen.flatMap((outcome) => outcome.leaves) }
  }
}

function copied(value: unknown): unknown {
  return Array.isArray(value) ? [...value] : value
}

/**
 * An article's rules (`toEngineRules`) as explainers, run in the engine's order: each derivation, highest
 * priority first, sees the facts the ones before it set (only a three-valued true sets them, as the engine's
 * `onSuccess` does); decisions and actions see them all. A decision's or an action's leaves are found when
 * first read: an answer reads those of a few rules only.
 *
 * @example
 * const explained = explainRules(toEngineRules(article))
 * explained({wsusVersion: '3.0 SP1'}).get(rule) // {tri, leaves}
 */
export function explainRules(
  rules: readonly CompiledRule[],
): (facts: Facts) => Map<CompiledRule, RuleOutcome> {
  const byPriority = rules
    .map((rule, position) => ({
      rule,
      position,
      when: compileCondition(rule.json.conditions as EngineCondition),
      explain: explainCondition(rule.json.conditions as EngineCondition),
    }))
    // Stable: derivations have a priority each; decisions, then actions, share one and set no facts.
    .sort((a, b) => (b.rule.json.priority ?? 1) - (a.rule.json.priority ?? 1) || a.position - b.position)
  return (given) => {
    const facts: Facts = { ...given }
    const outcomes = new Map<CompiledRule, RuleOutcome>()
    for (const { rule, when, explain } of byPriority) {
      if (rule.role !== 'derive') {
        outcomes.set(rule, new LazyOutcome(when(facts), explain, facts))
        continue
      }
      // Explained now: later derivations change `facts`.
      const outcome = explain(facts)
      outcomes.set(rule, outcome)
      if (outcome.tri === TRUE) Object.assign(facts, (rule.json.event.params as { set: Facts }).set)
    }
    return outcomes
  }
}

/** An outcome whose leaves are found on first read, on facts that no longer change. */
class LazyOutcome implements RuleOutcome {
  readonly tri: Tri
  readonly #explain: Explainer
  readonly #facts: Facts
  #leaves: LeafOutcome[] | undefined

  constructor(tri: Tri, explain: Explainer, facts: Facts) {
    this.tri = tri
    this.#explain = explain
    this.#facts = facts
  }

  get leaves(): LeafOutcome[] {
    this.#leaves ??= this.#explain(this.#facts).leaves
    return this.#leaves
  }
}
