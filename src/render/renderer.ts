import path from 'node:path'
import type { Resource } from 'i18next'
import type { Root } from 'mdast'
import type { ArticleModel, KnowledgeBaseModel } from '../kb/model.ts'
import { defaultRulesDir } from '../kb/paths.ts'
import type { ArticleFile } from '../kb/schema/article.ts'
import type { DocumentOutline } from '../kb/schema/outline.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { articleValues } from './article-values.ts'
import type { Format } from './formats.ts'
import { defaultLocalesDir, type Language, languages, localesBeside, mergeResources } from './i18n.ts'
import { type LazyResourcesOptions, loadLazyResources } from './lazy-resources.ts'
import { localizedProducts } from './localized-catalog.ts'
import type { Localizer } from './localizer.ts'
import { assemble } from './outline.ts'

/**
 * The documents every article is published as.
 *
 * @example
 * documentKinds.includes(request.doc) // validate a route parameter
 */
export const documentKinds = ['kb', 'advisory'] as const
/** One of `documentKinds`: the KB article or the security advisory. */
export type DocumentKind = (typeof documentKinds)[number]

/**
 * The documents an article has: those whose outline it declares under `documents:`.
 *
 * @example
 * articleDocuments(article) // ['kb', 'advisory']
 */
export function articleDocuments(article: ArticleFile): DocumentKind[] {
  return documentKinds.filter((doc) => article.documents[doc] !== undefined)
}

/** Which document to render, and how. */
export interface RenderOptions {
  article: string
  doc: DocumentKind
  lang: Language
  format: Format
  /** HTML only: a full page instead of a fragment. */
  page?: boolean
}

/** Where a renderer reads from. */
interface RendererSource {
  /** The rules folder (default: the built-in rules/). A `locales/` folder beside it adds its strings. */
  rules?: string
  /** A locales folder whose strings override the built-in ones (a fixture translation). */
  locales?: string
}

/**
 * The project's locales, plus those of `locales`, or else of a `locales/` folder beside `rules` when there is one
 * (a fixture's own strings). `options.keepBytes` bounds the parsed strings kept of each of the two folders.
 *
 * @example
 * await loadRenderResources({rules: 'test/fixtures/fictional/rules'})
 * // a server that answers about many articles at once keeps more of their strings parsed:
 * await loadRenderResources({rules: 'kb/rules'}, {keepBytes: 16 * 1024 * 1024})
 */
export async function loadRenderResources(
  source: RendererSource = {},
  options: LazyResourcesOptions = {},
): Promise<Resource> {
  // Namespaces are parsed when first needed and let go again: a large knowledge base's strings never all stay.
  const base = await loadLazyResources(defaultLocalesDir, languages, options)
  const extra = source.locales ?? (source.rules === undefined ? undefined : localesBeside(source.rules))
  return extra === undefined ? base : mergeResources(base, await loadLazyResources(extra, languages, options))
}

/**
 * Renders documents from a loaded knowledge base and locale resources. Rules and strings are read once;
 * every render then works in memory with its own i18next instance, so concurrent calls are safe. Results are
 * kept per (article, document, language, format, page): the inputs never change after loading.
 *
 * @example
 * const renderer = await Renderer.load()
 * await renderer.render({article: '954960', doc: 'advisory', lang: 'nb', format: 'html', page: true})
 */
export class Renderer {
  readonly model: KnowledgeBaseModel
  readonly resources: Resource
  readonly #cache = new Map<string, Promise<string>>()

  constructor(model: KnowledgeBaseModel, resources: Resource) {
    this.model = model
    this.resources = resources
  }

  /** Load rules and locales (see `RendererSource`); rules that have not changed since the last run are not validated again. */
  static async load(source: RendererSource = {}): Promise<Renderer> {
    // The YAML loader and the Markdown stack load on first use, not when the package is imported.
    const { loadCompiledModel } = await import('../kb/compiled-model.ts')
    const [{ model }, resources] = await Promise.all([
      loadCompiledModel(source.rules === undefined ? defaultRulesDir : path.resolve(source.rules)),
      loadRenderResources(source),
    ])
    return new Renderer(model, resources)
  }

  /** The article ids this renderer knows. */
  /**
   * The documents one article has (`kb` when it declares `kb:`, `advisory` when it declares `advisory:`).
   *
   * @example
   * renderer.documentsOf('954960') // ['kb', 'advisory']
   */
  documentsOf(article: string): DocumentKind[] {
    return articleDocuments(this.#article(article).article)
  }

  get articleIds(): string[] {
    return this.model.articles.map((article) => article.id)
  }

  /** The document as Markdown, HTML (fragment or page) or plain text. */
  render(options: RenderOptions): Promise<string> {
    const page = options.format === 'html' && options.page === true
    const key = [options.article, options.doc, options.lang, options.format, page].join('\u0000')
    let result = this.#cache.get(key)
    if (!result) {
      result = this.#render(options, page)
      this.#cache.set(key, result)
      result.catch(() => this.#cache.delete(key))
    }
    return result
  }

  async #render(options: RenderOptions, page: boolean): Promise<string> {
    const localizer = await this.#localizer(options.article, options.lang)
    const tree = this.#assemble(options.article, options.doc, localizer)
    const title = page ? this.#title(options.doc, localizer) : ''
    const { serialize } = await import('./serialize.ts')
    return serialize(tree, options.format, page ? { page: { lang: options.lang, title } } : {})
  }

  /** The document's mdast tree (for callers that serialize differently). */
  async tree(options: Omit<RenderOptions, 'format' | 'page'>): Promise<Root> {
    return this.#assemble(options.article, options.doc, await this.#localizer(options.article, options.lang))
  }

  /** The document's title in a language ("Microsoft Security Advisory 954960: …" for the advisory). */
  async title(options: Omit<RenderOptions, 'format' | 'page'>): Promise<string> {
    return this.#title(options.doc, await this.#localizer(options.article, options.lang))
  }

  #title(doc: DocumentKind, localizer: Localizer): string {
    const outline = this.#outline(localizer.article, doc)
    return outline.title.map((key) => localizer.plain(key)).join(': ')
  }

  #assemble(article: string, doc: DocumentKind, localizer: Localizer): Root {
    const outline = this.#outline(article, doc)
    const model = this.#article(article).article
    const products = localizedProducts(this.model.products, this.resources, localizer.language)
    const values = articleValues(model, products, localizer.language)
    return assemble(outline.outline, { article: model, products, values }, localizer)
  }

  async #localizer(article: string, lang: Language): Promise<Localizer> {
    const model = this.#article(article)
    const { Localizer } = await import('./localizer.ts')
    const products = localizedProducts(this.model.products, this.resources, lang)
    return Localizer.create(this.resources, lang, model.id, articleValues(model.article, products, lang))
  }

  #outline(article: string, doc: DocumentKind): DocumentOutline {
    const model = this.#article(article)
    const outline = model.article.documents[doc]
    if (!outline) {
      const documents = articleDocuments(model.article)
      throw new RangeError(
        `Expected a document that article \`${article}\` has (${documents.map((known) => `\`${known}\``).join(', ') || 'none'}), not \`${doc}\`; declare \`documents.${doc}\` in its article.yaml to publish it`,
      )
    }
    return outline
  }

  #article(id: string): ArticleModel {
    const model = this.model.articles.find((candidate) => candidate.id === id)
    if (!model)
      throw new RangeError(
        `Expected an article of the knowledge base (${this.articleIds.map((known) => `\`${known}\``).join(', ')}), not \`${id}\``,
      )
    return model
  }
}

/** Options of `renderDocument`: the document, plus the strings to use (default: the project's locales). */
interface RenderDocumentOptions extends RenderOptions {
  resources?: Resource
}

/**
 * Render one document without keeping a `Renderer` (loads the locales on every call; use `Renderer` in
 * servers).
 *
 * @example
 * const kb = await loadKnowledgeBase()
 * const markdown = await renderDocument(kb, {article: '954960', doc: 'kb', lang: 'pl', format: 'md'})
 */
export async function renderDocument(
  kb: KnowledgeBase | KnowledgeBaseModel,
  options: RenderDocumentOptions,
): Promise<string> {
  const model = 'model' in kb ? kb.model : kb
  const renderer = new Renderer(model, options.resources ?? (await loadRenderResources({ rules: model.dir })))
  return renderer.render(options)
}

/**
 * The title of a document in a language (for `GET /v1/articles`).
 *
 * @example
 * await documentTitle(kb, {article: '954960', doc: 'kb', lang: 'nl'}) // 'Sommige computers ontvangen geen updates van de WSUS-server'
 */
export async function documentTitle(
  kb: KnowledgeBase | KnowledgeBaseModel,
  options: Omit<RenderDocumentOptions, 'format' | 'page'>,
): Promise<string> {
  const model = 'model' in kb ? kb.model : kb
  const renderer = new Renderer(model, options.resources ?? (await loadRenderResources({ rules: model.dir })))
  return renderer.title(options)
}
