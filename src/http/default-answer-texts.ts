/**
 * @module The localized JSON text of each article's answer for the defaults, kept without its `facts`. A query
 * that does not concern an article answers with that answer and the caller's facts (`kb.isDefaultAnswer`), so
 * its text is the kept one with the facts put in: with a thousand articles, most of every answer is no longer
 * localized again for each new query.
 */
import type { CheckResult } from '../engine/check-result.ts'

// Stands for the facts while the rest is serialized. Strings from YAML never hold a NUL; a text that holds the
// mark other than once is not kept (see `text`).
const factsMark = '\u0000kb-advisor facts\u0000'
const quotedMark = JSON.stringify(factsMark)

/**
 * Per language and article: the text before and after the facts, or null when the text cannot be split so.
 *
 * @example
 * const texts = new DefaultAnswerTexts()
 * texts.text(result, 'nl', (answer) => localizeForApi(answer, i18n, kb)) // as JSON.stringify(localizeForApi(result, i18n, kb))
 */
export class DefaultAnswerTexts {
  readonly #texts = new Map<string, { before: string; after: string } | null>()

  /**
   * `JSON.stringify(localize(result))` for `result`, an answer for the defaults (`kb.isDefaultAnswer`) of a
   * knowledge base that does not change: localized once per language and article. `localize` must not read
   * `facts`, which it gets as a placeholder.
   */
  text(result: CheckResult, language: string, localize: (result: CheckResult) => object): string {
    const key = `${language}\u0000${result.article}`
    let kept = this.#texts.get(key)
    if (kept === undefined) {
      const parts = JSON.stringify(localize({ ...result, facts: factsMark as never })).split(quotedMark)
      kept = parts.length === 2 ? { before: parts[0]!, after: parts[1]! } : null
      this.#texts.set(key, kept)
    }
    return kept === null
      ? JSON.stringify(localize(result))
      : `${kept.before}${JSON.stringify(result.facts)}${kept.after}`
  }
}
