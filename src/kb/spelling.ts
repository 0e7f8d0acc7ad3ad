/** @module Spelling-insensitive comparison of fact values (`3.0sp1` = `3.0 SP1` = `3.0-SP1`). */

/**
 * Lower-case and drop spaces, `-` and `_`.
 *
 * @example
 * normalizeSpelling('3.0-SP1') // '3.0sp1'
 */
export function normalizeSpelling(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, '')
}
