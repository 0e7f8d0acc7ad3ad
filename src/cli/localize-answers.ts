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
 * with several, those for the defaults from the filed texts (`DefaultAnswerTexts.preload`).
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
  const filed = results.length > 1 && (await texts.preload(kb, i18n.language, i18n, localize))
  return results.map(
    (result): LocalizedCheckResult =>
      filed && kb.isDefaultAnswer(result)
        ? JSON.parse(texts.text(result, i18n.language, localize))
        : localize(result),
  )
}
