/** @module What the search index holds: one record per section of every document, and one per article's facts. */
import type { Root, RootContent } from 'mdast'
import { toString as plainText } from 'mdast-util-to-string'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import type { Language } from '../render/i18n.ts'
import { productFullName } from '../render/outline.ts'
import { toPlainText } from '../render/plain-text.ts'

/** One searchable unit: a section of a document in one language, or an article's facts. */
export interface SearchRecord {
  article: string
  lang: Language
  /** The document title (the KB article's title for an article's facts). */
  title: string
  /** `kb`, `advisory`…; absent for the article's facts. */
  document?: string
  /** The heading of the section; absent for a document's opening text and for the facts. */
  section?: string
  /** The section's place in its document: the same in every language, as the outline is. */
  position: number
  text: string
  /** Codes and ids of the text, normalized (`0x8024400e`, `954960`). */
  codes: string[]
}

/**
 * Split a document tree at its headings: the text before the first heading, then one section per heading.
 *
 * @example
 * sections(tree) // [{text: 'Symptoms …'}, {heading: 'Cause', text: '…'}]
 */
export function sections(tree: Root): Array<{ heading?: string; text: string }> {
  const result: Array<{ heading?: string; nodes: RootContent[] }> = [{ nodes: [] }]
  for (const node of tree.children) {
    if (node.type === 'heading') result.push({ heading: plainText(node), nodes: [] })
    else result.at(-1)!.nodes.push(node)
  }
  return result
    .map(({ heading, nodes }) => ({
      ...(heading === undefined ? {} : { heading }),
      text: nodes.length === 0 ? '' : toPlainText({ type: 'root', children: nodes }).trim(),
    }))
    .filter((section) => section.heading !== undefined || section.text.trim() !== '')
}

/** Codes and ids: hex codes, GUIDs, and any word with a digit of four characters or more (`KB954960`). */
const codePattern =
  /\b0x[0-9a-f]+\b|\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|[\p{L}\p{N}]*\p{N}[\p{L}\p{N}._-]*/giu

/**
 * The codes of a text, lower-cased, with `KB`/`MS` prefixes also given bare (`KB954960` → `kb954960`, `954960`).
 *
 * @example
 * codes('Error 0x8024400E, see KB954960 (3.1.6001.66)') // ['0x8024400e', 'kb954960', '954960', '3.1.6001.66']
 */
export function codes(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(codePattern)) {
    const code = match[0].toLowerCase().replace(/[._-]+$/, '')
    if (code.length < 4) continue
    found.add(code)
    const bare = /^(?:kb|ms|q)(\d{4,})$/.exec(code)?.[1]
    if (bare) found.add(bare)
  }
  return [...found]
}

/**
 * Every string value of an article's data (ids, codes, log lines, commands, file names, keywords): whatever
 * fields the article has, so the index follows the schema without naming its fields.
 *
 * @example
 * articleStrings({kb: {number: '954960', keywords: ['wsus']}}) // ['954960', 'wsus']
 */
export function articleStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(articleStrings)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(articleStrings)
  return []
}

/**
 * The article's facts as a record: its data's strings and the names of the catalog products it names.
 *
 * @example
 * factsRecord(model, model.articles[0], 'nl', 'Sommige computers …')
 */
export function factsRecord(
  model: KnowledgeBaseModel,
  article: KnowledgeBaseModel['articles'][number],
  lang: Language,
  title: string,
): SearchRecord {
  const strings = articleStrings(article.article)
  const ids = new Set(strings)
  const products = model.products
    .filter((product) => ids.has(product.id))
    .map((product) => productFullName(model.products, product.id))
  const text = [...products, ...strings].join('\n')
  return { article: article.id, lang, title, position: -1, text, codes: codes(text) }
}
