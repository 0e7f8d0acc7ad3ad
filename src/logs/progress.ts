/**
 * @module Progress of a long diagnosis on stderr, only for a person watching a terminal: the
 * library stays quiet unless asked, and pipes and CI logs never get carriage-return noise.
 */

/** Progress of one input. */
export interface ProgressEvent {
  name: string
  bytesRead: number
  /** `undefined` for streams of unknown size. */
  totalBytes: number | undefined
  done: boolean
}

/** Called after every slice read (64 KiB for files and buffers, each chunk for streams) and once with `done`; throttle in the callback. */
export type ProgressCallback = (event: ProgressEvent) => void

/** Inputs smaller than this finish too fast for progress to help. */
const PROGRESS_MIN_BYTES = 64 * 1024 * 1024

/**
 * A callback that draws `name  42% (420/1000 MB)` on `stream` when it is a TTY and the input is
 * at least {@link PROGRESS_MIN_BYTES}; otherwise a no-op.
 *
 * @example
 * await diagnoseLogs({ client: 'big.log' }, { signatures, progress: terminalProgress() })
 */
export function terminalProgress(
  stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr,
  minBytes = PROGRESS_MIN_BYTES,
): ProgressCallback {
  let lastDraw = 0
  return (event) => {
    if (!stream.isTTY) return
    const large = (event.totalBytes ?? event.bytesRead) >= minBytes
    if (!large) return
    const now = Date.now()
    if (!event.done && now - lastDraw < 250) return
    lastDraw = now
    const mb = (bytes: number) => Math.round(bytes / 1048576)
    const share = event.totalBytes
      ? ` ${Math.floor((100 * event.bytesRead) / event.totalBytes)}% (${mb(event.bytesRead)}/${mb(event.totalBytes)} MB)`
      : ` ${mb(event.bytesRead)} MB`
    stream.write(`\r${event.name}${share}${event.done ? '\n' : ''}`)
  }
}
