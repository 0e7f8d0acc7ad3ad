/** @module Plural keys: i18next's `_one`/`_few`/`_many`/`_other` suffixes, per language by Intl.PluralRules. */

const suffixes = ['zero', 'one', 'two', 'few', 'many', 'other'] as const

/**
 * The plural categories of a language's cardinal numbers, in CLDR order (the suffixes i18next looks up).
 *
 * @example
 * pluralCategories('pl') // ['one', 'few', 'many', 'other']
 * pluralCategories('nl') // ['one', 'other']
 */
export function pluralCategories(language: string): readonly string[] {
  // Asked for every locale file: an `Intl.PluralRules` costs tens of microseconds to make.
  let found = categoriesByLanguage.get(language)
  if (found === undefined) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[]
    found = suffixes.filter((suffix) => categories.includes(suffix))
    categoriesByLanguage.set(language, found)
  }
  return found
}

const categoriesByLanguage = new Map<string, readonly string[]>()

/**
 * The base of a plural key (`diagnose.omittedBlocks` of `diagnose.omittedBlocks_few`), or undefined when
 * the key has no plural suffix.
 *
 * @example
 * pluralBase('diagnose.omittedBlocks_few') // 'diagnose.omittedBlocks'
 */
export function pluralBase(key: string): string | undefined {
  const match = /^(.+)_(zero|one|two|few|many|other)$/.exec(key)
  return match?.[1]
}

/**
 * The keys a language must have, each with the English string it is translated from. A plural group of
 * the English (`key_one`, `key_other`) becomes the language's own categories (`key_one`, `key_few`,
 * `key_many`, `key_other` in Polish); a category English lacks is translated from its `_other` string.
 * Other keys map to themselves. Order follows the English.
 *
 * @example
 * translationSources(new Map([['n_one', '{{count}} line'], ['n_other', '{{count}} lines']]), 'pl')
 * // Map {'n_one' => '{{count}} line', 'n_few' => '{{count}} lines', 'n_many' => …, 'n_other' => …}
 */
export function translationSources(english: Map<string, string>, language: string): Map<string, string> {
  const sources = new Map<string, string>()
  const categories = pluralCategories(language)
  for (const [key, text] of english) {
    const base = pluralBase(key)
    const other = base === undefined ? undefined : english.get(`${base}_other`)
    if (base === undefined || other === undefined) {
      sources.set(key, text)
      continue
    }
    if (sources.has(`${base}_${categories[0]}`)) continue // the group is already expanded
    for (const category of categories)
      sources.set(`${base}_${category}`, english.get(`${base}_${category}`) ?? other)
  }
  return sources
}
