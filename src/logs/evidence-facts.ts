/**
 * @module Evidence facts: what the logs say, under the names an article's signatures declare (`fact:` on a
 * symptom, `correlation.fact`), for the same rules engine as inventory facts. The names belong to that
 * article, so evidence found by its signatures counts for it alone.
 */
import type { SignaturesFile } from '../kb/schema/signatures.ts'
import type { DiagnosisReport } from './diagnose.ts'
import { type EvidenceLevel, maxLevel } from './evidence-level.ts'

/** An article's evidence facts by name: a symptom's level, or whether its correlated symptoms share a fault ID. */
export type EvidenceFacts = Record<string, EvidenceLevel | boolean>

/**
 * The evidence facts of a diagnosis. A symptom's fact is present when a log of its kind was given (no log is
 * no evidence, not evidence of absence), and is the highest level of that symptom's blocks; symptoms sharing
 * a fact take the highest of them. The correlation fact is present when logs of every correlated symptom's
 * kind were given. Pure: depends only on the signatures and the report's blocks and shared IDs.
 *
 * @example
 * evidenceToFacts(signatures, report) // { clientSymptom: 'confirmed', serverSymptom: 'partial', symptomIdsCorrelated: true }
 */
export function evidenceToFacts(
  signatures: SignaturesFile,
  report: Pick<DiagnosisReport, 'logs' | 'correlated'>,
): EvidenceFacts {
  const facts: EvidenceFacts = {}
  for (const symptom of signatures.symptoms) {
    const given = report.logs[symptom.log]
    if (!given) continue
    const blocks = given.files
      .flatMap((file) => file.blocks)
      .filter((block) => block.symptomId === symptom.id)
    const earlier = (facts[symptom.fact] as EvidenceLevel | undefined) ?? 'none'
    facts[symptom.fact] = maxLevel([earlier, ...blocks.map((block) => block.level)])
  }
  const correlation = signatures.correlation
  if (correlation) {
    const kinds = correlation.symptoms.map(
      (id) => signatures.symptoms.find((symptom) => symptom.id === id)?.log,
    )
    if (kinds.every((kind) => kind !== undefined && report.logs[kind]))
      facts[correlation.fact] = report.correlated
  }
  return facts
}
