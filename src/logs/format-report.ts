/** @module Plain-text summary of a diagnosis: per file, the level, the matched lines and fault IDs. */
import type { DiagnosisReport, FileReport } from './diagnose.ts'

/**
 * A short, greppable text of the evidence (English; the verdict below it is localized by the CLI).
 *
 * @example
 * console.log(formatDiagnosisText(report))
 * // KB 954960, log evidence
 * // client WindowsUpdate.log: confirmed (fault ID c0a7445f-…, also in the server log)
 */
export function formatDiagnosisText(report: DiagnosisReport): string {
  const lines = [`KB ${report.article}, log evidence`]
  for (const side of [report.client, report.server]) {
    for (const file of side?.files ?? []) lines.push(...formatFile(file))
  }
  if (report.client && report.server) {
    lines.push(
      report.correlated
        ? `Client and server share fault ID ${report.sharedIds.join(', ')}: the server exception answered that client request.`
        : 'Client and server share no fault ID.',
    )
  }
  lines.push(
    `Evidence facts: ${Object.entries(report.facts)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  )
  return lines.join('\n')
}

function formatFile(file: FileReport): string[] {
  const ids =
    file.faultIds.length > 0
      ? ` (fault ID ${file.faultIds.join(', ')}${file.correlatedIds.length > 0 ? ', also in the other log' : ''})`
      : ''
  const out = [`${file.side} ${file.name}: ${file.level}${ids}`]
  if (file.problem) out.push(`  ${file.problem}`)
  for (const block of file.blocks) {
    out.push(
      `  ${block.level} ${block.symptomId}${block.missing.length > 0 ? `, missing: ${block.missing.join(', ')}` : ''}`,
    )
    for (const item of block.matched)
      out.push(
        `    line ${item.line}${item.timestamp ? ` [${item.timestamp.replace(/\s+/g, ' ')}]` : ''} ${item.lineId}: ${item.text}`,
      )
  }
  for (const miss of file.nearMisses) {
    out.push(
      `  near miss ${miss.symptomId} at line ${miss.veto.line}, not this problem (${miss.veto.lineId}): ${miss.veto.text}`,
    )
  }
  if (file.omittedBlocks > 0) out.push(`  ${file.omittedBlocks} more block(s) not listed`)
  if (file.stats.truncatedRecords > 0) {
    out.push(`  ${file.stats.truncatedRecords} over-long record(s) were matched on their beginning only`)
  }
  return out
}
