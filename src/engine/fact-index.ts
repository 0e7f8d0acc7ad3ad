/**
 * @module An index from facts to the articles whose answers they can change. An article's answer depends only
 * on the facts its rules read (derivations, decisions, actions), the facts its derivations set and the facts
 * its actions find out; every other fact only passes through into `facts`. So for a query that agrees with the
 * knowledge base's defaults on all of those, an article answers exactly as it does for the defaults alone:
 * "am I affected?" against every article evaluates only the articles the query concerns.
 */
import { factsConcerning } from '../kb/facts-concerning.ts'
import type { ArticleModel } from '../kb/model.ts'
import type { CheckResult } from './check-result.ts'
import type { Facts } from './facts.ts'

/**
 * Fact name to the ids of the articles it concerns, built once from the model (nothing compiled).
 *
 * @example
 * const index = new FactIndex(model.articles)
 * index.concerned({...defaults, brewerConnected: true}, defaults) // Set {'contoso-1001'}
 */
export class FactIndex {
  readonly #articles = new Map<string, string[]>()
  readonly #facts = new Map<string, readonly string[]>()

  constructor(articles: readonly ArticleModel[]) {
    for (const article of articles) {
      const names = factsConcerning(article)
      this.#facts.set(article.id, names)
      for (const name of names) {
        const ids = this.#articles.get(name)
        if (ids === undefined) this.#articles.set(name, [article.id])
        else ids.push(article.id)
      }
    }
  }

  /** The ids of the articles a fact concerns (empty when none reads it). */
  articlesOf(fact: string): readonly string[] {
    return this.#articles.get(fact) ?? []
  }

  /**
   * The ids of the articles whose answer for `facts` may differ from their answer for `baseline` (the
   * defaults alone): those concerned by a fact whose value differs between the two. Every other article
   * answers `facts` as it answers `baseline`, apart from the facts passed through.
   */
  concerned(facts: Facts, baseline: Facts): Set<string> {
    const ids = new Set<string>()
    for (const name of new Set([...Object.keys(facts), ...Object.keys(baseline)])) {
      if (facts[name] === baseline[name]) continue
      for (const id of this.articlesOf(name)) ids.add(id)
    }
    return ids
  }

  /**
   * Whether the article's answer for `facts`, with `overrides` over them, may differ from its answer for
   * `baseline` (see `concerned`).
   */
  concerns(id: string, facts: Facts, baseline: Facts, overrides: Facts = {}): boolean {
    return (this.#facts.get(id) ?? []).some(
      (name) => (name in overrides ? overrides[name] : facts[name]) !== baseline[name],
    )
  }
}

/**
 * An article's answer as a caller reads it: the facts the caller gave (validated), then the article's own facts
 * as its rules saw them (defaults and derived values; a derived value replaces a given one in place). The
 * defaults of facts that concern other articles are left out: they cannot change this answer.
 *
 * @example
 * withGivenFacts(await checker.check(facts), {site: 'lab'}).facts // {site: 'lab', alarm: 'none', …}
 */
export function withGivenFacts(result: CheckResult, given: Facts): CheckResult {
  return { ...result, facts: { ...given, ...result.facts } }
}

/**
 * The answer of an article that the query does not concern (see `FactIndex.concerned`), made from its
 * answer for the defaults as JSON text: the same verdict, reasons, actions and own facts (parsed anew, never
 * shared), with the facts the caller gave, exactly as `withGivenFacts` gives the answer of evaluating it.
 * Answers are plain data (strings, numbers, booleans, arrays, objects): JSON holds them exactly.
 *
 * @example
 * const base = JSON.stringify(await checker.check(defaults))
 * reuseAnswer(base, {site: 'lab'}) // deep-equal to withGivenFacts(await checker.check({...defaults, site: 'lab'}), {site: 'lab'})
 */
export function reuseAnswer(base: string, given: Facts): CheckResult {
  return withGivenFacts(JSON.parse(base) as CheckResult, given)
}
