/**
 * @module The checkers of a knowledge base, each compiled (engine rules, generated verdict function) the first
 * time it is asked for: loading a knowledge base of a thousand articles to answer about one of them compiles
 * one.
 */
import type { ArticleModel } from '../kb/model.ts'
import type { FactDefinition } from '../kb/schema/facts.ts'
import { ArticleChecker } from './article-checker.ts'

/**
 * A read-only map from article id to its `ArticleChecker`, in the order given, compiling on first access.
 *
 * @example
 * const checkers = new LazyCheckers(model.articles, model.facts)
 * checkers.has('954960') // true, nothing compiled yet
 * await checkers.get('954960')!.check(facts) // compiles this one article
 */
export class LazyCheckers implements ReadonlyMap<string, ArticleChecker> {
  readonly #articles: Map<string, ArticleModel>
  readonly #vocabulary: readonly FactDefinition[]
  readonly #compiled = new Map<string, ArticleChecker>()

  constructor(articles: readonly ArticleModel[], vocabulary: readonly FactDefinition[]) {
    this.#articles = new Map(articles.map((article) => [article.id, article]))
    this.#vocabulary = vocabulary
  }

  get size(): number {
    return this.#articles.size
  }

  has(id: string): boolean {
    return this.#articles.has(id)
  }

  get(id: string): ArticleChecker | undefined {
    let checker = this.#compiled.get(id)
    if (checker === undefined) {
      const article = this.#articles.get(id)
      if (article === undefined) return undefined
      checker = new ArticleChecker(article, this.#vocabulary)
      this.#compiled.set(id, checker)
    }
    return checker
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
