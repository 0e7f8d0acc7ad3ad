/** @module Translation QA: the problems of a locales folder, positioned in its YAML files. */
import { loadRules } from '../kb/load.ts'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import type { Problem } from '../kb/problem.ts'
import { defaultLocalesDir, localesBeside } from './i18n.ts'
import { localeLayout } from './locale-layout.ts'
import { finishLocales } from './locale-lint-finish.ts'
import { lintUnit } from './locale-lint-units.ts'

/**
 * Lint a locales folder against the English source and the facts of `model`: every key of `en` in every
 * language and no other (`KB_LOCALE_MISSING_*`, `KB_LOCALE_EXTRA_*`), the same placeholders (a translation may
 * add values of its article, such as a local phone number), Markdown that
 * parses as written (no stray `**` or backticks, no raw HTML, no link other than http(s) or mailto), no fact
 * typed in instead of interpolated, no translation whose English changed since its hash was recorded, an
 * English label and question for every fact of the vocabulary (`KB_LOCALE_MISSING_FACT_TEXT`), and a first
 * line naming `schema/locale.schema.json` (`KB_SCHEMA_COMMENT`, a warning).
 *
 * @example
 * const problems = await lintLocales('locales', await loadRules())
 */
export async function lintLocales(localesDir: string, model: KnowledgeBaseModel): Promise<Problem[]> {
  const layout = await localeLayout(localesDir)
  const sourceFacts = new Map<string, { hash: string; placeholders: string[] }>()
  const units = layout.namespaces.map((namespace) =>
    lintUnit(localesDir, model, layout, namespace, sourceFacts),
  )
  return finishLocales(localesDir, model, layout, units)
}

/**
 * The translation QA that `kb lint --rules DIR` runs after the rules checks.
 *
 * @example
 * const problems = await lintLocalesFor({rules: 'test/fixtures/fictional/rules'})
 */
export async function lintLocalesFor(options: {
  rules: string
  model?: KnowledgeBaseModel
}): Promise<Problem[]> {
  let model: KnowledgeBaseModel
  try {
    // The caller's model when it has validated the rules already (`kb lint`): they are read once.
    model = options.model ?? (await loadRules(options.rules))
  } catch {
    return [] // The rules' own problems are already reported by lintRules.
  }
  return lintLocales(localesBeside(options.rules) ?? defaultLocalesDir, model)
}
