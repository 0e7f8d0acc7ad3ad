/**
 * @module Strings that i18next would hand back unchanged, found without its `t`: with a thousand articles a
 * check answer makes hundreds of thousands of look-ups, and most strings have nothing to interpolate. The
 * look-up follows i18next's order (each namespace in turn, in the language and then its fallbacks); anything
 * this module is not sure of is left to i18next.
 */
import type { i18n } from 'i18next'

// A key with a namespace separator may name its namespace itself: i18next decides.
const nsSeparator = ':'

/**
 * The string i18next's `t(key, {ns})` gives, when it is found as is: a non-empty string without
 * interpolation (`{{`) or nesting (`$t(`). Undefined means "ask i18next": not found, empty (a default value
 * would apply), not a string, or not plain.
 *
 * @example
 * plainString(i18n, 'verdict.affected', 'common') // 'Getroffen'
 * plainString(i18n, 'check.unknownFact', 'common') // undefined: "{{fact}} is unknown" needs i18next
 */
export function plainString(i18n: i18n, key: string, ns: string | readonly string[]): string | undefined {
  const found = firstFound(i18n, key, ns)
  if (typeof found !== 'string' || found === '' || found.includes('{{') || found.includes('$t('))
    return undefined
  return found
}

/**
 * `i18n.exists(key, {ns})` for a key without a namespace separator, without going through i18next's
 * translator; undefined for a key that has one.
 *
 * @example
 * keyExists(i18n, 'facts.serverArchitecture.is.x64', ['common', 'contoso-1001']) // true
 */
export function keyExists(i18n: i18n, key: string, ns: string | readonly string[]): boolean | undefined {
  if (key.includes(nsSeparator)) return undefined
  return firstFound(i18n, key, ns) !== undefined
}

// i18next skips `undefined` and (with `returnNull: false`, as createI18n sets) `null`.
function firstFound(i18n: i18n, key: string, ns: string | readonly string[]): unknown {
  if (key.includes(nsSeparator)) return undefined
  const codes = i18n.languages
  for (const namespace of typeof ns === 'string' ? [ns] : ns) {
    for (const code of codes) {
      const value: unknown = i18n.getResource(code, namespace, key)
      if (value !== undefined && value !== null) return value
    }
  }
  return undefined
}
