/** @module XLIFF 1.2 export of a translation, for CAT tools (Trados, memoQ, Weblate, Crowdin). */
import { readFileSync } from 'node:fs'
import { XMLBuilder } from 'fast-xml-parser'
import { readLocaleStrings, sourceNamespaces } from './locale-files.ts'
import { pluralBase, translationSources } from './plural-keys.ts'
import { sourceHash } from './source-hashes.ts'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

/** The XLIFF 1.2 namespace. */
export const xliff12Namespace = 'urn:oasis:names:tc:xliff:document:1.2'

/**
 * The XLIFF 1.2 `state` of a target: `translated` when it was reviewed against the current English (its
 * source hash matches), `needs-review-translation` when the English changed since or no hash was recorded,
 * `new` when there is no translation.
 *
 * @example
 * targetState('Objawy', sourceHash('Symptoms'), 'Symptoms') // 'translated'
 */
export function targetState(
  translation: string | undefined,
  recordedHash: string | undefined,
  source: string,
): 'new' | 'translated' | 'needs-review-translation' {
  if (translation === undefined) return 'new'
  return recordedHash === sourceHash(source) ? 'translated' : 'needs-review-translation'
}

/** Why a target needs review, for the translator. */
function reviewNote(state: string, hashRecorded: boolean): string | undefined {
  if (state !== 'needs-review-translation') return undefined
  return hashRecorded
    ? 'The English source changed since this translation was reviewed.'
    : 'This translation was never recorded as reviewed.'
}

/**
 * Which numbers a plural form is for (`key_few` in Polish: 2, 3, 4, 22, …), since its source is the English
 * `_other` string.
 */
function pluralNote(key: string, language: string): string | undefined {
  const category = pluralBase(key) === undefined ? undefined : key.slice(key.lastIndexOf('_') + 1)
  if (category === undefined) return undefined
  const rules = new Intl.PluralRules(language)
  const examples: number[] = []
  for (let count = 0; count <= 200 && examples.length < 4; count++)
    if (rules.select(count) === category) examples.push(count)
  const numbers = examples.length > 0 ? `${examples.join(', ')}, …` : 'fractions such as 1.5'
  return `Plural form "${category}" of ${language}: for ${numbers} ({{count}} is the number).`
}

/** What to export. */
interface XliffExportOptions {
  /** The translated language (`pl`). */
  language: string
  /** Only these namespaces (default: every namespace of `en/`). */
  namespaces?: readonly string[]
}

/**
 * One XLIFF 1.2 document with a `<file>` per namespace (its `original`) and a `<trans-unit>` per key
 * (its `id`, the dotted key). Every key the language must have is there: plural keys in the language's
 * own categories, keys without a translation as `state="new"` with an empty target.
 *
 * @example
 * const xliff = await exportXliff('locales', {language: 'pl', namespaces: ['954960']})
 */
export async function exportXliff(localesDir: string, options: XliffExportOptions): Promise<string> {
  const known = await sourceNamespaces(localesDir)
  const unknown = options.namespaces?.filter((namespace) => !known.includes(namespace)) ?? []
  if (unknown.length > 0)
    throw new RangeError(
      `Expected namespaces of \`en/\` (${known.join(', ')}), not ${unknown.map((name) => `\`${name}\``).join(', ')}`,
    )
  const files = []
  for (const namespace of options.namespaces ?? known) {
    const english = await readLocaleStrings(localesDir, 'en', namespace)
    const target = await readLocaleStrings(localesDir, options.language, namespace)
    const units = []
    for (const [key, source] of translationSources(english.strings, options.language)) {
      const translation = target.strings.get(key)
      const state = targetState(translation, target.hashes.get(key), source)
      const notes = [pluralNote(key, options.language), reviewNote(state, target.hashes.has(key))].filter(
        (note) => note !== undefined,
      )
      units.push({
        '@_id': key,
        '@_resname': key,
        '@_xml:space': 'preserve',
        source: { '#text': source },
        target: { '@_state': state, '#text': translation ?? '' },
        ...(notes.length > 0 && { note: notes.map((note) => ({ '#text': note })) }),
      })
    }
    files.push({
      '@_original': namespace,
      '@_datatype': 'plaintext',
      '@_source-language': 'en',
      '@_target-language': options.language,
      header: { tool: { '@_tool-id': 'kb-advisor', '@_tool-name': 'kb-advisor', '@_tool-version': version } },
      body: { 'trans-unit': units },
    })
  }
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: false,
  })
  const body = builder.build({
    xliff: { '@_version': '1.2', '@_xmlns': xliff12Namespace, file: files },
  }) as string
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`
}
