/**
 * @module The facts whose values can change an article's answer, read from its rules: what the fact index keys
 * on (engine/fact-index.ts) and what an article's checker is given. A compiled model files them beside each
 * article (kb/filed-model.ts), so that indexing a thousand articles reads none of their rules.
 */
import type { ArticleModel } from './model.ts'
import type { Condition } from './schema/condition.ts'

// An article's model does not change once loaded: its facts are found once.
const known = new WeakMap<ArticleModel, readonly string[]>()

/**
 * Every fact whose value can change the article's answer, sorted: read by a condition of any rule, set by a
 * derivation (the input may contradict it), or checked by an action (a known value withdraws the step).
 *
 * @example
 * factsConcerning(model.articles[0]) // ['brewerConnected', 'brewerFirmware', 'widgetServerVersion']
 */
export function factsConcerning(article: ArticleModel): readonly string[] {
  const found = known.get(article)
  if (found !== undefined) return found
  const names = new Set<string>()
  const walk = (condition: Condition): void => {
    if ('all' in condition) condition.all.forEach(walk)
    else if ('any' in condition) condition.any.forEach(walk)
    else if ('not' in condition) walk(condition.not)
    else names.add(condition.fact)
  }
  const { derive, rules, actions } = article.verdicts
  for (const derivation of derive) {
    walk(derivation.when)
    for (const name of Object.keys(derivation.set)) names.add(name)
  }
  for (const rule of rules) walk(rule.when)
  for (const action of actions) {
    if (action.when) walk(action.when)
    for (const name of action.checks) names.add(name)
  }
  const sorted = [...names].sort()
  known.set(article, sorted)
  return sorted
}

/**
 * Give `factsConcerning` of an article whose rules are not read yet: what `factsConcerning` found for the same
 * rules before they were filed.
 *
 * @example
 * rememberFactsConcerning(lazyArticle, filed.concerning)
 * factsConcerning(lazyArticle) // filed.concerning, the article's rules unread
 */
export function rememberFactsConcerning(article: ArticleModel, names: readonly string[]): void {
  known.set(article, names)
}
