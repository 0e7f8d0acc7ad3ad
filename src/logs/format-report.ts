/**
 * @module Plain-text summary of a diagnosis for people: per file, the log kind's label, the level, the
 * matched log lines and fault IDs. Internal names (symptom, line and veto ids, evidence facts) stay in the
 * JSON report; the text says what they mean in the reader's language.
 */
import type { DiagnosisReport, FileReport } from './diagnose.ts'

/**
 * Translates a key of `locales/<lang>/common.yaml` (the `diagnose` section, the level words and the log-kind
 * labels `logKinds.<id>`) with its values, e.g. `(key, values) => i18n.t(key, { ns: 'common', ...values })`.
 * Values must be inserted as they are (no escaping, no nesting): they hold log text.
 */
export type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * A short, greppable text of the evidence in the language of `t`. Fault IDs and log text stay as data.
 *
 * @example
 * const i18n = await createI18n(await loadResources(), 'nl')
 * console.log(formatDiagnosisText(report, (key, values) => i18n.t(key, { ns: 'common', ...values })))
 * // Artikel 954960: bewijs uit de logboeken
 * // Windows Update-logboek van de client WindowsUpdate.log: bevestigd (fout-ID c0a7445f-…, ook in een ander logboek)
 */
export function formatDiagnosisText(report: DiagnosisReport, t: Translate): string {
  const lines = [t('diagnose.title', { article: report.article })]
  for (const kind of Object.values(report.logs)) {
    for (const file of kind.files) lines.push(...formatFile(file, t))
  }
  // Said only when the article correlates logs and all of them were given (its correlation fact is set).
  if (Object.values(report.facts).some((value) => typeof value === 'boolean')) {
    lines.push(
      report.correlated
        ? t('diagnose.correlated', { ids: report.sharedIds.join(', ') })
        : t('diagnose.notCorrelated'),
    )
  }
  return lines.join('\n')
}

function formatFile(file: FileReport, t: Translate): string[] {
  const values = {
    kind: t(`logKinds.${file.kind}`),
    name: file.name,
    level: t(`diagnose.level.${file.level}`),
    ids: file.faultIds.join(', '),
  }
  const heading =
    file.faultIds.length === 0 ? 'file' : file.correlatedIds.length > 0 ? 'fileSharedIds' : 'fileIds'
  const out = [t(`diagnose.${heading}`, values)]
  if (file.problem) out.push(`  ${file.problem}`)
  for (const block of file.blocks) {
    const level = t(`diagnose.level.${block.level}`)
    out.push(
      `  ${
        block.missing.length > 0
          ? t('diagnose.blockMissing', { level, count: block.missing.length })
          : t('diagnose.block', { level })
      }`,
    )
    for (const item of block.matched) out.push(`    ${formatLine(item, t)}`)
  }
  for (const miss of file.nearMisses)
    out.push(`  ${t('diagnose.nearMiss')}`, `    ${formatLine(miss.veto, t)}`)
  if (file.omittedBlocks > 0) out.push(`  ${t('diagnose.omittedBlocks', { count: file.omittedBlocks })}`)
  if (file.stats.truncatedRecords > 0) {
    out.push(`  ${t('diagnose.truncatedRecords', { count: file.stats.truncatedRecords })}`)
  }
  return out
}

function formatLine(item: { line: number; timestamp: string | null; text: string }, t: Translate): string {
  return item.timestamp
    ? t('diagnose.lineAt', {
        line: item.line,
        text: item.text,
        timestamp: item.timestamp.replace(/\s+/g, ' '),
      })
    : t('diagnose.line', { line: item.line, text: item.text })
}
