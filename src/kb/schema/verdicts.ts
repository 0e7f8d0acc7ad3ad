/** @module Schema of `kind: verdicts`: an article's decision rules and the actions they lead to. */
import { z } from 'zod'
import { FactName, Id, Scalar } from './common.ts'
import { Condition } from './condition.ts'

const verdicts = ['affected', 'not_affected', 'fixed', 'unknown'] as const
/** What a check concludes about one article. */
export type Verdict = (typeof verdicts)[number]

const DecisionRule = z.strictObject({
  id: Id.describe('The rule id; its reason text is `verdicts.rules.<id>` in the locale file.'),
  verdict: z.enum(['affected', 'not_affected', 'fixed']).describe('What the rule concludes when it holds.'),
  when: Condition.describe('The condition under which the rule holds.'),
  onConflict: z
    .array(Id)
    .default([])
    .describe('Actions added when a later rule, decided by other facts, disagrees with this one.'),
})

const Derivation = z.strictObject({
  id: Id.describe('The derivation id.'),
  when: Condition.describe('The condition under which the facts are set.'),
  set: z
    .record(z.string(), Scalar)
    .describe('Facts this derivation sets; they replace a contradicting input, which the result reports.'),
})

const Action = z.strictObject({
  id: Id.describe('The action id; its text is `verdicts.actions.<id>` in the locale file.'),
  verdicts: z
    .array(z.enum(verdicts))
    .describe(
      "The verdicts for which the action is offered. Empty: offered only when a decision rule's `onConflict` names it (evidence and inventory disagree).",
    ),
  when: Condition.optional().describe(
    'Offered when this holds; when its facts are missing the action is offered as conditional.',
  ),
  step: z
    .string()
    .optional()
    .describe('The article step whose text the action reuses: `procedure-id` or `procedure-id/step-id`.'),
  recommended: z.boolean().default(false).describe('Shown as the recommended action.'),
  checks: z
    .array(FactName)
    .default([])
    .describe(
      'Facts the step finds out (the DLL version it reads): once they are known, the step is not offered.',
    ),
})

/** Schema of `kind: verdicts`. */
export const VerdictsFile = z.strictObject({
  kind: z.literal('verdicts').describe('Always `verdicts`.'),
  article: z.string().min(1).describe('The id of the article these rules decide.'),
  derive: z
    .array(Derivation)
    .default([])
    .describe('Facts implied by others (SBS 2003 not upgraded means WSUS 2.0). Run before the rules.'),
  rules: z
    .array(DecisionRule)
    .min(1)
    .describe('In priority order: the first rule that holds decides, unless an earlier one might hold too.'),
  actions: z.array(Action).default([]).describe('Next actions, offered in this order.'),
})

/** A validated `kind: verdicts` file. */
export type VerdictsFile = z.infer<typeof VerdictsFile>
