/** @module From the three-valued outcome of each decision rule to one verdict. */
import type { Verdict } from '../kb/schema/verdicts.ts'
import { TRUE, type Tri, UNKNOWN } from './tri-state.ts'

interface Decision {
  verdict: Verdict
  /** Index of the rule that decided, or -1. */
  winner: number
  /** Indexes of the rules that might still hold and would change the answer (for `unknown`). */
  open: number[]
  /** Indexes of later rules that hold too but say something else. */
  conflicts: number[]
}

/**
 * Rules are tried in order; the first that holds decides. The verdict is definite only when every
 * completion of the missing facts gives the same answer: each earlier rule that is unknown either
 * agrees with the winner or makes the result `unknown`.
 *
 * @example
 * decide([FALSE, UNKNOWN, TRUE], ['not_affected', 'affected', 'affected']) // {verdict: 'affected', winner: 2, …}
 */
export function decide(tris: readonly Tri[], verdicts: readonly string[]): Decision {
  const open: number[] = []
  let winner = -1
  for (let index = 0; index < tris.length; index++) {
    if (tris[index] === TRUE) {
      winner = index
      break
    }
    if (tris[index] === UNKNOWN) open.push(index)
  }
  const conflicts: number[] = []
  if (winner >= 0) {
    for (let index = winner + 1; index < tris.length; index++) {
      if (tris[index] === TRUE && verdicts[index] !== verdicts[winner]) conflicts.push(index)
    }
  }
  // Definite when every rule still open would give the winner's verdict too (or none is open).
  if (winner >= 0 && open.every((index) => verdicts[index] === verdicts[winner])) {
    return { verdict: verdicts[winner] as Verdict, winner, open: [], conflicts }
  }
  return { verdict: 'unknown', winner: -1, open, conflicts: [] }
}
