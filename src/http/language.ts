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
      const q = params.find((param) => /^\s*q\s*=/i.test(param))
      return { tag: tag.trim(), weight: q === undefined ? 1 : qValue(q), index }
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

// RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).
const validQ = /^\s*q\s*=\s*(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)\s*$/i

/**
 * The weight of a `q=` parameter; 0 (the range is ignored) when it is not a valid qvalue (`q=-1`,
 * `q=NaN`, `q=1.5`, `q=0.0001`).
 *
 * @example
 * qValue('q=0.8') // 0.8
 * qValue('q=1.5') // 0
 */
function qValue(param: string): number {
  const match = validQ.exec(param)
  return match ? Number(match[1]) : 0
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
