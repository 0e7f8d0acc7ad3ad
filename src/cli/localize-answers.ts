/**
 * @module The answers of `kb check` and `kb diagnose`, localized: an article the facts (or a log) do not concern
 * answers as for the defaults, and its text comes as an earlier run of these rules and strings filed it.
 */
import type { i18n } from 'i18next'
import type { CheckResult } from '../engine/check-result.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { DefaultAnswerTexts } from '../render/default-answer-texts.ts'
import { type LocalizedCheckResult, localizeCheckResult } from '../render/localize-check.ts'

/**
 * `results` (answers `kb` gave) localized in `i18n`'s language, exactly as `localizeCheckResult` localizes each;
 * those for the defaults from the filed texts (`DefaultAnswerTexts.preload`) when they are a good share of the
 * knowledge base: the texts are filed for every article at once, which a diagnosis that a few articles read
 * would not repay.
 *
 * @example
 * const localized = await localizeAnswers(kb, (await kb.check(facts)).results, i18n)
 */
export async function localizeAnswers(
  kb: KnowledgeBase,
  results: readonly CheckResult[],
  i18n: i18n,
): Promise<LocalizedCheckResult[]> {
  const localize = (result: CheckResult) => localizeCheckResult(result, i18n, kb)
  const texts = new DefaultAnswerTexts('check')
  const defaults = results.filter((result) => kb.isDefaultAnswer(result)).length
  const filed =
    results.length > 1 &&
    defaults > 0 &&
    defaults * 4 >= kb.articleIds.length &&
    (await texts.preload(kb, i18n.language, i18n, localize))
  return results.map(
    (result): LocalizedCheckResult =>
      filed && kb.isDefaultAnswer(result)
        ? JSON.parse(texts.text(result, i18n.language, localize))
        : localize(result),
  )
}
