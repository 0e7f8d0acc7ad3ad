/** @module The seam between the API and the document renderer (src/render). */
import type { i18n } from 'i18next'
import type { ArticleModel } from '../kb/model.ts'
import type { Language } from '../render/i18n.ts'
import type { KnowledgeSnapshot } from './knowledge-holder.ts'

type DocumentKind = 'kb' | 'advisory'
type DocumentFormat = 'md' | 'html' | 'text' | 'json'

/** One document to render. */
interface RenderRequest {
  snapshot: KnowledgeSnapshot
  article: ArticleModel
  doc: DocumentKind
  format: DocumentFormat
  language: Language
  i18n: i18n
}

/** Renders a document: text for md, html and text, a JSON-serialisable tree for json. */
export type DocumentRenderer = (request: RenderRequest) => Promise<string | object>

/**
 * The media type each format is served as.
 *
 * @example
 * return c.body(body, 200, {'Content-Type': formatMediaTypes.html})
 */
export const formatMediaTypes: Record<DocumentFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

/**
 * The renderer of src/render over the request's snapshot: Markdown, an HTML page, plain text, or the mdast
 * tree for `json`.
 *
 * @example
 * createApp({kb, renderer: builtInRenderer}) // the default
 */
export const builtInRenderer: DocumentRenderer = async ({ snapshot, article, doc, format, language }) => {
  const options = { article: article.id, doc, lang: language }
  if (format === 'json') return snapshot.renderer.tree(options)
  return snapshot.renderer.render({ ...options, format, page: format === 'html' })
}
