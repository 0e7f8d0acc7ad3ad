/** @module Three-valued logic (true, false, unknown) as OVAL defines it for AND, OR and NOT. */

export const FALSE = 0
export const TRUE = 1
export const UNKNOWN = 2
export type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN

/** AND: any false is false, else any unknown is unknown, else true. */
export function triAll(values: Iterable<Tri>): Tri {
  let result: Tri = TRUE
  for (const value of values) {
    if (value === FALSE) return FALSE
    if (value === UNKNOWN) result = UNKNOWN
  }
  return result
}

/** OR: any true is true, else any unknown is unknown, else false. */
export function triAny(values: Iterable<Tri>): Tri {
  let result: Tri = FALSE
  for (const value of values) {
    if (value === TRUE) return TRUE
    if (value === UNKNOWN) result = UNKNOWN
  }
  return result
}

/** NOT swaps true and false and keeps unknown. */
export function triNot(value: Tri): Tri {
  return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE
}
