/** @module Whether a translation interpolates what its English source does. */
import type { KnowledgeBaseModel } from '../kb/model.ts'
import { memoPer } from '../memo-per.ts'
import { articleValues } from './article-values.ts'

/**
 * The names a translation in `namespace` may interpolate although its English source does not: the values of
 * the article of that name (a local support phone number, a local page); none for shared namespaces.
 *
 * @example
 * localValueNames(model, '954960').has('fixedVersion') // true
 */
export function localValueNames(model: KnowledgeBaseModel, namespace: string): ReadonlySet<string> {
  // Asked for every locale file (and XLIFF unit): made once per model and namespace.
  return memoPer(localNames, model, namespace, () => {
    const entry = model.articles.find((candidate) => candidate.id === namespace)
    return new Set(entry ? Object.keys(articleValues(entry.article, model.products)) : [])
  })
}

const localNames = new WeakMap<KnowledgeBaseModel, Map<string, ReadonlySet<string>>>()

/**
 * Why a translation's placeholders do not fit its English source, or undefined when they do: it keeps
 * every placeholder of the English and adds only names of `local` (facts its own source adds). `expected`:
 * the English string's `placeholders`, when the caller has them already.
 *
 * @example
 * placeholderMismatch('Call {{a}}', 'Bel {{a}} op {{phone}}', new Set(['phone'])) // undefined
 */
export function placeholderMismatch(
  english: string,
  translation: string,
  local: ReadonlySet<string>,
  expected: readonly string[] = placeholders(english),
): string | undefined {
  const actual = placeholders(translation)
  const missing = expected.some((name) => !actual.includes(name))
  const unknown = actual.some((name) => !expected.includes(name) && !local.has(name))
  if (!missing && !unknown) return undefined
  return `Expected the placeholders of the English string (${placeholderList(expected)}) and besides them only values of the article, not ${placeholderList(actual)}`
}

/**
 * `{{name}}`, `{{name, format(...)}}` and `{{- name}}` all name the placeholder `name`.
 *
 * @example
 * placeholders('{{a, datetime(dateStyle: full)}} {{- b}} {{a}}') // ['a', 'b']
 */
export function placeholders(text: string): string[] {
  const names: string[] = []
  // What /\{\{-?\s*([^,}\s]+)[^}]*\}\}/g finds, tried only where `{{` is (asked of every string of every
  // translation, most with a placeholder or two).
  for (let at = text.indexOf('{{'); at !== -1; ) {
    placeholder.lastIndex = at
    const match = placeholder.exec(text)
    if (match === null) {
      at = text.indexOf('{{', at + 1)
      continue
    }
    if (!names.includes(match[1]!)) names.push(match[1]!)
    at = text.indexOf('{{', placeholder.lastIndex)
  }
  return names.sort()
}

const placeholder = /\{\{-?\s*([^,}\s]+)[^}]*\}\}/y

/**
 * Placeholder names as a reader sees them in a message.
 *
 * @example
 * placeholderList(['kbUrl']) // '`{{kbUrl}}`'
 */
export function placeholderList(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((name) => `\`{{${name}}}\``).join(', ')
}
