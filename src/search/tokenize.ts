/** @module Words of a text for the search index: split, stemmed per language, diacritics folded. */
import StemmerPl from '@nlpjs/lang-pl/src/stemmer-pl.js'
import { stemmer as dutch } from '@orama/stemmers/dutch'
import { stemmer as english } from '@orama/stemmers/english'
import { stemmer as norwegian } from '@orama/stemmers/norwegian'
import type { Language } from '../render/i18n.ts'

const polish = new StemmerPl()

/** A stemmer per language: Snowball (Orama's ports) for en, nl, nb; the light stemmer of nlp.js for pl. */
const stemmers: Record<Language, (word: string) => string> = {
  en: english,
  nl: dutch,
  nb: norwegian,
  pl: (word) => polish.stemWord(word),
}

/** Letters that NFD does not take apart into a base letter and a mark. */
const unsplittable: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', đ: 'd', ß: 'ss', œ: 'oe' }

/**
 * Lower case without diacritics: `Łódź` → `lodz`, `fejlmelding` stays, `Ø` → `o`.
 *
 * @example
 * fold('Pobieranie aktualizacji nie powiodło się') // 'pobieranie aktualizacji nie powiodlo sie'
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøæđßœ]/g, (letter) => unsplittable[letter] ?? letter)
}

/** Words are runs of letters and digits; `0x8024400E`, `KB954960` and `3.1.6001.66` stay whole. */
const word = /[\p{L}\p{N}]+(?:[.][\p{N}]+)*/gu

/**
 * The raw words of a text, lower-cased, in order.
 *
 * @example
 * words('WSUS-server: 0x8024400E') // ['wsus', 'server', '0x8024400e']
 */
export function words(text: string): string[] {
  return text.toLowerCase().match(word) ?? []
}

/**
 * The index terms of a text in a language: each word stemmed (before folding, as the stemmers expect the
 * language's own letters), then folded; words with digits are kept whole, as codes and versions.
 *
 * @example
 * terms('Computere mottar ikke oppdateringer', 'nb') // ['comput', 'mott', 'ikk', 'oppdatering']
 */
export function terms(text: string, language: Language): string[] {
  const stem = stemmers[language]
  const known = termsOf[language]
  return words(text).map((each) => {
    let term = known.get(each)
    if (term === undefined) {
      term = fold(/\p{N}/u.test(each) ? each : stem(each))
      if (known.size >= maxTermsKnown) known.clear()
      known.set(each, term)
    }
    return term
  })
}

// Each word's term, per language: the search index of a knowledge base meets the same words many thousand
// times, and stemming and folding a word cost far more than looking it up.
const maxTermsKnown = 50_000
const termsOf: Record<Language, Map<string, string>> = {
  en: new Map(),
  nl: new Map(),
  pl: new Map(),
  nb: new Map(),
}
