/** @module Full-text search over every article's documents in every language (Orama, one index per language). */
import { create, insertMultiple, type Orama, search } from '@orama/orama'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import { type Language, languages } from '../render/i18n.ts'
import type { Renderer } from '../render/renderer.ts'
import { countingIndex } from './counting-index.ts'
import { codes, factsRecord, type SearchRecord, sections } from './records.ts'
import { fold, terms } from './tokenize.ts'

/** One hit: where it is, a snippet around the first match, and which query words matched. */
export interface SearchHit {
  article: string
  title: string
  lang: Language
  document?: string
  section?: string
  snippet: string
  score: number
  /** The query words (as typed) found in the hit; codes first. */
  matched: string[]
}

/** Options of `SearchIndex.search`. */
export interface SearchOptions {
  /** Search this language only; all languages otherwise, this one preferred on equal footing. */
  lang?: Language
  /** Prefer this language when `lang` is absent (the reader's language). */
  prefer?: Language
  /** At most this many hits (default 10). */
  limit?: number
}

/** Where the documents come from: the renderer (or, in tests, anything that gives trees and titles). */
export type DocumentSource = Pick<Renderer, 'tree' | 'title' | 'documentsOf'>

const schema = { title: 'string', section: 'string', text: 'string', codes: 'string' } as const
type Database = Orama<typeof schema>

/** An exact code outranks any word match: its hits come first, ordered by their text score among themselves. */
const codeRank = 1000
const snippetLength = 200

/**
 * The search index of one knowledge base: built once per snapshot (`SearchIndex.build`), then read-only.
 *
 * @example
 * const index = await SearchIndex.build(kb.model, renderer)
 * index.search('0x8024400E')[0]?.article // the article whose log shows the code
 */
export class SearchIndex {
  readonly records: readonly SearchRecord[]
  readonly #databases: ReadonlyMap<Language, Database>
  // Each record's terms, found when a search first scores the record: most records are never hit, and
  // finding the terms of all of them took a tenth of the build.
  readonly #terms: Array<ReadonlySet<string> | undefined>

  private constructor(records: SearchRecord[], databases: Map<Language, Database>) {
    this.records = records
    this.#databases = databases
    this.#terms = new Array(records.length)
  }

  #termsOf(id: number): ReadonlySet<string> {
    const record = this.records[id]!
    this.#terms[id] ??= new Set(
      terms(`${record.title}\n${record.section ?? ''}\n${record.text}`, record.lang),
    )
    return this.#terms[id]
  }

  /**
   * Index every document an article declares, of every article in every language, section by section, and
   * each article's facts (codes, log lines, product names).
   */
  static async build(model: KnowledgeBaseModel, renderer: DocumentSource): Promise<SearchIndex> {
    const records: SearchRecord[] = []
    const databases = new Map<Language, Database>()
    for (const lang of languages) {
      databases.set(
        lang,
        create({
          schema,
          components: {
            index: countingIndex(),
            tokenizer: {
              language: lang,
              normalizationCache: new Map(),
              tokenize: (raw: string) => terms(raw, lang),
            },
          },
        }),
      )
    }
    for (const article of model.articles) {
      const first = records.length
      for (const lang of languages) {
        const titles: string[] = []
        for (const document of renderer.documentsOf(article.id)) {
          const options = { article: article.id, doc: document, lang }
          const tree = await renderer.tree(options)
          const documentTitle = await renderer.title(options)
          titles.push(documentTitle)
          for (const [position, { heading, text }] of sections(tree).entries()) {
            records.push({
              position,
              article: article.id,
              lang,
              title: documentTitle,
              document,
              ...(heading === undefined ? {} : { section: heading }),
              text,
              codes: codes(`${heading ?? ''}\n${text}`),
            })
          }
        }
        records.push(factsRecord(model, article, lang, titles[0] ?? article.id))
      }
      for (const lang of languages) {
        await insertMultiple(
          databases.get(lang)!,
          records.slice(first).flatMap((record, offset) =>
            record.lang === lang
              ? [
                  {
                    id: String(first + offset),
                    title: record.title,
                    section: record.section ?? '',
                    text: record.text,
                    codes: record.codes.join(' '),
                  },
                ]
              : [],
          ),
        )
      }
      // One article at a time: a server building the index of a large knowledge base keeps answering.
      await new Promise((resolve) => setImmediate(resolve))
    }
    return new SearchIndex(records, databases)
  }

  /**
   * The best hits for a query: exact codes and ids first, then by BM25 weighted by the share of the query's
   * words a hit has (so a Dutch sentence finds the Dutch text), the preferred language first on ties.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10
    const wanted = codes(query)
    const searched = options.lang ? [options.lang] : languages
    const hits: Array<SearchHit & { place: string }> = []
    for (const lang of searched) {
      const database = this.#databases.get(lang)!
      const queryTerms = [...new Set(terms(query, lang))]
      if (queryTerms.length === 0) continue
      const found = search(database, {
        // Bare ids (`954960` of `KB954960`) are searched too, as the text may name them either way.
        term: [query, ...wanted].join(' '),
        properties: ['title', 'section', 'text', 'codes'],
        boost: { title: 2, section: 1.5, codes: 3 },
        threshold: 1,
        limit: this.records.length,
      }) as Awaited<ReturnType<typeof search<Database>>>
      const scores = new Map(found.hits.map(({ id, score }) => [Number(id), score]))
      // A record with an exact code is a hit even when its words do not match at all.
      this.records.forEach((record, id) => {
        if (record.lang === lang && wanted.some((code) => record.codes.includes(code)) && !scores.has(id))
          scores.set(id, 0)
      })
      for (const [id, score] of scores) {
        const record = this.records[id]!
        const recordTerms = this.#termsOf(id)
        const codeHits = wanted.filter((code) => record.codes.includes(code))
        const wordHits = matchedWords(query, lang, recordTerms)
        const coverage = queryTerms.filter((term) => recordTerms.has(term)).length / queryTerms.length
        const preferred = !options.lang && options.prefer === lang ? 1.1 : 1
        const rank = (codeHits.length > 0 ? codeRank : 0) + score * coverage * coverage * preferred
        hits.push({
          place: `${record.article}\u0000${record.document ?? ''}\u0000${record.position}`,
          article: record.article,
          title: record.title,
          lang,
          ...(record.document === undefined ? {} : { document: record.document }),
          ...(record.section === undefined ? {} : { section: record.section }),
          snippet: snippet(
            record.text,
            [...codeHits, ...wordHits.map((each) => terms(each, lang)[0] ?? '')],
            lang,
          ),
          score: Math.round(rank * 1000) / 1000,
          matched: [...new Set([...codeHits.map((code) => original(query, code)), ...wordHits])],
        })
      }
    }
    // One hit per place: the same section in four languages is one answer, in its best-matching language.
    const seen = new Set<string>()
    return hits
      .filter((hit) => hit.matched.length > 0)
      .sort((a, b) => b.score - a.score || a.article.localeCompare(b.article))
      .filter(({ place }) => !seen.has(place) && Boolean(seen.add(place)))
      .slice(0, limit)
      .map(({ place: _place, ...hit }) => hit)
  }
}

/** The query words whose term the record has, as typed. */
function matchedWords(query: string, lang: Language, recordTerms: ReadonlySet<string>): string[] {
  const original = query.match(/[\p{L}\p{N}]+(?:[.][\p{N}]+)*/gu) ?? []
  return original.filter((word) => {
    const term = terms(word, lang)[0]
    return term !== undefined && recordTerms.has(term)
  })
}

/** The code as the query spelled it (`0x8024400E`, not `0x8024400e`). */
function original(query: string, code: string): string {
  const index = query.toLowerCase().indexOf(code)
  return index < 0 ? code : query.slice(index, index + code.length)
}

/** About `snippetLength` characters of `text` around the first word whose term is wanted, on word bounds. */
function snippet(text: string, wanted: string[], lang: Language): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const targets = new Set(wanted.filter(Boolean))
  let at = 0
  for (const match of flat.matchAll(/[\p{L}\p{N}]+(?:[.][\p{N}]+)*/gu)) {
    const word = match[0]
    if (
      targets.has(fold(word)) ||
      targets.has(terms(word, lang)[0] ?? '') ||
      targets.has(word.toLowerCase())
    ) {
      at = match.index
      break
    }
  }
  if (flat.length <= snippetLength) return flat
  let start = Math.max(0, at - snippetLength / 4)
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start
  let end = Math.min(flat.length, start + snippetLength)
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end)}${end < flat.length ? ' …' : ''}`
}
