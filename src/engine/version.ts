/** @module Dotted versions compared part by part, as OVAL's `version` datatype does. */

/** A version as facts and rules write it: up to four dot-separated numbers. */
const versionPattern = /^\d{1,12}(\.\d{1,12}){0,3}$/

/**
 * Compare two dotted versions numerically part by part; missing parts count as 0 (1.2 = 1.2.0.0).
 * Parts are compared as digit strings, so no precision is lost on very long numbers.
 *
 * @example
 * compareVersions('3.1.6001.100', '3.1.6001.66') // 1
 * compareVersions('3.1.6001.7', '3.1.6001.66')   // -1
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  // Part by part in place, without splitting: rules compare versions at every evaluation.
  let left = 0
  let right = 0
  for (;;) {
    left = nextDigit(a, left)
    right = nextDigit(b, right)
    if (left === a.length && right === b.length) return 0
    // A part without its leading zeros (one digit at least); a missing part is 0.
    const leftEnd = partEnd(a, left)
    const rightEnd = partEnd(b, right)
    while (left < leftEnd - 1 && a.charCodeAt(left) === 48) left++
    while (right < rightEnd - 1 && b.charCodeAt(right) === 48) right++
    const leftLength = leftEnd > left ? leftEnd - left : 1
    const rightLength = rightEnd > right ? rightEnd - right : 1
    if (leftLength !== rightLength) return leftLength < rightLength ? -1 : 1
    for (let index = 0; index < leftLength; index++) {
      const x = left < leftEnd ? a.charCodeAt(left + index) : 48
      const y = right < rightEnd ? b.charCodeAt(right + index) : 48
      if (x !== y) return x < y ? -1 : 1
    }
    left = leftEnd
    right = rightEnd
  }
}

/** The first digit at or after `from`, or the end of `text`. */
function nextDigit(text: string, from: number): number {
  while (from < text.length && !isDigit(text.charCodeAt(from))) from++
  return from
}

/** Where the digits that start at `from` end. */
function partEnd(text: string, from: number): number {
  while (from < text.length && isDigit(text.charCodeAt(from))) from++
  return from
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * True for a string that `compareVersions` can read.
 *
 * @example
 * isVersion('3.1.6001.65') // true
 * isVersion('3.0 SP1') // false: a label, not a dotted version
 */
export function isVersion(value: unknown): value is string {
  return typeof value === 'string' && versionPattern.test(value)
}

/**
 * The version just below `version` in its last non-zero part (`3.1.6001.66` → `3.1.6001.65`), used to
 * probe both sides of a threshold.
 *
 * @example
 * previousVersion('3.1.6001.66') // '3.1.6001.65'
 */
export function previousVersion(version: string): string | undefined {
  const parts = version.split('.').map((part) => BigInt(part))
  for (let index = parts.length - 1; index >= 0; index--) {
    if (parts[index]! > 0n) {
      parts[index]! -= 1n
      return parts.join('.')
    }
  }
  return undefined
}

/**
 * The version just above `version` in its last part (`3.1.6001.66` → `3.1.6001.67`), so a probe also lands
 * above a threshold that `versionGreaterThan` or `versionLessThanInclusive` compares with.
 *
 * @example
 * nextVersion('3.1.6001.66') // '3.1.6001.67'
 */
export function nextVersion(version: string): string {
  const parts = version.split('.').map((part) => BigInt(part))
  parts[parts.length - 1]! += 1n
  return parts.join('.')
}
