/** @module Find facts typed into a translation that must come from rules/ by interpolation. */
import type { KnowledgeBaseModel } from '../kb/model.ts'
import { articleValues } from './article-values.ts'

/** A kind of fact and how to spot it. */
interface FactPattern {
  what: string
  pattern: RegExp
}

/** Shapes that are always facts, whatever the article. */
const shapes: FactPattern[] = [
  { what: 'a URL', pattern: /\b(?:https?|ftp):\/\/\S+|\bwww\.[a-z0-9-]+\.[a-z]{2,}\S*/i },
  { what: 'a file path', pattern: /%[A-Za-z]+%\\\S*|\b[A-Za-z]:\\\S*/ },
  {
    what: 'an id',
    pattern: /\b[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\b/i,
  },
  { what: 'a version number', pattern: /\b\d+\.\d+\.\d+(?:\.\d+)?\b/ },
  { what: 'an error code', pattern: /\b0x[0-9A-F]{8}\b/i },
  { what: 'a date', pattern: /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b/ },
]

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
  const patterns = [...shapes]
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
      if (!/^0x[0-9A-F]{8}$/i.test(code)) literals.add(message)
    }
    for (const log of Object.values(article.logs))
      for (const line of log.lines) if (!line.elided && line.text.length >= 20) literals.add(line.text.trim())
  }
  for (const number of numbers)
    patterns.push({
      what: 'a KB or advisory number',
      pattern: new RegExp(`(?<![\\w.-])${escapeRegExp(number)}(?![\\w-])`),
    })
  for (const date of dates) {
    const day = new Date(`${date}T00:00:00Z`)
    for (const dateStyle of ['long', 'full', 'medium'] as const) {
      const written = new Intl.DateTimeFormat(language, { dateStyle, timeZone: 'UTC' }).format(day)
      patterns.push({ what: 'a date', pattern: new RegExp(escapeRegExp(written), 'i') })
    }
  }
  for (const literal of literals)
    patterns.push({ what: 'an error message or log line', pattern: new RegExp(escapeRegExp(literal), 'i') })
  return patterns
}

/**
 * The first fact in `text` (placeholders `{{…}}` are skipped), or undefined.
 *
 * @example
 * findFact('Installeer update 954960 nu.', factPatterns(model, 'nl'))?.what // 'a KB or advisory number'
 */
export function findFact(
  text: string,
  patterns: FactPattern[],
): { what: string; text: string; index: number } | undefined {
  const blanked = text.replace(/\{\{[^}]*\}\}/g, (placeholder) => ' '.repeat(placeholder.length))
  let found: { what: string; text: string; index: number } | undefined
  for (const { what, pattern } of patterns) {
    const match = pattern.exec(blanked)
    if (match && (found === undefined || match.index < found.index))
      found = { what, text: match[0], index: match.index }
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
