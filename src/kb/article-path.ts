/** @module Resolve a dotted path (`component.fixedVersion`) inside an article. */
import type { ArticleFile } from './schema/article.ts'

/**
 * The value at a dotted path of the article, or undefined.
 *
 * @example
 * resolveArticlePath(article, 'workaround.updateId') // 'D359F493-0AAD-43FA-AF5C-6763326CD98F'
 */
export function resolveArticlePath(article: ArticleFile, dotted: string): unknown {
  let current: unknown = article
  for (const part of dotted.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined
    current = (current as Record<string, unknown>)[part]
  }
  return current
}
