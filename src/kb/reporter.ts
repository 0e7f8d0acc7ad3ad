/** @module Positioned problems of the cross-check: a reporter and per-namespace duplicate-id detection. */
import type { Problem } from './problem.ts'
import type { ValidFile } from './read-files.ts'

/**
 * A position inside a validated file: the file and the path of the field.
 *
 * @example
 * const at: Located = {file, path: ['products', 0, 'id']}
 */
export type Located = { file: ValidFile; path: Array<string | number> }

/**
 * Collects problems at positions inside validated files.
 *
 * @example
 * const reporter = new Reporter()
 * reporter.error('KB_UNKNOWN_REFERENCE', 'Expected a product of the catalog, not `wsus-9`', {file, path: ['fix', 'products', 0]})
 * reporter.problems.length // 1
 */
export class Reporter {
  readonly problems: Problem[] = []
  /** Report an error at the field's value, or at its key when `key` is true. */
  error(code: Problem['code'], message: string, at: Located, key = false): void {
    this.problems.push({
      code,
      severity: 'error',
      message,
      file: at.file.file,
      ...at.file.source.locate(at.path, { key }),
      path: at.path,
    })
  }
  /** `file:line:column` of a position, for messages that point at another place. */
  where(at: Located): string {
    const { line, column } = at.file.source.locate(at.path)
    return `${at.file.file}:${line}:${column}`
  }
}

/**
 * Registers ids of one namespace and reports the second definition of any id, pointing at the first.
 *
 * @example
 * const productId = uniqueIds(reporter, 'product')
 * productId('wsus-3.0', {file, path: ['products', 0, 'id']})
 * productId('wsus-3.0', {file, path: ['products', 4, 'id']}) // KB_DUPLICATE_ID
 */
export function uniqueIds(reporter: Reporter, label: string): (id: string, at: Located) => void {
  const seen = new Map<string, Located>()
  return (id, at) => {
    const first = seen.get(id)
    if (first)
      reporter.error(
        'KB_DUPLICATE_ID',
        `Expected ${label} \`${id}\` to be defined once, not again (first at ${reporter.where(first)})`,
        at,
      )
    else seen.set(id, at)
  }
}
