/** @module Answers in the reader's words: the localized yes/no and enum labels of locales/, accepted as fact values. */
import type { Resource } from 'i18next'
import type { FactAnswers } from '../engine/facts.ts'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import { normalizeSpelling } from '../kb/spelling.ts'

/** A word that means two things in different places is no answer: it is left out. */
function addUnambiguous<T>(map: Map<string, T>, clashes: Set<string>, word: unknown, value: T): void {
  if (typeof word !== 'string' || word.trim() === '') return
  const key = normalizeSpelling(word)
  if (clashes.has(key)) return
  const known = map.get(key)
  if (known !== undefined && known !== value) {
    map.delete(key)
    clashes.add(key)
  } else map.set(key, value)
}

function at(resource: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (node, part) =>
      node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
    resource,
  )
}

/**
 * Every language's `value.true`/`value.false` (`ja`, `nee`, `tak`, `nie`, `nei`) and every enum value label
 * (`facts.<name>.values.<value>`, in `common` or an article's namespace) as answers for `validateFacts`.
 *
 * @example
 * const answers = factAnswers(resources, kb.model)
 * validateFacts({office2003OnClients: 'ja'}, kb.model.facts, {answers}).facts // {office2003OnClients: true}
 */
export function factAnswers(
  resources: Resource,
  model: Pick<KnowledgeBaseModel, 'facts' | 'articles'>,
): FactAnswers {
  const booleans = new Map<string, boolean>()
  const booleanClashes = new Set<string>()
  const labels = new Map<string, Map<string, string>>()
  const labelClashes = new Map<string, Set<string>>()
  const namespaces = ['common', ...model.articles.map((article) => article.id)]
  for (const language of Object.values(resources)) {
    for (const value of [true, false]) {
      addUnambiguous(booleans, booleanClashes, at(language, 'common', 'value', String(value)), value)
    }
    for (const fact of model.facts) {
      if (fact.type !== 'enum') continue
      const byLabel = labels.get(fact.name) ?? new Map<string, string>()
      labels.set(fact.name, byLabel)
      const clashes = labelClashes.get(fact.name) ?? new Set<string>()
      labelClashes.set(fact.name, clashes)
      for (const { value } of fact.values ?? []) {
        for (const ns of namespaces) {
          addUnambiguous(byLabel, clashes, at(language, ns, 'facts', fact.name, 'values', value), value)
        }
      }
    }
  }
  return { booleans, labels }
}
