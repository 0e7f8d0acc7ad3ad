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
