/**
 * @module Public functions whose work needs the YAML loader, the zod schemas, the Markdown stack or CSAF:
 * each imports its module on first call, so `import('kb-advisor')` stays cheap for callers that only check
 * facts against a loaded knowledge base.
 */
import type { CsafOptions } from './export/csaf-document.ts'
import type { CsafDocument } from './export/csaf-types.ts'
import type { KnowledgeBaseModel } from './kb/model.ts'
import type { Problem } from './kb/problem.ts'
import type { KnowledgeBase } from './knowledge-base.ts'

/**
 * Validate a rules folder and return every problem (errors and warnings), sorted by position. Never throws
 * for content problems; `model` is set when there is no error.
 *
 * @example
 * const {problems} = await lintRules('rules')
 * for (const p of problems) console.log(formatProblem(p))
 */
export async function lintRules(dir?: string): Promise<{ problems: Problem[]; model?: KnowledgeBaseModel }> {
  return (await import('./kb/load.ts')).lintRules(dir)
}

/**
 * Load and validate a rules folder (default: the built-in rules). Throws `KnowledgeBaseError` listing every
 * problem when any file has an error.
 *
 * @example
 * const model = await loadRules()
 */
export async function loadRules(dir?: string): Promise<KnowledgeBaseModel> {
  return (await import('./kb/load.ts')).loadRules(dir)
}

/**
 * Check a locales folder against the rules: every key in every language, the same placeholders, Markdown
 * that parses as written, and translations whose English has not changed since they were made.
 *
 * @example
 * const problems = await lintLocales('locales', await loadRules())
 */
export async function lintLocales(localesDir: string, model: KnowledgeBaseModel): Promise<Problem[]> {
  return (await import('./render/locale-lint.ts')).lintLocales(localesDir, model)
}

/**
 * The CSAF 2.0 VEX document of an article in one language. Throws `CsafExportError` when the rules leave a
 * product undecided or a string is missing.
 *
 * @example
 * const doc = await buildCsaf(await loadKnowledgeBase(), {article: '954960', lang: 'nl'})
 * doc.document.tracking.id // 'KBA-954960-nl'
 */
export async function buildCsaf(kb: KnowledgeBase, options: CsafOptions): Promise<CsafDocument> {
  return (await import('./export/csaf-document.ts')).buildCsaf(kb, options)
}
