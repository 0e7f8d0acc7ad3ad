/**
 * @module Splits decoded log text into records with bounded memory. A record is a log entry
 * (timestamp or placeholder, then the message) plus its continuation lines. Text is pushed in
 * chunks of any size; line endings may be CRLF, LF or CR, even mixed; several records may share
 * one physical line; a single line may be megabytes long.
 */
import { isContinuation, LINE_START, MAX_START_LENGTH, MID_LINE_START } from './record-start.ts'

/** One log entry. */
export interface LogRecord {
  /** 1-based physical line where the record starts. */
  line: number
  /** Timestamp or placeholder exactly as written; `null` when the record has none. */
  timestamp: string | null
  /** First line and continuation lines joined by `\n`, cut at `maxRecordChars`. */
  text: string
  /** Characters past the cap: counted, not kept. */
  truncatedChars: number
}

/** Default cap on the kept text of one record: room for a long .NET stack trace. */
export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024

// A line longer than this without a line break is processed in slices.
const SLICE_CHARS = 256 * 1024

interface Start {
  index: number
  end: number
  timestamp: string
}

interface Builder {
  line: number
  lastLine: number
  timestamp: string | null
  text: string
  truncatedChars: number
}

/**
 * Incremental record splitter: `push` text chunks, collect the records that are complete, then
 * `end` for the last one.
 *
 * @example
 * const assembler = new RecordAssembler()
 * const records = [...assembler.push('2008-06-13\t19:59:56:617\t788\tee4\tPT\tWARNING: SOAP Fault: 0x000190\r\n'), ...assembler.end()]
 * records[0].timestamp // '2008-06-13\t19:59:56:617'
 */
export class RecordAssembler {
  /** Physical lines seen so far. */
  lines = 0
  /** Records emitted so far. */
  records = 0
  /** Records whose text was cut at the cap. */
  truncatedRecords = 0
  private readonly maxRecordChars: number
  private lineNumber = 1
  private pending = ''
  private pendingAtLineStart = true
  private skipUntil = 0
  private afterCarriageReturn = false
  private current: Builder | undefined
  private out: LogRecord[] = []

  constructor(options: { maxRecordChars?: number } = {}) {
    this.maxRecordChars = Math.max(256, options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS)
  }

  /** Feeds a chunk of text; returns the records completed by it. */
  push(text: string): LogRecord[] {
    let position = 0
    if (this.afterCarriageReturn && text.length > 0) {
      this.afterCarriageReturn = false
      // The `\n` of a CRLF split across chunks.
      if (text.charCodeAt(0) === 10) position = 1
    }
    let nextLineFeed = text.indexOf('\n', position)
    let nextReturn = text.indexOf('\r', position)
    while (nextLineFeed !== -1 || nextReturn !== -1) {
      const end =
        nextReturn !== -1 && (nextLineFeed === -1 || nextReturn < nextLineFeed) ? nextReturn : nextLineFeed
      this.endLine(this.pending + text.slice(position, end))
      position = end + 1
      if (text.charCodeAt(end) === 13) {
        if (position === text.length) this.afterCarriageReturn = true
        else if (text.charCodeAt(position) === 10) position++
      }
      if (nextLineFeed !== -1 && nextLineFeed < position) nextLineFeed = text.indexOf('\n', position)
      if (nextReturn !== -1 && nextReturn < position) nextReturn = text.indexOf('\r', position)
    }
    if (position < text.length) {
      this.pending += position === 0 ? text : text.slice(position)
      if (this.pending.length > SLICE_CHARS) this.sliceLongLine()
    }
    return this.drain()
  }

  /** Flushes the last line and record. */
  end(): LogRecord[] {
    if (this.pending.length > 0 || !this.pendingAtLineStart) this.endLine(this.pending)
    this.emit()
    return this.drain()
  }

  private drain(): LogRecord[] {
    const out = this.out
    this.out = []
    return out
  }

  private endLine(text: string): void {
    this.pending = ''
    this.processLine(text, text.length, true)
    this.lines++
    this.lineNumber++
    this.pendingAtLineStart = true
    this.skipUntil = 0
  }

  // Processes all but the tail of a long line, keeping enough to see a record start cut in two.
  private sliceLongLine(): void {
    const text = this.pending
    const limit = text.length - MAX_START_LENGTH
    const consumedTo = this.processLine(text, limit, false)
    this.pending = text.slice(limit)
    this.skipUntil = Math.max(0, consumedTo - limit)
    this.pendingAtLineStart = false
  }

  /** Handles `text[0, limit)`; returns where the last record start found ends, to skip it later. */
  private processLine(text: string, limit: number, complete: boolean): number {
    const starts = this.findStarts(text, limit)
    this.handleHead(text.slice(0, starts[0]?.index ?? limit))
    starts.forEach((start, index) => {
      this.emit()
      const end = starts[index + 1]?.index ?? (complete ? text.length : limit)
      this.open(start.timestamp, text.slice(start.index, end))
    })
    return starts.at(-1)?.end ?? 0
  }

  private findStarts(text: string, limit: number): Start[] {
    const starts: Start[] = []
    let from = this.skipUntil
    if (this.pendingAtLineStart) {
      const match = LINE_START.exec(text)
      if (match) {
        const timestamp = match[1]!
        starts.push({ index: match[0].length - timestamp.length, end: match[0].length, timestamp })
        from = match[0].length
      }
    }
    MID_LINE_START.lastIndex = from
    for (
      let match = MID_LINE_START.exec(text);
      match && match.index < limit;
      match = MID_LINE_START.exec(text)
    ) {
      starts.push({ index: match.index, end: match.index + match[0].length, timestamp: match[0] })
    }
    return starts
  }

  // Text before the first record start of a line (or of a slice).
  private handleHead(head: string): void {
    if (head.length === 0) return
    if (!this.pendingAtLineStart) {
      if (this.current) this.append(head, false)
      else this.open(null, head)
      return
    }
    // Indentation or a Markdown backtick before a timestamp, or a blank line.
    if (/^[\s\x60]*$/.test(head)) return
    if (this.current && isContinuation(head)) this.append(head, true)
    else {
      this.emit()
      this.open(null, head)
    }
  }

  private open(timestamp: string | null, text: string): void {
    const kept = text.length > this.maxRecordChars ? text.slice(0, this.maxRecordChars) : text
    this.current = {
      line: this.lineNumber,
      lastLine: this.lineNumber,
      timestamp,
      text: kept,
      truncatedChars: text.length - kept.length,
    }
  }

  private append(text: string, newLine: boolean): void {
    const current = this.current!
    // One `\n` per physical line advanced (blank lines included) keeps line numbers derivable.
    const separator = newLine ? '\n'.repeat(Math.min(this.lineNumber - current.lastLine, 1000) || 1) : ''
    current.lastLine = this.lineNumber
    const room = this.maxRecordChars - current.text.length
    const piece = separator + text
    if (room >= piece.length) current.text += piece
    else {
      if (room > 0) current.text += piece.slice(0, room)
      current.truncatedChars += piece.length - Math.max(room, 0)
    }
  }

  private emit(): void {
    const current = this.current
    if (!current) return
    this.current = undefined
    this.records++
    if (current.truncatedChars > 0) this.truncatedRecords++
    this.out.push({
      line: current.line,
      timestamp: current.timestamp,
      text: current.text,
      truncatedChars: current.truncatedChars,
    })
  }
}
