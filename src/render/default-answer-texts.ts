/**
 * @module The localized JSON text of each article's answer for the defaults, kept without its `facts`. A query
 * that does not concern an article answers with that answer and the caller's facts (`kb.isDefaultAnswer`), so
 * its text is the kept one with the facts put in: with a thousand articles, most of every answer is no longer
 * localized again for each new query. Where the knowledge base and the strings can be filed across runs, the
 * texts of every article are (`preload`): a new process, a `kb check` or a restarted server, localizes none.
 */
import type { i18n } from 'i18next'
import type { CheckResult } from '../engine/check-result.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { stringsIdentity } from './strings-identity.ts'

// Stands for the facts while the rest is serialized. Strings from YAML never hold a NUL; a text that holds the
// mark other than once is not kept (see `text`).
const factsMark = '\u0000kb-advisor facts\u0000'
const quotedMark = JSON.stringify(factsMark)

/** The text before and after the facts, or null when the text cannot be split so. */
type Parts = readonly [before: string, after: string] | null

/**
 * Per language and article, the localized text of the answer for the defaults; one instance per shape of the
 * localized answer (`form`), since texts of different shapes are filed apart.
 *
 * @example
 * const texts = new DefaultAnswerTexts('api')
 * texts.text(result, 'nl', (answer) => localizeForApi(answer, i18n, kb)) // as JSON.stringify(localizeForApi(result, i18n, kb))
 */
export class DefaultAnswerTexts {
  readonly #form: string
  readonly #texts = new Map<string, Parts>()
  readonly #preloads = new Map<string, Promise<boolean>>()

  /** `form`: the name of what `localize` makes (`api`: `localizeForApi`; `check`: `localizeCheckResult`). */
  constructor(form: string) {
    this.#form = form
  }

  /**
   * Have the text of every article's answer for the defaults in `language` at hand: filed by an earlier run for
   * the same rules, strings (those `i18n` was made from) and code, or localized now and filed. Without a filing
   * place (`kb.filed` gives none, or the strings have no identity) nothing is done, and `text` localizes each
   * article when first asked, as before. A failure to file is left to `text` too. Resolves to whether the texts
   * of every article are at hand.
   *
   * @example
   * await texts.preload(kb, 'nl', i18n, (answer) => localizeForApi(answer, i18n, kb)) // true
   */
  preload(
    kb: KnowledgeBase,
    language: string,
    i18n: i18n,
    localize: (result: CheckResult) => object,
  ): Promise<boolean> {
    const known = this.#preloads.get(language)
    if (known) return known
    const identity = stringsIdentity(i18n.store.data)
    const filed =
      identity === undefined
        ? undefined
        : kb.filed('texts', JSON.stringify([this.#form, language, identity]), async () => {
            const texts: Record<string, Parts> = {}
            for (const answer of await kb.defaultAnswers()) texts[answer.article] = split(answer, localize)
            return texts
          })
    const loading =
      filed === undefined
        ? Promise.resolve(false)
        : filed.then(
            (texts) => {
              for (const [article, parts] of Object.entries(texts))
                this.#texts.set(key(language, article), parts)
              return true
            },
            () => false,
          )
    this.#preloads.set(language, loading)
    return loading
  }

  /**
   * `JSON.stringify(localize(result))` for `result`, an answer for the defaults (`kb.isDefaultAnswer`) of a
   * knowledge base that does not change: localized once per language and article. `localize` must not read
   * `facts`, which it gets as a placeholder.
   */
  text(result: CheckResult, language: string, localize: (result: CheckResult) => object): string {
    const at = key(language, result.article)
    let kept = this.#texts.get(at)
    if (kept === undefined) {
      kept = split(result, localize)
      this.#texts.set(at, kept)
    }
    return kept === null
      ? JSON.stringify(localize(result))
      : `${kept[0]}${JSON.stringify(result.facts)}${kept[1]}`
  }
}

function key(language: string, article: string): string {
  return `${language}\u0000${article}`
}

function split(result: CheckResult, localize: (result: CheckResult) => object): Parts {
  const parts = JSON.stringify(localize({ ...result, facts: factsMark as never })).split(quotedMark)
  return parts.length === 2 ? [parts[0]!, parts[1]!] : null
}
