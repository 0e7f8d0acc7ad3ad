/** @module Problems found in rules and locale files, as data. */

/** Every code a knowledge-base problem can carry; each is documented in docs/errors.md. */
export type ProblemCode =
  | 'KB_FILE_UNREADABLE'
  | 'KB_FILE_TOO_LARGE'
  | 'KB_FILE_ENCODING'
  | 'KB_YAML_SYNTAX'
  | 'KB_YAML_DUPLICATE_KEY'
  | 'KB_YAML_ALIAS_LIMIT'
  | 'KB_YAML_TOO_DEEP'
  | 'KB_SCHEMA_COMMENT'
  | 'KB_UNKNOWN_KIND'
  | 'KB_UNKNOWN_KEY'
  | 'KB_WRONG_TYPE'
  | 'KB_INVALID_VALUE'
  | 'KB_MISSING_KEY'
  | 'KB_DUPLICATE_ID'
  | 'KB_UNKNOWN_REFERENCE'
  | 'KB_LITERAL_VALUE'
  | 'KB_MISSING_FILE'
  | 'KB_UNDECIDED_VALUE'
  | 'KB_UNDECIDED_CASE'
  | `KB_LOCALE_${string}`
  | `KB_XLIFF_${string}`

/** One problem: what is wrong, where (`file:line:column`, and the field's path), and how bad. */
export interface Problem {
  code: ProblemCode
  severity: 'error' | 'warning'
  message: string
  /** The file: relative to the working directory when inside it, absolute otherwise. */
  file: string
  /** 1-based; 0 when the problem concerns the file as a whole. */
  line: number
  column: number
  /** The field, as keys and list indexes from the document's root. */
  path: Array<string | number>
}

/**
 * Format a problem the way compilers do: `file:line:column severity message (code)`.
 *
 * @example
 * formatProblem(problem) // 'rules/facts.yaml:4:11 error Expected … (KB_WRONG_TYPE)'
 */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message} (${problem.code})`
}

/**
 * Sort problems by file, then position, so output is stable.
 *
 * @example
 * for (const problem of sortProblems(problems)) console.log(formatProblem(problem))
 */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  )
}
