/** @module Evidence levels: how strongly a log shows a symptom, and how levels combine. */

/** How strongly a log shows the symptom. */
export type EvidenceLevel = 'confirmed' | 'partial' | 'none'

const RANK: Record<EvidenceLevel, number> = { none: 0, partial: 1, confirmed: 2 }

/**
 * The highest of several levels (`none` for an empty list).
 *
 * @example
 * maxLevel(['none', 'partial']) // 'partial'
 */
export function maxLevel(levels: Iterable<EvidenceLevel>): EvidenceLevel {
  let best: EvidenceLevel = 'none'
  for (const level of levels) if (RANK[level] > RANK[best]) best = level
  return best
}
