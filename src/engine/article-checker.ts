/** @module Evaluate one article's rules, on json-rules-engine or on closures that agree with it, and explain the verdict. */
import { type Almanac, Engine, type RuleResult } from 'json-rules-engine'
import { factsConcerning } from '../kb/facts-concerning.ts'
import type { ArticleModel } from '../kb/model.ts'
import type { FactDefinition } from '../kb/schema/facts.ts'
import type { ActionResult, CheckResult, Reason, ReasonFact } from './check-result.ts'
import { applyDerivations, type CompiledArticle, compileArticle } from './compiled.ts'
import { compileVerdictFunctions, type VerdictFunctions, type VerdictStrategy } from './compiled-verdict.ts'
import { type ArticleLogic, changesOutcome, factsRead, namedValues, undecidedValues } from './completions.ts'
import { decide } from './decide.ts'
import { type CompiledRule, type EngineCondition, toEngineRules } from './engine-rules.ts'
import { explainRules, type RuleOutcome } from './explain.ts'
import { definitionsOf, type Facts } from './facts.ts'
import { rankMissingFacts, versionThresholds } from './missing-facts.ts'
import { registerOperators } from './operators.ts'
import { type LeafOutcome, outcomeOf } from './outcome.ts'
import { Serial } from './serial.ts'
import { TRUE, UNKNOWN } from './tri-state.ts'

const maxRemembered = 4096

/**
 * One article's rules on one json-rules-engine Engine (`check`), plus the same rules compiled into closures that
 * explain (`explain`, the same answer) and into verdict functions (`verdictOf`, the batch fast path).
 * Evaluations on the engine are queued, never concurrent.
 *
 * @example
 * const checker = new ArticleChecker(model.articles[0], model.facts)
 * const result = await checker.check({wsusVersion: '3.0', office2003OnClients: true})
 * checker.explain({wsusVersion: '3.0', office2003OnClients: true}) // deep-equal to `result`
 */
export class ArticleChecker {
  readonly article: ArticleModel
  readonly rules: CompiledRule[]
  readonly compiled: CompiledArticle
  // Built on the first `check`: a query about many articles is answered by `explain`.
  #engine: Engine | undefined
  #explainer: ((facts: Facts) => Map<CompiledRule, RuleOutcome>) | undefined
  readonly #serial = new Serial()
  readonly #vocabulary: readonly FactDefinition[]
  readonly #thresholds: Map<string, string[]>
  // Built on the first `verdictOf`: explained checks never use it, and generating code costs a millisecond.
  #fast: VerdictFunctions | undefined
  readonly #strategy: VerdictStrategy
  // The rules by role, and the decisions' verdicts, split once: check() runs on every request.
  readonly #derivations: CompiledRule[]
  readonly #decisions: CompiledRule[]
  readonly #actions: CompiledRule[]
  readonly #verdicts: string[]
  readonly #logic: ArticleLogic
  // `changesOutcome` searches completions; a guided check meets the same few states again and again.
  readonly #relevance = new Map<string, boolean>()
  // The facts any rule of the article reads, sorted.
  readonly #factsRead: string[]
  // The facts that key the memo: those the rules read, and those whose being known withdraws an action
  // (`checks`), since whether a fact is worth asking depends on the actions offered too.
  readonly #stateFacts: string[]
  // The facts the answer depends on (fact-index.ts): the only ones the engine is given.
  readonly #concerning: readonly string[]

  /** Every fact the article's rules read (derivations, decisions and actions), in rule order. */
  get factsRead(): readonly string[] {
    return this.#factsRead
  }

  /** `strategy`: how the fast path is built (generated code where allowed, by default). */
  constructor(
    article: ArticleModel,
    vocabulary: readonly FactDefinition[],
    strategy: VerdictStrategy = 'auto',
  ) {
    this.article = article
    this.#concerning = factsConcerning(article)
    // Only the definitions of the article's own facts: searches and rankings walk this list, and a knowledge
    // base of a thousand articles has thousands of facts that cannot change this article's answer.
    this.#vocabulary = definitionsOf(vocabulary, this.#concerning)
    this.rules = toEngineRules(article)
    this.compiled = compileArticle(this.rules)
    this.#strategy = strategy
    this.#thresholds = versionThresholds(this.rules.map((rule) => rule.json.conditions as EngineCondition))
    this.#derivations = this.rules.filter((rule) => rule.role === 'derive')
    this.#decisions = this.rules.filter((rule) => rule.role === 'decide')
    this.#actions = this.rules.filter((rule) => rule.role === 'action')
    this.#verdicts = this.#decisions.map((rule) => (rule.json.event.params as { verdict: string }).verdict)
    const reads = (rules: CompiledRule[]) =>
      rules.map((rule) => factsRead(rule.json.conditions as EngineCondition))
    this.#logic = {
      compiled: this.compiled,
      actions: article.verdicts.actions,
      vocabulary: new Map(this.#vocabulary.map((definition) => [definition.name, definition])),
      thresholds: this.#thresholds,
      reads: { decisions: reads(this.#decisions), derivations: reads(this.#derivations) },
      named: namedValues([...this.#derivations, ...this.#decisions]),
    }
    this.#factsRead = factsReadBy(this.rules)
    const checked = article.verdicts.actions.flatMap((action) => action.checks)
    this.#stateFacts = [...new Set([...this.#factsRead, ...checked])].sort()
  }

  /** The article's rules as the completion search reads them (for lint and tests). */
  get logic(): ArticleLogic {
    return this.#logic
  }

  /** How `verdictOf` runs: `generated` code, or `closures` where code generation is not allowed. */
  get fastPath(): VerdictFunctions['kind'] {
    return this.#verdictFunctions().kind
  }

  /** The engine that defines the semantics, built when first needed; never run it concurrently. */
  get engine(): Engine {
    if (this.#engine === undefined) {
      this.#engine = new Engine([], { allowUndefinedFacts: true })
      registerOperators(this.#engine)
      for (const rule of this.rules) {
        const json = { ...rule.json }
        if (rule.role === 'derive') json.onSuccess = deriveFacts
        this.#engine.addRule(json)
      }
    }
    return this.#engine
  }

  /**
   * Evaluate validated facts on json-rules-engine and explain the answer.
   * `facts` must come from `validateFacts` (with defaults applied by the knowledge base). The answer's
   * `facts` are the article's own (`factsConcerning`) as its rules saw them, derived ones included.
   */
  async check(facts: Facts): Promise<CheckResult> {
    const own = this.#own(facts)
    const engine = this.engine
    const run = await this.#serial.run(() => engine.run({ ...own }))
    const byName = new Map<string, RuleResult>()
    for (const result of [...run.results, ...run.failureResults]) byName.set(result.name as string, result)
    return this.#answer(own, (rule) => {
      const result = byName.get(rule.json.name as string)
      if (!result)
        throw new Error(`Expected json-rules-engine to report rule \`${rule.json.name}\`; it dropped it`)
      return outcomeOf(result.conditions as never)
    })
  }

  /**
   * `check` without json-rules-engine: the same rule JSON through closures that give the outcomes the engine's
   * result trees give (engine/explain.ts), synchronously. The answer is the one `check` gives (a differential
   * test holds it to that); a query about many articles takes a fraction of the time and memory.
   */
  explain(facts: Facts): CheckResult {
    const own = this.#own(facts)
    this.#explainer ??= explainRules(this.rules)
    const outcomes = this.#explainer(own)
    return this.#answer(own, (rule) => outcomes.get(rule)!)
  }

  // The facts the answer depends on, as given.
  #own(facts: Facts): Facts {
    const own: Facts = {}
    for (const name of this.#concerning) if (facts[name] !== undefined) own[name] = facts[name]
    return own
  }

  /** The answer from each rule's outcome on `own` (the engine's or the closures'). */
  #answer(own: Facts, outcome: (rule: CompiledRule) => RuleOutcome): CheckResult {
    const seen: Facts = own
    const derivedBy = new Map<string, string>()
    const overridden: CheckResult['overridden'] = []
    for (const rule of this.#derivations) {
      if (outcome(rule).tri !== TRUE) continue
      for (const [name, value] of Object.entries((rule.json.event.params as { set: Facts }).set)) {
        if (seen[name] !== value) {
          if (seen[name] !== undefined)
            overridden.push({ fact: name, given: seen[name], derived: value, derivedBy: rule.id })
          seen[name] = value
        }
        derivedBy.set(name, rule.id)
      }
    }
    const withDerivation = (leaves: LeafOutcome[]): ReasonFact[] =>
      leaves.map((leaf) =>
        derivedBy.has(leaf.fact) ? { ...leaf, derivedBy: derivedBy.get(leaf.fact)! } : leaf,
      )

    const decisions = this.#decisions
    const outcomes = decisions.map(outcome)
    const verdicts = this.#verdicts
    const decision = decide(
      outcomes.map((entry) => entry.tri),
      verdicts,
    )
    const reason = (index: number, status: Reason['status']): Reason => ({
      rule: decisions[index]!.id,
      verdict: verdicts[index] as Reason['verdict'],
      status,
      messageKey: `verdicts.rules.${decisions[index]!.id}`,
      facts: withDerivation(outcomes[index]!.leaves),
    })
    const reasons =
      decision.winner >= 0
        ? [reason(decision.winner, 'decided')]
        : decision.open.length > 0
          ? decision.open.map((index) => reason(index, 'open'))
          : [this.#undecided(seen)]
    const conflicts = decision.conflicts.map((index) => reason(index, 'conflict'))

    let missingFacts: string[] = []
    if (decision.verdict === 'unknown') {
      const candidates = new Set<string>()
      for (const index of decision.open) {
        for (const leaf of outcomes[index]!.leaves) if (leaf.result === 'unknown') candidates.add(leaf.fact)
      }
      // A fact that a derivation could supply is also settled by the derivation's own facts.
      for (const rule of this.#derivations) {
        const sets = Object.keys((rule.json.event.params as { set: Facts }).set)
        if (!sets.some((name) => candidates.has(name))) continue
        const derivation = outcome(rule)
        if (derivation.tri === UNKNOWN)
          for (const leaf of derivation.leaves) if (leaf.result === 'unknown') candidates.add(leaf.fact)
      }
      for (const definition of this.#vocabulary)
        if (definition.source === 'evidence') candidates.delete(definition.name)
      // The facts as the memo keys them, written once for all candidates.
      const state = candidates.size === 0 ? '' : JSON.stringify(seen, this.#stateFacts)
      for (const name of candidates) if (!this.#worthAsking(seen, state, name)) candidates.delete(name)
      const openReads = new Map<string, number>()
      for (const index of decision.open)
        for (const name of this.#logic.reads.decisions[index]!)
          openReads.set(name, (openReads.get(name) ?? 0) + 1)
      missingFacts = rankMissingFacts(
        this.compiled,
        seen,
        candidates,
        this.#vocabulary,
        this.#thresholds,
        openReads,
      )
    }

    const actions: ActionResult[] = []
    const conflictActions = new Set(
      decision.winner >= 0 && conflicts.length > 0
        ? this.article.verdicts.rules[decision.winner]!.onConflict
        : [],
    )
    for (const rule of this.#actions) {
      const definition = this.article.verdicts.actions[rule.index]!
      const conflict = conflictActions.has(definition.id)
      const result = outcome(rule)
      // A step that finds out a fact already known has nothing left to find out.
      const needed = !definition.checks.some((name) => seen[name] !== undefined)
      const offered =
        conflict || (needed && definition.verdicts.includes(decision.verdict) && result.tri !== 0)
      if (!offered) continue
      const waitingFor =
        result.tri === UNKNOWN
          ? [...new Set(result.leaves.filter((leaf) => leaf.result === 'unknown').map((leaf) => leaf.fact))]
          : []
      actions.push({
        id: definition.id,
        ...(definition.step ? { step: definition.step } : {}),
        recommended: definition.recommended,
        conditional: !conflict && result.tri === UNKNOWN,
        waitingFor: conflict ? [] : waitingFor,
        conflict,
        messageKey: `verdicts.actions.${definition.id}`,
      })
    }

    return {
      article: this.article.id,
      verdict: decision.verdict,
      missingFacts,
      reasons,
      actions,
      conflicts,
      overridden,
      facts: seen,
    }
  }

  /** `state`: `seen` as `JSON.stringify(seen, this.#stateFacts)` writes it. */
  #worthAsking(seen: Facts, state: string, name: string): boolean {
    const key = `${name}\u0000${state}`
    let answer = this.#relevance.get(key)
    if (answer === undefined) {
      answer = changesOutcome(this.#logic, seen, name)
      // Facts can carry any version string: keep memory bounded.
      if (this.#relevance.size >= maxRemembered) this.#relevance.clear()
      this.#relevance.set(key, answer)
    }
    return answer
  }

  /**
   * The reason when every rule is settled and none holds: the rules do not decide these facts. It names the
   * values to blame (`undecidedValues`: a value added to a shared fact for another article), or else every
   * known fact the rules read.
   */
  #undecided(seen: Facts): Reason {
    const read = new Set(this.#logic.reads.decisions.flat().concat(this.#logic.reads.derivations.flat()))
    const known = this.#vocabulary.filter(
      (definition) => read.has(definition.name) && seen[definition.name] !== undefined,
    )
    const blamed = new Set(undecidedValues(this.#logic, seen))
    const unnamed = known.filter((definition) => blamed.has(definition.name))
    return {
      rule: '',
      verdict: 'unknown',
      status: 'undecided',
      messageKey: 'check.undecided',
      facts: (unnamed.length > 0 ? unnamed : known).map((definition) => ({
        fact: definition.name,
        operator: 'equal',
        value: seen[definition.name],
        actual: seen[definition.name],
        result: 'true',
      })),
    }
  }

  /**
   * The verdict alone from the generated verdict function, without touching the engine: the batch fast path.
   * Identical to `check(facts).verdict` (a differential test holds it to that).
   */
  verdictOf(facts: Facts): CheckResult['verdict'] {
    // A derivation holds (SBS 2003 not upgraded): apply it where its semantics live, then decide.
    const fast = this.#verdictFunctions()
    return fast.verdict(facts) ?? fast.decisionsOnly(applyDerivations(this.compiled, facts))
  }

  #verdictFunctions(): VerdictFunctions {
    this.#fast ??= compileVerdictFunctions(this.rules, this.#strategy)
    return this.#fast
  }
}

/** The facts `rules` read, each once, sorted. */
function factsReadBy(rules: readonly CompiledRule[]): string[] {
  return [...new Set(rules.flatMap((rule) => factsRead(rule.json.conditions as EngineCondition)))].sort()
}

const readBy = new WeakMap<ArticleModel, readonly string[]>()

/**
 * `ArticleChecker.factsRead` of an article without compiling it (no json-rules-engine rules): what a list of
 * every article needs, which would otherwise compile them all.
 *
 * @example
 * articleFactsRead(kb.article('954960')!) // ['clientSymptom', 'office2003OnClients', …]
 */
export function articleFactsRead(article: ArticleModel): readonly string[] {
  let facts = readBy.get(article)
  if (facts === undefined) {
    facts = factsReadBy(toEngineRules(article))
    readBy.set(article, facts)
  }
  return facts
}

// json-rules-engine calls a rule "successful" when `notEqual` meets a missing fact; derive only on a
// three-valued true so the engine and the compiled path agree.
async function deriveFacts(
  event: { params?: Record<string, unknown> },
  almanac: Almanac,
  result: RuleResult,
): Promise<void> {
  if (outcomeOf(result.conditions as never).tri !== TRUE) return
  const set = (event.params?.set ?? {}) as Facts
  for (const [name, value] of Object.entries(set)) almanac.addRuntimeFact(name, value)
}
