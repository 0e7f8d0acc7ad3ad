/** @module Exit statuses of `kb`, documented in docs/errors.md and `kb --help`. */

/**
 * Exit statuses of every `kb` command.
 *
 * @example
 * context.exitCode = problems.length > 0 ? exitCodes.problems : exitCodes.ok
 */
export const exitCodes = {
  ok: 0,
  /** `kb lint` found problems; `kb check --batch` had a bad line. */
  problems: 1,
  /** Bad input: options, files, JSON, facts, or an invalid knowledge base. */
  usage: 2,
  /** A bug: an error nobody expected (please report it). */
  internal: 70,
  /** Standard output could not be written (a full disk, an I/O error); one line on stderr says why. */
  outputFailed: 74,
  /** The reader of standard output went away (EPIPE, `kb … | head -1`): 128 + SIGPIPE, as a shell reports. */
  outputClosed: 141,
} as const

/**
 * With `--exit-code`, `kb check` and `kb diagnose` exit with the verdict instead.
 *
 * @example
 * process.exitCode = verdictExitCodes[result.verdict] // 10 when affected
 */
export const verdictExitCodes = {
  not_affected: 0,
  fixed: 0,
  affected: 10,
  unknown: 11,
} as const

// Most severe first: one affected article outranks another whose answer is unknown.
const severity = ['affected', 'unknown', 'not_affected', 'fixed'] as const

/**
 * The exit status of `--exit-code` for several articles: that of the most severe verdict, `affected` (10)
 * over `unknown` (11) over `not_affected` and `fixed` (0); 0 for no result.
 *
 * @example
 * worstVerdictExitCode(['unknown', 'affected']) // 10
 */
export function worstVerdictExitCode(verdicts: Iterable<keyof typeof verdictExitCodes>): number {
  let worst: number = severity.length
  for (const verdict of verdicts) worst = Math.min(worst, severity.indexOf(verdict))
  return worst === severity.length ? exitCodes.ok : verdictExitCodes[severity[worst]!]
}
