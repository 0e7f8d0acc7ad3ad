/** @module Validate a fleet's fact records fast: the answer of `kb.prepareFacts` per record, cached per value. */
import { type FactProblem, type Facts, validateFacts } from '../engine/facts.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'

/** A prepared record: facts with every vocabulary name present (undefined when absent), or the problems. */
type PreparedRecord =
  | { ok: true; facts: Facts; warnings: FactProblem[] }
  | { ok: false; errors: FactProblem[]; warnings: FactProblem[] }

type Outcome = { value: Facts[string] } | { problem: FactProblem }

// Inventory values repeat (a few product names, versions, yes/no): past this many distinct values of one
// fact, new values are validated each time instead of cached, so memory stays bounded.
const maxCachedValues = 4096
const none: FactProblem[] = []

/**
 * Validates records exactly as `kb.prepareFacts(input, {ignore})` does (same facts, same problems in the
 * same order, evidence defaults applied), but asks `validateFacts` only once per distinct (fact, value).
 * Facts objects share one shape with every vocabulary fact as an own property, which keeps the compiled
 * verdict function's property reads monomorphic; absent facts are `undefined` (see `presentFacts`).
 *
 * @example
 * const preparer = new FactPreparer(kb, ['id'])
 * preparer.prepare({id: 'pc-1', wsusVersion: 'WSUS 3.0 SP1'}) // {ok: true, facts: {wsusVersion: '3.0 SP1', …}, warnings: []}
 */
export class FactPreparer {
  readonly #kb: KnowledgeBase
  readonly #ignore: readonly string[]
  readonly #known = new Map<string, Map<unknown, Outcome>>()
  readonly #unknownNames = new Map<string, FactProblem>()
  readonly #defaults: Array<[string, Facts[string]]>
  readonly #template: Facts

  constructor(kb: KnowledgeBase, ignore: readonly string[] = []) {
    this.#kb = kb
    this.#ignore = ignore
    const names = kb.model.facts.map((definition) => definition.name)
    for (const name of names) this.#known.set(name, new Map())
    this.#defaults = kb.model.facts
      .filter((definition) => definition.default !== undefined)
      .map((definition) => [definition.name, definition.default!])
    // Copies of one template share one hidden class. Every vocabulary name is an own property, so the
    // rules never read an inherited one.
    this.#template = Object.fromEntries(names.map((name) => [name, undefined])) as unknown as Facts
  }

  /** Validate one parsed JSON value. */
  prepare(input: unknown): PreparedRecord {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      const { errors, warnings } = validateFacts(input, this.#kb.model.facts)
      return { ok: false, errors, warnings }
    }
    const facts = { ...this.#template }
    let errors = none
    let warnings = none
    for (const name of Object.keys(input)) {
      if (this.#ignore.includes(name)) continue
      const raw = (input as Record<string, unknown>)[name]
      const cache = this.#known.get(name)
      if (!cache) {
        if (warnings === none) warnings = []
        warnings.push(this.#unknownName(name, raw))
        continue
      }
      if (raw === null || raw === undefined) continue
      const outcome = this.#outcome(name, raw, cache)
      if ('value' in outcome) facts[name] = outcome.value
      else {
        if (errors === none) errors = []
        errors.push(outcome.problem)
      }
    }
    if (errors.length > 0) return { ok: false, errors, warnings }
    for (const [name, value] of this.#defaults) if (facts[name] === undefined) facts[name] = value
    return { ok: true, facts, warnings }
  }

  #outcome(name: string, raw: unknown, cache: Map<unknown, Outcome>): Outcome {
    // Primitives are their own cache keys (a Map tells "true" from true); objects and lists are not cached.
    const primitive = typeof raw !== 'object'
    const cached = primitive ? cache.get(raw) : undefined
    if (cached) return cached
    const { facts, errors } = validateFacts({ [name]: raw }, this.#kb.model.facts)
    const outcome: Outcome = errors.length > 0 ? { problem: errors[0]! } : { value: facts[name]! }
    if (primitive && cache.size < maxCachedValues) cache.set(raw, outcome)
    return outcome
  }

  #unknownName(name: string, raw: unknown): FactProblem {
    let warning = this.#unknownNames.get(name)
    if (!warning) {
      warning = validateFacts({ [name]: raw }, this.#kb.model.facts).warnings[0]!
      if (this.#unknownNames.size < maxCachedValues) this.#unknownNames.set(name, warning)
    }
    return warning
  }
}

/**
 * The facts without the absent (undefined) names, as `kb.check` and the engine expect them.
 *
 * @example
 * presentFacts({wsusVersion: '3.0', serverRole: undefined}) // {wsusVersion: '3.0'}
 */
export function presentFacts(facts: Facts): Facts {
  const present: Facts = Object.create(null)
  for (const name in facts) if (facts[name] !== undefined) present[name] = facts[name]!
  return present
}
