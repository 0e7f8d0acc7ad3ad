/** @module A block of a batch: the lines whose first byte lies in a byte range, evaluated in order. */
import { isUtf8 } from 'node:buffer'
import { readSync } from 'node:fs'
import type { Verdict } from '../kb/schema/verdicts.ts'
import { type LineEvaluator, maxLineBytes, notUtf8Line, tooLongLine } from './evaluate-line.ts'

/**
 * The verdicts counted per article, in this order.
 *
 * @example
 * counts[article * verdictOrder.length + verdictOrder.indexOf('unknown')] += 1
 */
export const verdictOrder: readonly Verdict[] = ['affected', 'not_affected', 'fixed', 'unknown']

/** Error sentences kept per block for stderr; every error is in the output anyway. */
const keptErrorsPerBlock = 20

/** What a block produced: its output text and counts, ready to send to the thread that writes them. */
export interface BlockResult {
  /** NDJSON result lines, each ending with a newline. */
  output: string
  /** Input lines consumed, blank ones included. */
  lines: number
  /** Records evaluated or failed (non-blank lines). */
  records: number
  failed: number
  /** `counts[article * 4 + verdictOrder.indexOf(verdict)]`. */
  counts: number[]
  /** The first `keptErrorsPerBlock` error sentences. */
  errors: string[]
}

const newline = 10
const readChunkBytes = 1024 * 1024

/**
 * Accumulates a block's results.
 *
 * @example
 * const writer = new BlockWriter(evaluator)
 * await writer.text('{"wsusVersion": "3.0"}\n', 1)
 * stdout.write(writer.finish().output)
 */
export class BlockWriter {
  readonly #evaluator: LineEvaluator
  readonly #parts: string[] = []
  readonly #verdictIndex = new Map(verdictOrder.map((verdict, index) => [verdict, index]))
  readonly result: BlockResult

  constructor(evaluator: LineEvaluator) {
    this.#evaluator = evaluator
    this.result = {
      output: '',
      lines: 0,
      records: 0,
      failed: 0,
      counts: new Array(evaluator.checkers.length * verdictOrder.length).fill(0),
      errors: [],
    }
  }

  /** Evaluate complete lines (the last one may lack its newline); `firstLine` is the first one's number. */
  async text(text: string, firstLine: number): Promise<void> {
    let from = firstLine === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0
    let line = firstLine
    while (from < text.length) {
      let to = text.indexOf('\n', from)
      if (to === -1) to = text.length
      const content = text.slice(from, to)
      // The readers bound memory; this makes the limit exact whichever reader saw the line.
      if (content.length > maxLineBytes / 3 && Buffer.byteLength(content) > maxLineBytes) {
        this.#add(tooLongLine(line))
      } else if (content.length > 0 && (content.charCodeAt(0) > 32 || content.trim() !== '')) {
        let outcome = this.#evaluator.evaluate(content, line)
        if (outcome instanceof Promise) outcome = await outcome
        this.#add(outcome)
      }
      line++
      from = to + 1
    }
    this.result.lines += line - firstLine
  }

  /**
   * Evaluate complete lines given as bytes. When they are not all UTF-8, each line that is not fails
   * alone (`KB_E_BATCH_ENCODING`) and the others are evaluated as `text`.
   */
  async bytes(data: Uint8Array, firstLine: number): Promise<void> {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    if (isUtf8(buffer)) return this.text(buffer.toString('utf8'), firstLine)
    let line = firstLine
    for (let from = 0; from < buffer.length; line++) {
      let to = buffer.indexOf(newline, from)
      if (to === -1) to = buffer.length
      const content = buffer.subarray(from, to)
      if (content.length > 0 && isUtf8(content)) await this.text(content.toString('utf8'), line)
      else {
        if (content.length > 0) this.#add(notUtf8Line(line, ...firstInvalidByte(content)))
        this.result.lines++
      }
      from = to + 1
    }
  }

  /** Record a line that was too long to read. */
  tooLong(line: number): void {
    this.#add(tooLongLine(line))
    this.result.lines++
  }

  /** The finished result. */
  finish(): BlockResult {
    this.result.output = this.#parts.length === 0 ? '' : `${this.#parts.join('\n')}\n`
    return this.result
  }

  #add(outcome: ReturnType<typeof tooLongLine>): void {
    const result = this.result
    result.records++
    this.#parts.push(outcome.json)
    if (outcome.verdicts) {
      for (let article = 0; article < outcome.verdicts.length; article++) {
        result.counts[article * verdictOrder.length + this.#verdictIndex.get(outcome.verdicts[article]!)!]!++
      }
    } else {
      result.failed++
      if (result.errors.length < keptErrorsPerBlock) result.errors.push(outcome.error!)
    }
  }
}

/** The first byte that is not part of valid UTF-8 in `bytes`, and its 1-based offset. */
function firstInvalidByte(bytes: Buffer): [byte: number, offset: number] {
  const text = bytes.toString('utf8')
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at))
    // A real U+FFFD in the input is valid UTF-8 (EF BF BD).
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd)
      return [bytes[offset]!, offset + 1]
  }
  return [bytes[0]!, 1]
}

/**
 * Evaluate the lines of an open file whose first byte lies in `[start, end)`: a line that began before
 * `start` belongs to the previous block, and the last line may run past `end`. `firstLine` is the number
 * of the first line that starts at or after `start` (see `firstLineOf`). Reads through a fixed buffer, so memory stays bounded whatever the
 * line lengths.
 *
 * @example
 * const writer = new BlockWriter(evaluator)
 * await evaluateRange(fd, 0, 4 << 20, 1, writer)
 * writer.finish().output
 */
export async function evaluateRange(
  fd: number,
  start: number,
  end: number,
  firstLine: number,
  writer: BlockWriter,
): Promise<void> {
  const buffer = Buffer.allocUnsafe(maxLineBytes + readChunkBytes)
  let lineStart = start
  let line = firstLine
  if (start > 0) lineStart = skipLine(fd, buffer, start - 1)
  let carry = 0
  while (lineStart < end) {
    const read = readSync(fd, buffer, carry, buffer.length - carry, lineStart + carry)
    const total = carry + read
    if (total === 0) return
    const last = buffer.lastIndexOf(newline, total - 1)
    if (last === -1) {
      if (read === 0) {
        await writer.bytes(buffer.subarray(0, total), line)
        return
      }
      if (total >= maxLineBytes) {
        writer.tooLong(line++)
        lineStart = skipLine(fd, buffer, lineStart + total)
        carry = 0
      } else carry = total
      continue
    }
    // The last line of the block is the one that contains the byte at `end - 1`.
    const ownedEnd =
      end - 1 - lineStart <= last ? buffer.indexOf(newline, Math.max(0, end - 1 - lineStart)) : -1
    const stop = ownedEnd === -1 ? last : ownedEnd
    const before = writer.result.lines
    await writer.bytes(buffer.subarray(0, stop + 1), line)
    line += writer.result.lines - before
    if (ownedEnd !== -1) return
    buffer.copy(buffer, 0, last + 1, total)
    carry = total - last - 1
    lineStart += last + 1
  }
}

// The offset just after the first newline at or after `from` (or the end of the file).
function skipLine(fd: number, buffer: Buffer, from: number): number {
  let position = from
  for (;;) {
    const read = readSync(fd, buffer, 0, readChunkBytes, position)
    if (read === 0) return position
    const at = buffer.indexOf(newline, 0)
    if (at !== -1 && at < read) return position + at + 1
    position += read
  }
}
