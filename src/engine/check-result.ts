/** @module The answer to "am I affected?", as data. */
import type { Verdict } from '../kb/schema/verdicts.ts'
import type { FactProblem, Facts, FactValue } from './facts.ts'
import type { LeafOutcome } from './outcome.ts'

/** A leaf of a rule with, where the fact was derived, the derivation that set it. */
export interface ReasonFact extends LeafOutcome {
  derivedBy?: string
}

/**
 * Why: one rule, the verdict it leads to, and the facts that decided it (or that it still waits for).
 * `undecided` (verdict `unknown`, rule `''`): every rule is settled and none holds, so the article's rules do
 * not decide the facts listed (a value of a shared fact that this article's rules never name).
 */
export interface Reason {
  rule: string
  verdict: Verdict
  /** `decided` for the rule that gave the verdict; `open` for a rule that might still hold; `conflict`, `undecided`. */
  status: 'decided' | 'open' | 'conflict' | 'undecided'
  /** i18n key of the sentence that explains the rule (`verdicts.rules.<id>`). */
  messageKey: string
  facts: ReasonFact[]
}

/** A next step. `conditional` steps apply only if the facts in `waitingFor` turn out as the rule needs. */
export interface ActionResult {
  id: string
  /** The article step whose text the action reuses (`procedure/step`). */
  step?: string
  recommended: boolean
  conditional: boolean
  waitingFor: string[]
  /** Added because evidence and inventory facts disagree. */
  conflict: boolean
  messageKey: string
}

/** The verdict of one article for one set of facts. */
export interface CheckResult {
  article: string
  verdict: Verdict
  /** Facts to ask for next, the one that would settle the verdict most often first. Empty unless `unknown`. */
  missingFacts: string[]
  reasons: Reason[]
  actions: ActionResult[]
  /** Rules that hold too but disagree with the verdict (evidence against inventory). */
  conflicts: Reason[]
  /** Facts a derivation replaced because the input contradicted it (SBS 2003 not upgraded runs WSUS 2.0). */
  overridden: Array<{ fact: string; given: FactValue; derived: FactValue; derivedBy: string }>
  /**
   * The facts the rules saw: from `kb.check`, the validated input, then the article's own facts (those its
   * rules read, set or check) with defaults and derived values; from `ArticleChecker.check`, the own ones only.
   */
  facts: Facts
}

/** What `kb.check()` returns: one result per article, plus warnings about the facts sent. */
export interface CheckReport {
  results: CheckResult[]
  warnings: FactProblem[]
}
