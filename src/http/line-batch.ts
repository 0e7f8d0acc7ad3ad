/**
 * @module Lines written in batches: one write per batch instead of one per line (a synchronous write to a
 * file or pipe costs about as much as answering a replayed request), nothing lost when the process exits.
 */

/** When a batch is written. */
export interface LineBatchOptions {
  /** Write once this many characters are waiting (64 Ki by default). */
  maxChars?: number
  /** Write lines this many milliseconds after the first of them came, at the latest (10 by default). */
  delayMs?: number
}

/** Batches holding lines, written when the process exits (`process.exit`, the end of the event loop). */
const waiting = new Set<LineBatch>()
let exitHooked = false

function flushAtExit(): void {
  for (const batch of [...waiting]) batch.flush()
}

/**
 * Collects lines and hands them to `write` together, in the order added: when `maxChars` are waiting,
 * `delayMs` after the first waiting line, on `flush()`, and when the process exits. A `write` that throws
 * (a log file on a full disk) costs the lines of that batch, never the caller; errors a stream reports
 * later (EPIPE) are its listeners' to handle. A process killed by a signal it does not handle loses the
 * lines of the last `delayMs`.
 *
 * @example
 * const lines = new LineBatch((text) => process.stderr.write(text))
 * lines.add('{"status":200}')
 * lines.flush() // one write: '{"status":200}\n'
 */
export class LineBatch {
  readonly #write: (text: string) => void
  readonly #maxChars: number
  readonly #delayMs: number
  #pending = ''
  #timer: NodeJS.Timeout | undefined

  constructor(write: (text: string) => void, options: LineBatchOptions = {}) {
    this.#write = write
    this.#maxChars = options.maxChars ?? 65_536
    this.#delayMs = options.delayMs ?? 10
  }

  /** Queue one line; a newline is added unless it ends with one. */
  add(line: string): void {
    this.#pending += line.endsWith('\n') ? line : `${line}\n`
    if (this.#pending.length >= this.#maxChars) {
      this.flush()
      return
    }
    if (this.#timer !== undefined) return
    // Unref'd: a waiting line never keeps the process alive; the exit hook writes it instead.
    this.#timer = setTimeout(() => this.flush(), this.#delayMs).unref()
    waiting.add(this)
    if (!exitHooked) {
      exitHooked = true
      process.on('exit', flushAtExit)
    }
  }

  /** Write every waiting line now. */
  flush(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    waiting.delete(this)
    if (this.#pending === '') return
    const text = this.#pending
    this.#pending = ''
    try {
      this.#write(text)
    } catch {
      // Nowhere left to say it: the log output failed, the server goes on.
    }
  }
}
