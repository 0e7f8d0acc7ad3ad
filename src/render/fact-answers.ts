/** @module Answers in the reader's words: the localized yes/no and enum labels of locales/, accepted as fact values. */
import type { Resource } from 'i18next'
import type { FactAnswers } from '../engine/facts.ts'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import { normalizeSpelling } from '../kb/spelling.ts'
import { factNamesIn } from './lazy-resources.ts'

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
  const enums = new Map(
    model.facts.flatMap((fact) =>
      fact.type === 'enum' ? [[fact.name, (fact.values ?? []).map(({ value }) => value)] as const] : [],
    ),
  )
  for (const name of enums.keys()) {
    labels.set(name, new Map())
    labelClashes.set(name, new Set())
  }
  const namespaces = ['common', ...model.articles.map((article) => article.id)]
  for (const language of Object.values(resources)) {
    for (const value of [true, false]) {
      addUnambiguous(booleans, booleanClashes, at(language, 'common', 'value', String(value)), value)
    }
    // Each namespace names its own facts: walking those, not every fact in every namespace, keeps this
    // linear in the number of strings.
    for (const ns of namespaces) {
      // A namespace that names no enum fact is not read (with lazy strings, not parsed).
      const named = factNamesIn(language, ns).filter((name) => enums.has(name))
      if (named.length === 0) continue
      const facts = at(language, ns, 'facts')
      for (const name of named) {
        const values = enums.get(name)!
        for (const value of values) {
          addUnambiguous(labels.get(name)!, labelClashes.get(name)!, at(facts, name, 'values', value), value)
        }
      }
    }
  }
  return { booleans, labels }
}
