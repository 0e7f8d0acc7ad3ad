/** @module Triage of a log over every article: the articles whose symptom it shows, strongest evidence first. */
import type { DiagnoseResult } from '../knowledge-base.ts'
import type { EvidenceLevel as Level } from '../logs/diagnose.ts'

const weight: Record<Level, number> = { confirmed: 2, partial: 1, none: 0 }

/** One article's place in the triage. */
export interface DiagnosisRank {
  article: string
  /** The best level over the sides the logs covered (never `none`: those are not ranked). */
  level: Exclude<Level, 'none'>
  /** Levels of both sides added up, plus one when a fault id ties the client to the server. */
  strength: number
}

/**
 * The diagnoses ordered by the strength of their evidence (load order on ties), and the ranking of those
 * that show anything.
 *
 * @example
 * const {ordered, ranking} = rankDiagnoses(await kb.diagnose({client: log}))
 * ranking[0]?.article // the article whose symptom the log shows most clearly
 */
export function rankDiagnoses(diagnosed: readonly DiagnoseResult[]): {
  ordered: DiagnoseResult[]
  ranking: DiagnosisRank[]
} {
  const ranked = diagnosed.map((result, order) => {
    const levels = Object.values(result.diagnosis.logs).map((kind) => kind.level as Level)
    const strength =
      levels.reduce((sum, level) => sum + weight[level], 0) + (result.diagnosis.correlated ? 1 : 0)
    const level = levels.reduce<Level>((best, each) => (weight[each] > weight[best] ? each : best), 'none')
    return { result, order, rank: { article: result.article, level, strength } }
  })
  ranked.sort((a, b) => b.rank.strength - a.rank.strength || a.order - b.order)
  return {
    ordered: ranked.map((entry) => entry.result),
    ranking: ranked.flatMap(({ rank }) => (rank.level === 'none' ? [] : [{ ...rank, level: rank.level }])),
  }
}
