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
  const left = a.split(/\D+/).filter(Boolean)
  const right = b.split(/\D+/).filter(Boolean)
  const length = Math.max(left.length, right.length)
  for (let index = 0; index < length; index++) {
    const x = (left[index] ?? '0').replace(/^0+(?=\d)/, '')
    const y = (right[index] ?? '0').replace(/^0+(?=\d)/, '')
    if (x.length !== y.length) return x.length < y.length ? -1 : 1
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
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
