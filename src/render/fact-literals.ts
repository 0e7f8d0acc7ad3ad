/** @module Find facts typed into a translation that must come from rules/ by interpolation. */
import type { KnowledgeBaseModel } from '../kb/model.ts'
import { memoPer } from '../memo-per.ts'
import { articleValues } from './article-values.ts'
import { execJoined, type Searcher } from './exec-joined.ts'
import { guidSearch } from './guid-search.ts'
import { foldCase, LiteralAlternation } from './literal-alternation.ts'

/** A kind of fact and how to spot it. */
interface FactPattern {
  what: string
  pattern: Pick<RegExp, 'exec'> | LiteralAlternation
}

/** Shapes that are always facts, whatever the article. */
const shapes: FactPattern[] = [
  { what: 'a URL', pattern: /\b(?:https?|ftp):\/\/\S+|\bwww\.[a-z0-9-]+\.[a-z]{2,}\S*/i },
  { what: 'a file path', pattern: /%[A-Za-z]+%\\\S*|\b[A-Za-z]:\\\S*/ },
  { what: 'an id', pattern: guidSearch },
  { what: 'a version number', pattern: /\b\d+\.\d+\.\d+(?:\.\d+)?\b/ },
  { what: 'an error code', pattern: /\b0x[0-9A-F]{8}\b/i },
  { what: 'a date', pattern: /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b/ },
]

/**
 * The patterns made here, which may search texts joined by line breaks (`execJoined`): none matches a line
 * break, and their `\b` and look-arounds take one as they take the edge of a text.
 */
const joinable = new WeakSet<object>(shapes.map((shape) => shape.pattern))

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The fact patterns for translations in `language`: the fixed shapes (URLs, paths, GUIDs, dotted versions,
 * error codes, numeric dates), plus every KB, advisory and reference number of the rules as a bare word,
 * every date of the rules as that language writes it, and the error strings and log lines of the articles.
 *
 * @example
 * findFact('Install 3.1.6001.66', factPatterns(model, 'en')) // {what: 'a version number', text: '3.1.6001.66', index: 8}
 */
export function factPatterns(model: KnowledgeBaseModel, language: string): FactPattern[] {
  // Asked once per locale file: built once per model and language (the patterns hold no state).
  return memoPer(built, model, language, () => buildFactPatterns(model, language))
}

const built = new WeakMap<KnowledgeBaseModel, Map<string, FactPattern[]>>()

function joined(pattern: RegExp): RegExp {
  joinable.add(pattern)
  return pattern
}

function buildFactPatterns(model: KnowledgeBaseModel, language: string): FactPattern[] {
  let ofModel = ofEveryLanguage.get(model)
  if (ofModel === undefined) {
    ofModel = factsOfModel(model)
    ofEveryLanguage.set(model, ofModel)
  }
  const { numbers, dates, literals } = ofModel
  // Three formats for every date: made once, a format costs far more than a date it writes.
  const formats = (['long', 'full', 'medium'] as const).map(
    (dateStyle) => new Intl.DateTimeFormat(language, { dateStyle, timeZone: 'UTC' }),
  )
  const written = dates.flatMap((date) => {
    const day = new Date(`${date}T00:00:00Z`)
    return formats.map((format) => format.format(day))
  })
  return [
    ...shapes,
    ...(numbers ? [numbers] : []),
    // A literal set, not an alternation: dozens of dates tried at every position cost more.
    ...(written.length > 0 ? [{ what: 'a date', pattern: new LiteralAlternation(written) }] : []),
    ...(literals ? [literals] : []),
  ]
}

// The patterns the same in every language, made once per model for all four.
const ofEveryLanguage = new WeakMap<KnowledgeBaseModel, ReturnType<typeof factsOfModel>>()

// One alternation per kind, in the order the facts were met: the earliest match, and at one position the
// first alternative, is what one pattern per fact tried in that order finds; but the cost per text no longer
// grows with the number of articles.
function alternation(items: Iterable<string>): string {
  return [...items].map(escapeRegExp).join('|')
}

/** The KB and advisory numbers, the dates (as written in rules/) and the error strings and log lines of the model. */
function factsOfModel(model: KnowledgeBaseModel): {
  numbers?: FactPattern
  dates: string[]
  literals?: FactPattern
} {
  const numbers = new Set<string>()
  const dates = new Set<string>()
  const literals = new Set<string>()
  for (const { article } of model.articles) {
    const { kb, advisory } = article
    for (const number of [kb?.number, advisory?.number, ...article.references.map((ref) => ref.number)])
      if (number !== undefined) numbers.add(number)
    const named = Object.values(article.values).map(String)
    for (const date of [
      kb?.technicalUpdate,
      kb?.lastReview,
      advisory?.published,
      advisory?.updated,
      article.fix?.released,
      ...(advisory?.revisions ?? []).map((revision) => revision.date),
      ...named.filter((value) => /^\d{4}-\d{2}-\d{2}$/.test(value)),
    ])
      if (date !== undefined) dates.add(date)
    for (const code of Object.values(article.errorCodes)) {
      // `Type: message.` is written in prose as its message alone.
      const message = code.replace(/^[\w.]+:\s*/, '').replace(/\.$/, '')
      // A bare type (`SoapException:`) leaves no message: an empty literal would be found in every string.
      if (!/^0x[0-9A-F]{8}$/i.test(code) && message !== '') literals.add(message)
    }
    for (const log of Object.values(article.logs))
      for (const line of log.lines) if (!line.elided && line.text.length >= 20) literals.add(line.text.trim())
  }
  return {
    ...(numbers.size > 0
      ? {
          numbers: {
            what: 'a KB or advisory number',
            pattern: joined(new RegExp(`(?<![\\w.-])(?:${alternation(numbers)})(?![\\w-])`)),
          },
        }
      : {}),
    dates: [...dates],
    // Thousands with a thousand articles: a literal set, which an alternation of them would cost per literal.
    ...(literals.size > 0
      ? { literals: { what: 'an error message or log line', pattern: new LiteralAlternation([...literals]) } }
      : {}),
  }
}

/**
 * The first fact in `text` (placeholders `{{…}}` are skipped), or undefined.
 *
 * @example
 * findFact('Installeer update 954960 nu.', factPatterns(model, 'nl'))?.what // 'a KB or advisory number'
 */
export function findFact(text: string, patterns: FactPattern[]): FoundFact | undefined {
  return findFacts([text], patterns)[0]
}

/** A fact found in a translation: what kind, its text, and where it starts. */
export interface FoundFact {
  what: string
  text: string
  index: number
}

/**
 * `findFact` of each text; the many literals of a large knowledge base are searched in all the texts at once.
 *
 * @example
 * findFacts(['Installeer update 954960 nu.', 'Klaar.'], factPatterns(model, 'nl')) // [{what: 'a KB or advisory number', …}, undefined]
 */
export function findFacts(texts: readonly string[], patterns: FactPattern[]): (FoundFact | undefined)[] {
  const blanked = texts.map((text) =>
    text.includes('{{')
      ? text.replace(/\{\{[^}]*\}\}/g, (placeholder) => ' '.repeat(placeholder.length))
      : text,
  )
  const found: (FoundFact | undefined)[] = texts.map(() => undefined)
  // Joined once for every pattern that searches the texts as one, and case-folded once for the literal sets.
  const joined = blanked.join('\n')
  let folded: string | undefined
  for (const { what, pattern } of patterns) {
    let matches: Array<{ index: number; 0: string } | null>
    if (pattern instanceof LiteralAlternation) {
      folded ??= foldCase(joined)
      matches = pattern.execEach(blanked, joined, folded)
    } else if (joinable.has(pattern)) matches = execJoined(pattern as RegExp | Searcher, blanked, joined)
    else matches = blanked.map((text) => pattern.exec(text))
    matches.forEach((match, at) => {
      const earlier = found[at]
      if (match && (earlier === undefined || match.index < earlier.index))
        found[at] = { what, text: match[0], index: match.index }
    })
  }
  return found
}

/**
 * How to fix a fact typed into a translation of `namespace`: the placeholder whose value it is (the
 * namespace's own article first), or where to declare one.
 *
 * @example
 * placeholderAdvice(model, '954960', '3.1.6001.66') // 'use `{{fixedVersion}}`'
 */
export function placeholderAdvice(model: KnowledgeBaseModel, namespace: string, text: string): string {
  const articles = [...model.articles].sort((a, b) => Number(b.id === namespace) - Number(a.id === namespace))
  for (const { article } of articles) {
    const values = articleValues(article, model.products)
    const name = Object.keys(values).find((key) => values[key] === text)
    if (name !== undefined) return `use \`{{${name}}}\``
  }
  return 'declare it under `values:` in the article and use `{{<name>}}`'
}
