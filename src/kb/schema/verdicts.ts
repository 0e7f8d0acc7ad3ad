/** @module Schema of `kind: verdicts`: an article's decision rules and the actions they lead to. */
import { z } from 'zod'
import { FactName, Id, Scalar } from './common.ts'
import { Condition } from './condition.ts'

const verdicts = ['affected', 'not_affected', 'fixed', 'unknown'] as const
/** What a check concludes about one article. */
export type Verdict = (typeof verdicts)[number]

const DecisionRule = z.strictObject({
  id: Id,
  verdict: z.enum(['affected', 'not_affected', 'fixed']),
  when: Condition,
  /** Actions added when a later rule, decided by other facts, disagrees with this one. */
  onConflict: z.array(Id).default([]),
})

const Derivation = z.strictObject({
  id: Id,
  when: Condition,
  /** Facts this derivation sets; they replace a contradicting input, which the result reports. */
  set: z.record(z.string(), Scalar),
})

const Action = z.strictObject({
  id: Id,
  /**
   * The verdicts for which the action is offered. Empty: offered only when a decision rule's `onConflict`
   * names it (evidence and inventory disagree).
   */
  verdicts: z.array(z.enum(verdicts)),
  /** Offered when this holds; when its facts are missing the action is offered as conditional. */
  when: Condition.optional(),
  /** The article step whose text the action reuses: `procedure-id` or `procedure-id/step-id`. */
  step: z.string().optional(),
  recommended: z.boolean().default(false),
  /** Facts the step finds out (the DLL version it reads): once they are known, the step is not offered. */
  checks: z.array(FactName).default([]),
})

/** Schema of `kind: verdicts`. */
export const VerdictsFile = z.strictObject({
  kind: z.literal('verdicts'),
  article: z.string().min(1),
  /** Facts implied by others (SBS 2003 not upgraded means WSUS 2.0). Run before the rules. */
  derive: z.array(Derivation).default([]),
  /** In priority order: the first rule that holds decides, unless an earlier one might hold too. */
  rules: z.array(DecisionRule).min(1),
  actions: z.array(Action).default([]),
})

/** A validated `kind: verdicts` file. */
export type VerdictsFile = z.infer<typeof VerdictsFile>
