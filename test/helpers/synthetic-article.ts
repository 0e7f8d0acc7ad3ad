// Articles written in code for engine unit tests: rules chosen to exercise one behaviour, not 954960's.

import type { ArticleModel } from '../../src/kb/model.ts'
import type { Condition } from '../../src/kb/schema/condition.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import type { VerdictsFile } from '../../src/kb/schema/verdicts.ts'

type Rule = {
  id: string
  verdict: 'affected' | 'not_affected' | 'fixed'
  when: Condition
  onConflict?: string[]
}
type Action = {
  id: string
  verdicts: VerdictsFile['actions'][number]['verdicts']
  when?: Condition
  recommended?: boolean
  step?: string
  /** Facts the step finds out: it is offered only while they are unknown. */
  checks?: string[]
}
type Derivation = { id: string; when: Condition; set: Record<string, string | number | boolean> }

/** An article model with these rules (the article file itself is never read by the engine without `valueRef`). */
export function syntheticArticle(
  rules: Rule[],
  options: { derive?: Derivation[]; actions?: Action[]; id?: string } = {},
): ArticleModel {
  const verdicts: VerdictsFile = {
    kind: 'verdicts',
    article: options.id ?? 'synthetic',
    derive: options.derive ?? [],
    rules: rules.map((rule) => ({ onConflict: [], ...rule })),
    actions: (options.actions ?? []).map((action) => ({ recommended: false, checks: [], ...action })),
  }
  return {
    id: options.id ?? 'synthetic',
    article: {} as ArticleModel['article'],
    verdicts,
    extras: {},
    files: [],
  }
}

/** Boolean facts named as given, asked from the user (no evidence defaults). */
export function booleanFacts(...names: string[]): FactDefinition[] {
  return names.map((name) => FactDefinition.parse({ name, type: 'boolean' }))
}

/** `fact` equals true: TRUE when the fact is true, FALSE when false, UNKNOWN when missing. */
export const holds = (fact: string): Condition => ({ fact, operator: 'equal', value: true })
