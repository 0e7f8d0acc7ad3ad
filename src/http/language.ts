/** @module Pick the answer's language: `?lang=` first, then `Accept-Language` with q-values, then English. */
import { isLanguage, type Language } from '../render/i18n.ts'

/** Norwegian tags that all mean Bokmål here: the knowledge base has no Nynorsk text. */
const aliases: Record<string, Language> = { no: 'nb', nn: 'nb', nb: 'nb' }

/**
 * The supported language a BCP 47 tag stands for (`nl-BE` → `nl`, `nb-NO`/`no`/`nn` → `nb`), or undefined.
 *
 * @example
 * supportedLanguage('nb-NO') // 'nb'
 * supportedLanguage('de') // undefined
 */
function supportedLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  const mapped = aliases[primary] ?? primary
  return isLanguage(mapped) ? mapped : undefined
}

/**
 * The best supported language of an `Accept-Language` header: highest q first, header order on ties,
 * `*` and anything unsupported fall back to English.
 *
 * @example
 * fromAcceptLanguage('de-DE, nn;q=0.8, en;q=0.5') // 'nb'
 */
function fromAcceptLanguage(header: string | undefined): Language {
  if (!header) return 'en'
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';')
      const q = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param)?.[1]).find(Boolean)
      const weight = q === undefined ? 1 : Number(q)
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((entry) => entry.tag !== '' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  for (const entry of ranked) {
    if (entry.tag === '*') return 'en'
    const language = supportedLanguage(entry.tag)
    if (language) return language
  }
  return 'en'
}

/** The outcome of negotiation: a language, or the explicit `?lang=` that is not supported. */
type Negotiated = { ok: true; language: Language } | { ok: false; requested: string }

/**
 * `?lang=` wins (an unsupported value is an error, not a silent fallback); otherwise `Accept-Language`.
 *
 * @example
 * negotiateLanguage('nl', 'en') // {ok: true, language: 'nl'}
 * negotiateLanguage('xx', 'nl') // {ok: false, requested: 'xx'}
 */
export function negotiateLanguage(query: string | undefined, acceptLanguage: string | undefined): Negotiated {
  if (query !== undefined && query !== '') {
    const language = supportedLanguage(query)
    return language ? { ok: true, language } : { ok: false, requested: query }
  }
  return { ok: true, language: fromAcceptLanguage(acceptLanguage) }
}
