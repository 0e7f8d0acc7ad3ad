/**
 * @module The checkers of a knowledge base, each compiled (its rules as closures; json-rules-engine's Engine
 * and the generated verdict function when first used) the first time it is asked for: loading a knowledge base of a thousand articles to answer about one of them compiles
 * one. At most `maxCompiled` stay compiled (the least recently used are let go and compiled again when asked
 * for), so a server keeps the same memory however many articles its queries concern.
 */
import type { ArticleModel } from '../kb/model.ts'
import type { FactDefinition } from '../kb/schema/facts.ts'
import { LruMap } from '../lru-map.ts'
import { ArticleChecker } from './article-checker.ts'

/** Options of `LazyCheckers`. */
export interface LazyCheckersOptions {
  /** How many compiled checkers to keep, least recently used let go first (default: all of them). */
  maxCompiled?: number
}

/**
 * A read-only map from article id to its `ArticleChecker`, in the order given, compiling on first access.
 * A checker let go answers as before when compiled again: it is made from the same validated article.
 *
 * @example
 * const checkers = new LazyCheckers(model.articles, model.facts, {maxCompiled: 256})
 * checkers.has('954960') // true, nothing compiled yet
 * await checkers.get('954960')!.check(facts) // compiles this one article
 */
export class LazyCheckers implements ReadonlyMap<string, ArticleChecker> {
  readonly #articles: Map<string, ArticleModel>
  readonly #vocabulary: readonly FactDefinition[]
  readonly #compiled: LruMap<string, ArticleChecker>

  constructor(
    articles: readonly ArticleModel[],
    vocabulary: readonly FactDefinition[],
    options: LazyCheckersOptions = {},
  ) {
    this.#articles = new Map(articles.map((article) => [article.id, article]))
    this.#vocabulary = vocabulary
    this.#compiled = new LruMap(options.maxCompiled ?? Number.POSITIVE_INFINITY)
  }

  get size(): number {
    return this.#articles.size
  }

  /** How many checkers are compiled and kept now (at most `maxCompiled`). */
  get compiledCount(): number {
    return this.#compiled.size
  }

  has(id: string): boolean {
    return this.#articles.has(id)
  }

  get(id: string): ArticleChecker | undefined {
    const checker = this.#compiled.get(id)
    if (checker !== undefined) return checker
    const article = this.#articles.get(id)
    if (article === undefined) return undefined
    return this.#compiled.set(id, new ArticleChecker(article, this.#vocabulary))
  }

  keys(): MapIterator<string> {
    return this.#articles.keys()
  }

  *values(): MapIterator<ArticleChecker> {
    for (const id of this.#articles.keys()) yield this.get(id)!
  }

  *entries(): MapIterator<[string, ArticleChecker]> {
    for (const id of this.#articles.keys()) yield [id, this.get(id)!]
  }

  [Symbol.iterator](): MapIterator<[string, ArticleChecker]> {
    return this.entries()
  }

  forEach(
    callback: (value: ArticleChecker, key: string, map: ReadonlyMap<string, ArticleChecker>) => void,
  ): void {
    for (const [id, checker] of this.entries()) callback(checker, id, this)
  }
}
