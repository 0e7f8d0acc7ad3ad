/** @module The named capture groups of a signature pattern, without the schema (and zod) around it. */

/**
 * Named capture groups a pattern declares, e.g. `faultId` for `(?<faultId>...)`.
 *
 * @example
 * captureNames('(?<faultId>0x[0-9A-F]{8}) (?<file>\\S+)') // ['faultId', 'file']
 */
export function captureNames(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<([A-Za-z][A-Za-z0-9]*)>/g)].map((match) => match[1]!)
}
