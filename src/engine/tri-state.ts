/** @module Three-valued logic (true, false, unknown) as OVAL defines it for AND, OR and NOT. */

/**
 * The condition is known not to hold.
 *
 * @example
 * triAll([TRUE, FALSE, UNKNOWN]) === FALSE // true
 */
export const FALSE = 0

/**
 * The condition is known to hold.
 *
 * @example
 * triAny([FALSE, TRUE]) === TRUE // true
 */
export const TRUE = 1

/**
 * A fact the condition needs is missing, so it may or may not hold.
 *
 * @example
 * triNot(UNKNOWN) === UNKNOWN // true
 */
export const UNKNOWN = 2

/** A three-valued outcome: `FALSE`, `TRUE` or `UNKNOWN` (numbers, so comparisons stay cheap). */
export type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN

/**
 * AND: any false is false, else any unknown is unknown, else true.
 *
 * @example
 * triAll([TRUE, UNKNOWN]) // UNKNOWN
 * triAll([UNKNOWN, FALSE]) // FALSE
 */
export function triAll(values: Iterable<Tri>): Tri {
  let result: Tri = TRUE
  for (const value of values) {
    if (value === FALSE) return FALSE
    if (value === UNKNOWN) result = UNKNOWN
  }
  return result
}

/**
 * OR: any true is true, else any unknown is unknown, else false.
 *
 * @example
 * triAny([FALSE, UNKNOWN]) // UNKNOWN
 * triAny([UNKNOWN, TRUE]) // TRUE
 */
export function triAny(values: Iterable<Tri>): Tri {
  let result: Tri = FALSE
  for (const value of values) {
    if (value === TRUE) return TRUE
    if (value === UNKNOWN) result = UNKNOWN
  }
  return result
}

/**
 * NOT swaps true and false and keeps unknown.
 *
 * @example
 * triNot(TRUE) // FALSE
 * triNot(UNKNOWN) // UNKNOWN
 */
export function triNot(value: Tri): Tri {
  return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE
}
