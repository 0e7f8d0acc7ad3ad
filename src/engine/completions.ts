/**
 * @module Reasoning over every completion of the missing facts: which missing fact can change the answer,
 * and which cases no decision rule decides. Facts are tried with the values that can make a difference
 * (enum values, both booleans, versions around each threshold); the search branches only on facts an
 * open rule still waits for, so it stays small.
 */
import type { FactDefinition } from '../kb/schema/facts.ts'
import type { VerdictsFile } from '../kb/schema/verdicts.ts'
import { memoPer } from '../memo-per.ts'
import { applyDerivations, type CompiledArticle } from './compiled.ts'
import { decide } from './decide.ts'
import type { CompiledRule, EngineCondition } from './engine-rules.ts'
import type { Facts, FactValue } from './facts.ts'
import { FALSE, TRUE, type Tri, UNKNOWN } from './tri-state.ts'
import { compareVersions, isVersion, nextVersion, previousVersion } from './version.ts'

/** What the search needs to know about one article besides its compiled closures. */
export interface ArticleLogic {
  compiled: CompiledArticle
  actions: VerdictsFile['actions']
  vocabulary: ReadonlyMap<string, FactDefinition>
  /** Every version each fact is compared with. */
  thresholds: ReadonlyMap<string, string[]>
  /** The facts each decision rule and derivation reads, in rule order. */
  reads: { decisions: string[][]; derivations: string[][] }
  /** The values the decision rules and derivations name for each fact (`namedValues`). */
  named: ReadonlyMap<string, ReadonlySet<unknown>>
}

/** Past this many evaluations a search gives up: `changesOutcome` answers as if the fact mattered (asking
 * is safe), `undecidedCases` returns the cases found so far. */
export const searchLimit = 20_000

/**
 * The facts a condition reads, each once, in order of appearance.
 *
 * @example
 * factsRead({all: [{fact: 'a', operator: 'equal', value: 1}, {not: {fact: 'b', operator: 'equal', value: 2}}]}) // ['a', 'b']
 */
export function factsRead(condition: EngineCondition): string[] {
  const found = new Set<string>()
  const walk = (node: EngineCondition) => {
    if ('all' in node) node.all.forEach(walk)
    else if ('any' in node) node.any.forEach(walk)
    else if ('not' in node) walk(node.not)
    else found.add(node.fact)
  }
  walk(condition)
  return [...found]
}

/**
 * The values every rule of an article names for each fact (compared with, or set by a derivation).
 * A value that no rule names is one the author did not think of for this article.
 *
 * @example
 * namedValues(toEngineRules(article)).get('wsusVersion') // Set {'2.0', '3.0', '3.0 SP1', '3.0 SP2'}
 */
export function namedValues(rules: readonly CompiledRule[]): Map<string, Set<unknown>> {
  const named = new Map<string, Set<unknown>>()
  const add = (fact: string, value: unknown) => {
    if (!named.has(fact)) named.set(fact, new Set())
    for (const item of Array.isArray(value) ? value : [value]) named.get(fact)!.add(item)
  }
  const walk = (node: EngineCondition) => {
    if ('all' in node) node.all.forEach(walk)
    else if ('any' in node) node.any.forEach(walk)
    else if ('not' in node) walk(node.not)
    else add(node.fact, node.value)
  }
  for (const rule of rules) {
    walk(rule.json.conditions as EngineCondition)
    const set = (rule.json.event.params as { set?: Facts }).set
    for (const [fact, value] of Object.entries(set ?? {})) add(fact, value)
  }
  return named
}

/**
 * The values tried for a fact: its enum values, both booleans, or its example versions plus each version a
 * rule compares it with and the versions just below and above.
 *
 * @example
 * probeValues({name: 'office', type: 'boolean', source: 'inventory'}, []) // [true, false]
 */
export function probeValues(definition: FactDefinition, thresholds: readonly string[]): FactValue[] {
  if (definition.type === 'boolean') return [true, false]
  if (definition.type === 'enum') return definition.values!.map((value) => value.value)
  const versions = new Set<string>(definition.examples ?? [])
  for (const threshold of thresholds) {
    const below = previousVersion(threshold)
    if (below) versions.add(below)
    versions.add(threshold)
    if (isVersion(threshold)) versions.add(nextVersion(threshold))
  }
  return [...versions].filter(isVersion)
}

interface Evaluation {
  /** `undecided` when every rule is settled and none holds. */
  verdict: string
  /** The engine's verdict (`unknown` where `verdict` says `undecided`): the one actions are offered for. */
  decided: ReturnType<typeof decide>['verdict']
  open: number[]
  /** The derivations that may still hold (their indexes). */
  pending: number[]
  facts: Facts
}

// The searches evaluate an article hundreds of times: its verdicts are listed once.
const verdictLists = new WeakMap<CompiledArticle, string[]>()

/** Evaluate the decisions on input facts with the engine's semantics (derivations first). */
function evaluate(logic: ArticleLogic, input: Facts): Evaluation {
  const facts = applyDerivations(logic.compiled, input)
  const { decisions, derivations } = logic.compiled
  let verdicts = verdictLists.get(logic.compiled)
  if (verdicts === undefined) {
    verdicts = decisions.map((rule) => rule.verdict)
    verdictLists.set(logic.compiled, verdicts)
  }
  // The rules after the first that holds only add conflicts, which no search reads.
  const tris: Tri[] = []
  for (const rule of decisions) {
    const tri = rule.when(facts)
    tris.push(tri)
    if (tri === TRUE) break
  }
  const decision = decide(tris, verdicts)
  const pending: number[] = []
  for (let index = 0; index < derivations.length; index++)
    if (derivations[index]!.when(facts) === UNKNOWN) pending.push(index)
  const verdict =
    decision.verdict === 'unknown' && decision.open.length === 0 ? 'undecided' : decision.verdict
  return { verdict, decided: decision.verdict, open: decision.open, pending, facts }
}

/**
 * The verdict and the actions offered, as one comparable string: made only for settled evaluations, the only
 * ones compared (the search for undecided cases never needs the actions).
 */
function outcome(logic: ArticleLogic, evaluation: Evaluation): string {
  const { facts, verdict, decided } = evaluation
  const offered = logic.compiled.actions.flatMap((action, index) => {
    const definition = logic.actions[index]!
    if (!definition.verdicts.includes(decided)) return []
    if (definition.checks.some((fact) => facts[fact] !== undefined)) return []
    const tri = action.when(facts)
    return tri === FALSE ? [] : [tri === UNKNOWN ? `${action.id}?` : action.id]
  })
  return `${verdict}:${offered.join(',')}`
}

// A derivation that may still hold may still replace a given fact, so nothing is settled before it is.
function isSettled(evaluation: Evaluation): boolean {
  return evaluation.verdict !== 'unknown' && evaluation.pending.length === 0
}

/** A fact that an open rule, or a derivation still unknown, waits for; the vocabulary's order breaks ties. */
function nextFact(logic: ArticleLogic, evaluations: Evaluation[], skip: string): string | undefined {
  const wanted = new Set<string>()
  for (const evaluation of evaluations) {
    for (const index of evaluation.open) for (const fact of logic.reads.decisions[index]!) wanted.add(fact)
    for (const index of evaluation.pending)
      for (const fact of logic.reads.derivations[index]!) wanted.add(fact)
  }
  for (const [name, definition] of logic.vocabulary) {
    if (name === skip || !wanted.has(name)) continue
    if (
      evaluations.some((evaluation) => evaluation.facts[name] === undefined) &&
      probes(logic, definition).length > 0
    )
      return name
  }
  return undefined
}

// Asked at every step of a search, for every fact an open rule waits for: made once per article and fact.
const probesMade = new WeakMap<ArticleLogic, Map<string, readonly FactValue[]>>()

function probes(logic: ArticleLogic, definition: FactDefinition): readonly FactValue[] {
  return memoPer(probesMade, logic, definition.name, () => {
    const thresholds = logic.thresholds.get(definition.name) ?? []
    return distinctVersions(probeValues(definition, thresholds), definition, thresholds)
  })
}

/**
 * The first of the versions that compare alike with every threshold: a version fact is compared only by
 * `version…` operators (the rules lint says so), with these thresholds, so every rule gives such versions the
 * same answer, and the search tries one of them. With thresholds `3.0` and `3.2`, the example `3.1`, `3.0.1`
 * just above the one and `3.1.9` just below the other are all between them: only `3.1` is tried. The first is
 * kept, so the examples a search reports stay the same.
 */
function distinctVersions(
  values: FactValue[],
  definition: FactDefinition,
  thresholds: readonly string[],
): FactValue[] {
  if (definition.type !== 'version') return values
  const kinds = new Set<string>()
  return values.filter((value) => {
    const kind = thresholds.map((threshold) => Math.sign(compareVersions(value as string, threshold))).join()
    if (kinds.has(kind)) return false
    kinds.add(kind)
    return true
  })
}

/**
 * True when some answer for `fact` changes the verdict or the actions offered, for some answers to the
 * other missing facts. A fact whose every answer leads to the same result is not worth asking. `limit` caps the
 * evaluations (`searchLimit` by default); past it the answer is true.
 *
 * @example
 * changesOutcome(logic, {wsusVersion: '3.0 SP1', webServicesClientDllVersion: '3.1.6001.66'}, 'office2003OnClients') // false
 */
export function changesOutcome(
  logic: ArticleLogic,
  facts: Facts,
  fact: string,
  limit: number = searchLimit,
): boolean {
  const definition = logic.vocabulary.get(fact)
  if (!definition) return false
  const values = probes(logic, definition)
  let budget = limit
  const search = (known: Facts): boolean => {
    budget -= values.length
    if (budget < 0) return true
    const evaluations = values.map((value) => evaluate(logic, { ...known, [fact]: value }))
    const settled = evaluations.filter(isSettled)
    if (new Set(settled.map((evaluation) => outcome(logic, evaluation))).size > 1) return true
    if (settled.length === evaluations.length) return false
    const branch = nextFact(logic, evaluations, fact)
    // Nothing left to try: the answers differ only if some stay open while others settled.
    if (branch === undefined) return settled.length > 0
    return probes(logic, logic.vocabulary.get(branch)!).some((value) => search({ ...known, [branch]: value }))
  }
  return search(facts)
}

/**
 * Every case no decision rule decides: assignments of facts (the given ones plus those tried) for which
 * nothing is missing any more and still no rule holds. Empty when the rules decide every completion. `limit`
 * caps the evaluations (`searchLimit` by default); past it the cases found so far are returned.
 *
 * @example
 * undecidedCases(logic, {})[0] // {office2003OnClients: true, wsusVersion: '3.1', …} after adding 3.1
 */
export function undecidedCases(logic: ArticleLogic, facts: Facts = {}, limit: number = searchLimit): Facts[] {
  const found: Facts[] = []
  let budget = limit
  // One object along the search, each fact tried set on it and then unset (a missing fact reads as
  // undefined), and the facts tried on the way: a copy for every step took a fifth of the search.
  const known: Partial<Facts> = { ...facts }
  const tried: Array<[string, FactValue]> = []
  const search = () => {
    if (--budget < 0) return
    const evaluation = evaluate(logic, known as Facts)
    if (isSettled(evaluation)) {
      if (evaluation.verdict === 'undecided') found.push({ ...facts, ...Object.fromEntries(tried) })
      return
    }
    const branch = nextFact(logic, [evaluation], '')
    if (branch === undefined) return
    for (const value of probes(logic, logic.vocabulary.get(branch)!)) {
      known[branch] = value
      tried.push([branch, value])
      search()
      tried.pop()
    }
    known[branch] = undefined
  }
  search()
  return found
}

/**
 * The facts to blame for an undecided case: enum values that no rule of the article names and that are the
 * only thing wrong, since every other value of the same fact leaves the case decided or still open. A value
 * added to a shared fact for another article is the typical one. Empty when only a combination is undecided.
 *
 * @example
 * undecidedValues(logic, {wsusVersion: '3.1', office2003OnClients: true}) // ['wsusVersion']
 */
export function undecidedValues(logic: ArticleLogic, facts: Facts): string[] {
  return [...logic.vocabulary.values()]
    .filter((definition) => {
      const value = facts[definition.name]
      if (definition.type !== 'enum' || value === undefined || logic.named.get(definition.name)?.has(value))
        return false
      return probes(logic, definition)
        .filter((other) => other !== value)
        .every((other) => evaluate(logic, { ...facts, [definition.name]: other }).verdict !== 'undecided')
    })
    .map((definition) => definition.name)
}
