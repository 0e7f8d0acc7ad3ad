/** @module Plain-text summary of a diagnosis: per file, the level, the matched lines and fault IDs. */
import type { DiagnosisReport, FileReport } from './diagnose.ts'

/**
 * Translates a key of the `diagnose` section of `locales/<lang>/common.yaml` with its values, e.g.
 * `(key, values) => i18n.t(key, { ns: 'common', ...values })`. Values must be inserted as they are
 * (no escaping, no nesting): they hold log text.
 */
export type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * A short, greppable text of the evidence in the language of `t`. Symptom ids, line ids, fault IDs,
 * log text and the evidence facts stay as data.
 *
 * @example
 * const i18n = await createI18n(await loadResources(), 'nl')
 * console.log(formatDiagnosisText(report, (key, values) => i18n.t(key, { ns: 'common', ...values })))
 * // KB 954960, bewijs uit de logboeken
 * // clientlogboek WindowsUpdate.log: bevestigd (fout-ID c0a7445f-…, ook in het andere logboek)
 */
export function formatDiagnosisText(report: DiagnosisReport, t: Translate): string {
  const lines = [t('diagnose.title', { article: report.article })]
  for (const side of [report.client, report.server]) {
    for (const file of side?.files ?? []) lines.push(...formatFile(file, t))
  }
  if (report.client && report.server) {
    lines.push(
      report.correlated
        ? t('diagnose.correlated', { ids: report.sharedIds.join(', ') })
        : t('diagnose.notCorrelated'),
    )
  }
  const facts = Object.entries(report.facts).map(([name, value]) => `${name}=${value}`)
  lines.push(t('diagnose.facts', { facts: facts.join(' ') }))
  return lines.join('\n')
}

function formatFile(file: FileReport, t: Translate): string[] {
  const values = {
    side: t(`diagnose.side.${file.side}`),
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
          ? t('diagnose.blockMissing', { level, symptom: block.symptomId, lines: block.missing.join(', ') })
          : t('diagnose.block', { level, symptom: block.symptomId })
      }`,
    )
    for (const item of block.matched) {
      const line = { line: item.line, lineId: item.lineId, text: item.text }
      out.push(
        `    ${
          item.timestamp
            ? t('diagnose.lineAt', { ...line, timestamp: item.timestamp.replace(/\s+/g, ' ') })
            : t('diagnose.line', line)
        }`,
      )
    }
  }
  for (const miss of file.nearMisses) {
    const veto = {
      symptom: miss.symptomId,
      line: miss.veto.line,
      lineId: miss.veto.lineId,
      text: miss.veto.text,
    }
    out.push(`  ${t('diagnose.nearMiss', veto)}`)
  }
  if (file.omittedBlocks > 0) out.push(`  ${t('diagnose.omittedBlocks', { count: file.omittedBlocks })}`)
  if (file.stats.truncatedRecords > 0) {
    out.push(`  ${t('diagnose.truncatedRecords', { count: file.stats.truncatedRecords })}`)
  }
  return out
}
