/** @module One render's translator: keys in, mdast out, with the article's facts interpolated. */

import type { i18n, Resource } from 'i18next'
import type { BlockContent, PhrasingContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { ArticleValue } from './article-values.ts'
import { createI18n, type Language } from './i18n.ts'
import { blockContent, inlineContent, parseUnsanitized, TokenValues } from './markdown.ts'
import { MissingTranslationError } from './missing-translation-error.ts'

export { MissingTranslationError }

/** Parameters of one string besides the article's values (a revision's `date`). */
export type Params = Record<string, ArticleValue>

/**
 * Translate keys of one article into mdast. A key `common:x.y` is read from the shared namespace, any other
 * from the article's namespace. One instance per render: it owns a fresh i18next instance and the tokens
 * of the values it interpolated.
 *
 * @example
 * const localizer = await Localizer.create(resources, 'nl', '954960', articleValues(article, products))
 * localizer.blocks('kb.cause') // [paragraph]
 */
export class Localizer {
  readonly language: Language
  readonly #i18n: i18n
  readonly #tokens: TokenValues
  /** The article whose namespace non-`common:` keys are read from. */
  readonly article: string
  readonly #values: Record<string, ArticleValue>

  private constructor(
    instance: i18n,
    tokens: TokenValues,
    language: Language,
    article: string,
    values: Params,
  ) {
    this.#i18n = instance
    this.#tokens = tokens
    this.language = language
    this.article = article
    this.#values = values
  }

  /** A localizer over `resources` for one language and article. */
  static async create(
    resources: Resource,
    language: Language,
    article: string,
    values: Params,
  ): Promise<Localizer> {
    const tokens = new TokenValues()
    const instance = await createI18n(resources, language, { escape: (value) => tokens.token(value) })
    return new Localizer(instance, tokens, language, article, values)
  }

  /** The translated string with tokens for its values (still to be parsed). */
  #raw(key: string, params: Params = {}): string {
    const [ns, path] = key.startsWith('common:')
      ? ['common', key.slice('common:'.length)]
      : [this.article, key]
    if (!this.#i18n.exists(path, { ns })) throw new MissingTranslationError(key, this.language, this.article)
    return this.#i18n.t(path, { ...this.#values, ...params, ns, returnObjects: false }) as string
  }

  /** The string of `key` as Markdown blocks. */
  blocks(key: string, params?: Params): BlockContent[] {
    return blockContent(this.#tokens.resolve(parseUnsanitized(this.#raw(key, params))))
  }

  /** The string of `key` as one line of inline Markdown. */
  inline(key: string, params?: Params): PhrasingContent[] {
    return inlineContent(this.#tokens.resolve(parseUnsanitized(this.#raw(key, params))))
  }

  /** The string of `key` as plain text (for titles and log placeholders). */
  plain(key: string, params?: Params): string {
    return mdastToString({ type: 'paragraph', children: this.inline(key, params) }).trim()
  }

  /** True when the key exists in this language or in the English fallback. */
  has(key: string): boolean {
    const [ns, path] = key.startsWith('common:')
      ? ['common', key.slice('common:'.length)]
      : [this.article, key]
    return this.#i18n.exists(path, { ns })
  }
}
