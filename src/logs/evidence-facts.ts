/**
 * @module Evidence facts: what the logs say, in the vocabulary of `rules/facts.yaml`
 * (`source: evidence`), for the same rules engine as inventory facts.
 */
import type { DiagnosisReport, EvidenceLevel } from './diagnose.ts'

/**
 * `clientSymptom` / `serverSymptom`: present when that side's logs were given (no log is no
 * evidence, not evidence of absence); `symptomIdsCorrelated`: present when both sides were given.
 */
export interface EvidenceFacts {
  clientSymptom?: EvidenceLevel
  serverSymptom?: EvidenceLevel
  symptomIdsCorrelated?: boolean
}

/**
 * The evidence facts of a diagnosis. Pure: depends only on the report's levels and correlation.
 *
 * @example
 * evidenceToFacts(report) // { clientSymptom: 'confirmed', serverSymptom: 'partial', symptomIdsCorrelated: true }
 */
export function evidenceToFacts(
  report: Pick<DiagnosisReport, 'client' | 'server' | 'correlated'>,
): EvidenceFacts & Record<string, string | boolean> {
  const facts: EvidenceFacts & Record<string, string | boolean> = {}
  if (report.client) facts.clientSymptom = report.client.level
  if (report.server) facts.serverSymptom = report.server.level
  if (report.client && report.server) facts.symptomIdsCorrelated = report.correlated
  return facts
}
