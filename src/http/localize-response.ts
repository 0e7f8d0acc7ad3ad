/** @module Check results for the API: localized messages plus, per missing fact, how to ask for it. */
import type { i18n } from 'i18next'
import { deepFreeze } from '../deep-freeze.ts'
import type { CheckResult } from '../engine/check-result.ts'
import { definitionsByName } from '../engine/facts.ts'
import type { FactDefinition } from '../kb/schema/facts.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { memoBounded, memoPerPair } from '../memo-per.ts'
import { localizeCheckResult, namespacesOfKey } from '../render/localize-check.ts'

/** A question of the guided check, with the answers it accepts. */
interface Question {
  fact: string
  question: string
  label: string
  type: FactDefinition['type']
  values?: Array<{ value: string | boolean; label: string }>
  examples?: string[]
}

/**
 * How to ask for a fact in the instance's language: the question, its label, and the accepted values
 * with labels (`facts.<name>.values.<value>`, `value.true/false`), looked up in `namespaces` in order
 * (`common`, then the articles: see `factNamespaces`), or in the namespaces `namespaces(key)` gives for each key.
 *
 * @example
 * describeFact(definition, i18n).values // [{value: 'x86', label: 'x86'}, {value: 'x64', label: 'x64'}]
 * describeFact(definition, i18n, (key) => namespacesOfKey(i18n, kb, 'contoso-1001', definition.name, key)).question
 */
export function describeFact(
  definition: FactDefinition,
  i18n: i18n,
  namespaces: readonly string[] | ((key: string) => readonly string[]) = ['common'],
): Question {
  const nsOf = typeof namespaces === 'function' ? namespaces : () => namespaces
  const t = (key: string, fallback: string) =>
    i18n.t(key, { ns: [...nsOf(key)], defaultValue: fallback }) as string
  const name = definition.name
  const question: Question = {
    fact: name,
    question: t(`facts.${name}.question`, name),
    label: t(`facts.${name}.label`, name),
    type: definition.type,
  }
  if (definition.type === 'boolean') {
    question.values = [true, false].map((value) => ({ value, label: t(`value.${value}`, String(value)) }))
  } else if (definition.type === 'enum') {
    question.values = (definition.values ?? []).map(({ value }) => ({
      value,
      label: t(`facts.${name}.values.${value}`, value),
    }))
  } else if (definition.examples) {
    question.examples = [...definition.examples]
  }
  return question
}

/**
 * A check result as the API returns it: `localizeCheckResult` with each question described by `describeFact`.
 * The descriptions are made once per article and language and shared, frozen, as the reasons are.
 *
 * @example
 * const body = localizeForApi(report.results[0], i18n, kb)
 * body.questions[0].values
 */
export function localizeForApi(result: CheckResult, i18n: i18n, kb: KnowledgeBase) {
  const localized = localizeCheckResult(result, i18n, kb)
  const byName = definitionsByName(kb.model.facts)
  // The same for every answer of the article in this language: described once, shared, frozen.
  const held = memoPerPair(questionsHeld, i18n, kb, () => new Map<string, Question>())
  return {
    ...localized,
    questions: localized.questions.map(({ fact, question }) => {
      const definition = byName.get(fact)
      if (definition === undefined) return { fact, question, label: fact, type: 'enum' as const }
      const described = memoBounded(held, `${result.article}\u0000${fact}`, maxQuestionsHeld, () =>
        deepFreeze(
          describeFact(definition, i18n, (key) => namespacesOfKey(i18n, kb, result.article, fact, key)),
        ),
      )
      return { ...described, question }
    }),
  }
}

// Articles and facts come from the rules, not from requests; bounded all the same.
const maxQuestionsHeld = 10_000
const questionsHeld = new WeakMap<i18n, WeakMap<KnowledgeBase, Map<string, Question>>>()
