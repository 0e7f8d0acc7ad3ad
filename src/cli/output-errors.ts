/**
 * @module What `kb` does when its output fails: a reader that went away (EPIPE, `kb … | head -1`) ends the
 * command quietly; any other write error (a full disk, an I/O error) is one line on stderr. `kb serve`
 * keeps serving whatever happens to its log output.
 */
import type { Writable } from 'node:stream'
import { exitCodes } from './exit-codes.ts'
import { escapeControls } from './terminal-text.ts'

let serving = false

/**
 * Called by `kb serve`: from now on a closed or failing stdout/stderr only stops the log lines.
 *
 * @example
 * keepRunningWhenOutputFails()
 */
export function keepRunningWhenOutputFails(): void {
  serving = true
}

/**
 * The one line printed when standard output cannot be written.
 *
 * @example
 * outputFailure({code: 'ENOSPC', message: 'ENOSPC: no space left on device, write'})
 * // 'kb: Expected to write standard output, not an error: ENOSPC: no space left on device, write; …'
 */
export function outputFailure(error: { code?: string; message: string }): string {
  return `kb: Expected to write standard output, not an error: ${escapeControls(error.message)}; the output ends after its last complete line`
}

/**
 * Listen for errors on the process's output streams (without a listener Node prints a stack trace and
 * exits 1). EPIPE exits `exitCodes.outputClosed` silently; other errors on stdout print `outputFailure`
 * and exit `exitCodes.outputFailed`; errors on stderr are ignored (there is nowhere left to say them).
 *
 * @example
 * handleOutputErrors(process.stdout, process.stderr)
 */
export function handleOutputErrors(
  stdout: Writable,
  stderr: Writable,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  let done = false
  stderr.on('error', () => {})
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (serving || done) return
    done = true
    if (error.code === 'EPIPE') return exit(exitCodes.outputClosed)
    stderr.write(`${outputFailure(error)}\n`, () => exit(exitCodes.outputFailed))
  })
}
