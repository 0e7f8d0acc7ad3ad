/**
 * @module `kb check --batch`: NDJSON facts in, NDJSON results out in input order, on every core, with
 * bounded memory. The output format is documented in docs/performance.md ("Batch output").
 */
import { closeSync, openSync } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import type { Readable, Writable } from 'node:stream'
import { escapeControls } from '../cli/terminal-text.ts'
import type { Verdict } from '../kb/schema/verdicts.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { type BlockResult, BlockWriter, evaluateRange, verdictOrder } from './block.ts'
import { type BlockSource, fileBlocks, streamBlocks } from './block-tasks.ts'
import { type BatchEvaluationOptions, LineEvaluator } from './evaluate-line.ts'
import { type OutputSink, outputSink } from './output-sink.ts'
import { WorkerPool } from './worker-pool.ts'

/** Options of `runBatch`. */
interface BatchOptions extends BatchEvaluationOptions {
  /** The NDJSON file, or `-` for `stdin`. */
  input: string
  stdin: Readable
  stdout: Writable
  stderr: Writable & { isTTY?: boolean }
  /** The loaded knowledge base (used on the main thread and to name the articles). */
  kb: KnowledgeBase
  /** The rules folder the workers load. */
  rulesDir: string
  /** Worker threads; 1 evaluates on the main thread. Default: the number of cores. */
  jobs?: number
  /** Bytes per block (default 1 MiB). Inputs of at most two blocks are evaluated on the main thread. */
  blockBytes?: number
  /** Progress on stderr; default: when stderr is a terminal. */
  progress?: boolean
}

/** The totals printed at the end. */
interface BatchSummary {
  /** Input lines, blank ones included. */
  lines: number
  /** Non-blank lines: records evaluated or failed. */
  records: number
  failed: number
  /** Per article, the number of records with each verdict. */
  verdicts: Record<string, Record<Verdict, number>>
  seconds: number
  /** Worker threads used (0: the main thread alone). */
  workers: number
}

/** A block's result as written: text from the main thread, bytes from a worker. */
type Written = Omit<BlockResult, 'output'> & { output: string | Uint8Array }

/** Error sentences printed on stderr before the rest are only in the output. */
const maxErrorsShown = 100

/**
 * Run a batch: read records, write one result line per record in input order, print failed lines and a
 * summary on stderr, and return the totals. Large files are split into byte ranges that worker threads
 * read themselves; standard input is read here and handed to the workers in line-aligned pieces.
 *
 * @example
 * const summary = await runBatch({input: 'fleet.ndjson', stdin: process.stdin, stdout: process.stdout,
 *   stderr: process.stderr, kb, rulesDir: defaultRulesDir})
 * process.exitCode = summary.failed > 0 ? 1 : 0
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const began = performance.now()
  const blockBytes = options.blockBytes ?? 1024 * 1024
  const evaluator = new LineEvaluator(options.kb, options)
  // Only a regular file can be split by size: a pipe, FIFO, `/dev/stdin` or device reports size 0 (or a
  // meaningless one) and is read as a stream, like standard input.
  const file = options.input === '-' || !(await stat(options.input)).isFile() ? undefined : options.input
  const stream =
    file !== undefined
      ? undefined
      : options.input === '-'
        ? options.stdin
        : (await open(options.input, 'r')).createReadStream()
  const jobs = Math.max(1, options.jobs ?? availableParallelism())
  const report = new Report(
    options,
    evaluator.checkers.map((checker) => checker.article.id),
    began,
  )

  // Workers only pay off beyond a few blocks: look at the first three before starting any.
  const blocks = (stream !== undefined ? streamBlocks(stream, blockBytes) : fileBlocks(file!, blockBytes))[
    Symbol.asyncIterator
  ]()
  const head: BlockSource[] = []
  let ended = false
  while (!ended && head.length < 3) {
    const next = await blocks.next()
    if (next.done) ended = true
    else head.push(next.value)
  }
  const workers = jobs > 1 && !ended ? jobs : 0
  let execute: (block: BlockSource, id: number) => Promise<Written>
  let close = async () => {}
  if (workers > 0) {
    const pool = await WorkerPool.start(workers, {
      rulesDir: options.rulesDir,
      file,
      article: options.article,
      explain: options.explain,
    })
    close = () => pool.close()
    execute = (block, id) => pool.run({ id, ...block })
  } else {
    const fd = file === undefined ? undefined : openSync(file, 'r')
    close = async () => {
      if (fd !== undefined) closeSync(fd)
    }
    execute = async (block) => {
      const writer = new BlockWriter(evaluator)
      if ('tooLong' in block) writer.tooLong(block.firstLine)
      else if ('data' in block) await writer.bytes(block.data, block.firstLine)
      else await evaluateRange(fd!, block.start, block.end, block.firstLine, writer)
      return writer.finish()
    }
  }

  // Blocks in flight, oldest first: results are written in input order, and no more than this many
  // blocks wait in memory.
  const inFlight: Array<Promise<Written>> = []
  const limit = Math.max(2, 2 * workers)
  try {
    let id = 0
    const all = async function* () {
      yield* head
      if (!ended) yield* { [Symbol.asyncIterator]: () => blocks }
    }
    for await (const block of all()) {
      const running = execute(block, id++)
      running.catch(() => undefined)
      inFlight.push(running)
      while (inFlight.length >= limit) await report.write(await inFlight.shift()!)
    }
    while (inFlight.length > 0) await report.write(await inFlight.shift()!)
  } finally {
    if (stream !== options.stdin) stream?.destroy()
    await close()
  }
  return report.finish(workers)
}

/** Writes results in order, counts, shows progress and the summary. */
class Report {
  readonly #options: BatchOptions
  readonly #articles: string[]
  readonly #began: number
  readonly #progress: boolean
  readonly #output: OutputSink
  readonly #counts: number[]
  #lines = 0
  #records = 0
  #failed = 0
  #shown = 0
  #lastProgress = 0

  constructor(options: BatchOptions, articles: string[], began: number) {
    this.#options = options
    this.#articles = articles
    this.#began = began
    this.#progress = options.progress ?? options.stderr.isTTY === true
    this.#output = outputSink(options.stdout)
    this.#counts = new Array(articles.length * verdictOrder.length).fill(0)
  }

  async write(result: Written): Promise<void> {
    const { stderr } = this.#options
    if (result.output.length > 0) await this.#output.write(result.output)
    this.#lines += result.lines
    this.#records += result.records
    this.#failed += result.failed
    result.counts.forEach((count, index) => {
      this.#counts[index]! += count
    })
    for (const error of result.errors) {
      if (this.#shown++ < maxErrorsShown)
        stderr.write(`${this.#progress ? '\r\x1b[K' : ''}kb: ${escapeControls(error)}\n`)
    }
    const now = performance.now()
    if (this.#progress && now - this.#lastProgress > 200) {
      this.#lastProgress = now
      const rate = Math.round(this.#records / ((now - this.#began) / 1000))
      stderr.write(
        `\r\x1b[Kkb: ${this.#records.toLocaleString('en')} records (${rate.toLocaleString('en')}/s)`,
      )
    }
  }

  finish(workers: number): BatchSummary {
    const { stderr } = this.#options
    const seconds = (performance.now() - this.#began) / 1000
    const verdicts: BatchSummary['verdicts'] = {}
    this.#articles.forEach((article, index) => {
      verdicts[article] = Object.fromEntries(
        verdictOrder.map((verdict, at) => [verdict, this.#counts[index * verdictOrder.length + at]!]),
      ) as Record<Verdict, number>
    })
    if (this.#progress) stderr.write('\r\x1b[K')
    if (this.#failed > maxErrorsShown) {
      stderr.write(
        `kb: ${this.#failed - maxErrorsShown} more failed lines: see the records with "error" in the output\n`,
      )
    }
    const failed = this.#failed === 0 ? 'none failed' : `${this.#failed} failed`
    stderr.write(`kb: ${this.#records} records checked in ${seconds.toFixed(2)} s, ${failed}\n`)
    for (const [article, counts] of Object.entries(verdicts)) {
      const parts = verdictOrder.map((verdict) => `${verdict} ${counts[verdict]}`)
      stderr.write(`kb: ${article}: ${parts.join(', ')}\n`)
    }
    return { lines: this.#lines, records: this.#records, failed: this.#failed, verdicts, seconds, workers }
  }
}
