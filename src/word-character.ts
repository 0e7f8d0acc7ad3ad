/** @module What `\w` matches in a regular expression without the `u` flag, by character code. */

/**
 * Whether the UTF-16 code is one of `[A-Za-z0-9_]`.
 *
 * @example
 * isWordCharacter('é'.charCodeAt(0)) // false
 */
export function isWordCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  )
}
