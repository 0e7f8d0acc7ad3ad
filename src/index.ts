/** @module kb-advisor: the public API. This file only re-exports. */
export type { ActionResult, CheckReport, CheckResult, Reason, ReasonFact } from './engine/check-result.ts'
export type { FactProblem, Facts, FactValue } from './engine/facts.ts'
export { validateFacts } from './engine/facts.ts'
export { FactsError } from './engine/facts-error.ts'
export { compareVersions } from './engine/version.ts'
export type { CsafOptions } from './export/csaf-document.ts'
export { CsafExportError } from './export/csaf-export-error.ts'
export { csafFileName } from './export/csaf-files.ts'
export type { CsafDocument } from './export/csaf-types.ts'
export { KnowledgeBaseError } from './kb/errors.ts'
export type { ArticleModel, KnowledgeBaseModel } from './kb/model.ts'
export { defaultRulesDir } from './kb/paths.ts'
export type { Problem, ProblemCode } from './kb/problem.ts'
export { formatProblem } from './kb/problem.ts'
export type {
  CheckOptions,
  DiagnoseCheckOptions,
  DiagnoseResult,
  KnowledgeBaseOptions,
} from './knowledge-base.ts'
export { KnowledgeBase, loadKnowledgeBase } from './knowledge-base.ts'
export { buildCsaf, lintLocales, lintRules, loadRules } from './lazy-api.ts'
export type { DiagnosisReport, FileReport, KindReport, LogsByKind } from './logs/diagnose.ts'
export { evidenceToFacts } from './logs/evidence-facts.ts'
export type { DiagnoseInputs } from './logs/log-inputs.ts'
export type { Format } from './render/formats.ts'
export { formats } from './render/formats.ts'
export type { Language } from './render/i18n.ts'
export { languages } from './render/i18n.ts'
export type { LocalizedCheckResult } from './render/localize-check.ts'
export { localizeCheckResult } from './render/localize-check.ts'
export type { DocumentKind, RenderOptions } from './render/renderer.ts'
export { documentKinds, documentTitle, Renderer, renderDocument } from './render/renderer.ts'
