/**
 * @module Splits decoded log text into records with bounded memory. A record is a log entry
 * (timestamp or placeholder, then the message) plus its continuation lines. Text is pushed in
 * chunks of any size; line endings may be CRLF, LF or CR, even mixed; several records may share
 * one physical line; a single line may be megabytes long.
 */
import { LineScanner } from './line-scan.ts'
import {
  continuesAt,
  isBlankAt,
  isContinuation,
  isSpaceOrBacktick,
  LINE_START,
  LINE_START_AT,
  MAX_START_LENGTH,
  MID_LINE_START,
} from './record-start.ts'

/** One log entry. */
export interface LogRecord {
  /** 0-based position among the records of the input, counting records that were not built. */
  index: number
  /** 1-based physical line where the record starts. */
  line: number
  /** Timestamp or placeholder exactly as written; `null` when the record has none. */
  timestamp: string | null
  /** First line and continuation lines joined by `\n`, cut at `maxRecordChars`. */
  text: string
  /** Characters past the cap: counted, not kept. */
  truncatedChars: number
}

/**
 * Default cap on the kept text of one record: room for a long .NET stack trace.
 *
 * @example
 * new RecordAssembler({maxRecordChars: DEFAULT_MAX_RECORD_CHARS * 4})
 */
export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024

// A line longer than this without a line break is processed in slices.
const SLICE_CHARS = 256 * 1024

interface Start {
  index: number
  end: number
  timestamp: string
}

/**
 * Receives records as they complete. With `anchors`, a record none of them occurs in is only
 * counted unless `wantsEvery()` says otherwise: building two million records nobody reads is most
 * of the cost of a large log.
 */
interface RecordSink {
  /** Whether records without an anchor are wanted now (e.g. while a block is open). */
  wantsEvery(): boolean
  record(record: LogRecord): void
}

interface RecordAssemblerOptions {
  /** Cap on the kept text of a record (default 64 KiB). */
  maxRecordChars?: number
  /** Where records go; without one, `push` and `end` return them. */
  sink?: RecordSink
  /** Literals a record must contain to be built when the sink does not want every record. */
  anchors?: readonly string[]
}

// The record being assembled. Until it needs a string it is `source[start, end)`, with the
// timestamp at `source[timestampStart, timestampEnd)`: most records are never built.
interface Builder {
  line: number
  lastLine: number
  timestamp: string | null
  text: string
  truncatedChars: number
  /** The record may hold an anchor (true when unsure or without anchors): otherwise it may be left out. */
  hit: boolean
  source: string | undefined
  start: number
  end: number
  timestampStart: number
  timestampEnd: number
}

/**
 * Incremental record splitter: `push` text chunks, collect the records that are complete, then
 * `end` for the last one. Lines are read where they lie in the chunk; only a line that may hold a
 * second record, or that continues across chunks, is cut out and searched on its own.
 *
 * @example
 * const assembler = new RecordAssembler()
 * const records = [...assembler.push('2008-06-13\t19:59:56:617\t788\tee4\tPT\tWARNING: SOAP Fault: 0x000190\r\n'), ...assembler.end()]
 * records[0].timestamp // '2008-06-13\t19:59:56:617'
 */
export class RecordAssembler {
  /** Physical lines seen so far. */
  lines = 0
  /** Records emitted so far, built or not. */
  records = 0
  /** Records whose text was cut at the cap. */
  truncatedRecords = 0
  private readonly maxRecordChars: number
  private readonly sink: RecordSink | undefined
  private readonly anchors: readonly string[] | undefined
  private readonly scan: LineScanner
  private lineNumber = 1
  private pending = ''
  private pendingAtLineStart = true
  private skipUntil = 0
  private afterCarriageReturn = false
  private building = false
  // Whether the line being processed may hold an anchor (true when unsure or without anchors).
  private lineHit = true
  // One builder reused for every record: nothing is allocated for a record that is not built.
  private readonly current: Builder = {
    line: 0,
    lastLine: 0,
    timestamp: null,
    text: '',
    truncatedChars: 0,
    hit: true,
    source: undefined,
    start: 0,
    end: 0,
    timestampStart: -1,
    timestampEnd: -1,
  }
  private out: LogRecord[] = []

  constructor(options: RecordAssemblerOptions = {}) {
    this.maxRecordChars = Math.max(256, options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS)
    this.sink = options.sink
    // Leaving a record out needs a sink that says when every record is wanted.
    this.anchors = options.sink ? options.anchors : undefined
    this.scan = new LineScanner(this.anchors)
  }

  /** Feeds a chunk of text; returns the records completed by it (none when a sink receives them). */
  push(text: string): LogRecord[] {
    let position = 0
    if (this.afterCarriageReturn && text.length > 0) {
      this.afterCarriageReturn = false
      // The `\n` of a CRLF split across chunks.
      if (text.charCodeAt(0) === 10) position = 1
    }
    this.scan.reset(text)
    let nextLineFeed = text.indexOf('\n', position)
    let nextReturn = text.indexOf('\r', position)
    while (nextLineFeed !== -1 || nextReturn !== -1) {
      const end =
        nextReturn !== -1 && (nextLineFeed === -1 || nextReturn < nextLineFeed) ? nextReturn : nextLineFeed
      this.lineIn(text, position, end)
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

  // The line `text[start, end)`, completing what the last chunk left pending if anything.
  private lineIn(text: string, start: number, end: number): void {
    if (this.pending.length > 0 || !this.pendingAtLineStart)
      this.endLine(this.pending + text.slice(start, end))
    else this.endLineAt(text, start, end)
  }

  private endLine(text: string): void {
    this.pending = ''
    // The rest of a line processed in slices: an anchor may straddle a cut.
    this.lineHit = this.anchors === undefined || !this.pendingAtLineStart || this.scan.anchorInLine(text)
    this.processLine(text, text.length, true)
    this.lines++
    this.lineNumber++
    this.pendingAtLineStart = true
    this.skipUntil = 0
  }

  // A complete line at `source[start, end)`, read in place.
  private endLineAt(source: string, start: number, end: number): void {
    this.lines++
    let from = start
    let timestampStart = -1
    LINE_START_AT.lastIndex = start
    if (LINE_START_AT.test(source)) {
      from = LINE_START_AT.lastIndex
      timestampStart = start
      while (isSpaceOrBacktick(source.charCodeAt(timestampStart))) timestampStart++
    }
    if (this.scan.needleIn(start, end) || this.scan.timeIn(from, end)) {
      // A signature's literal, or maybe several records on this line: the exact way, on the line cut out.
      this.lineHit = this.anchors === undefined || this.scan.anchorIn(start, end)
      this.processLine(copyOf(source.slice(start, end)), end - start, true)
    } else if (timestampStart >= 0) {
      this.emit()
      this.openAt(source, timestampStart, end, from)
    } else if (!isBlankAt(source, start, end)) {
      if (this.building && continuesAt(source, start, end)) {
        this.lineHit = this.anchors === undefined
        this.append(source.slice(start, end), true)
      } else {
        this.emit()
        this.openAt(source, start, end, -1)
      }
    }
    this.lineNumber++
  }

  // Processes all but the tail of a long line, keeping enough to see a record start cut in two.
  private sliceLongLine(): void {
    const text = this.pending
    const limit = text.length - MAX_START_LENGTH
    this.lineHit = true
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
      if (this.building) this.append(head, false)
      else this.open(null, head)
      return
    }
    // Indentation or a Markdown backtick before a timestamp, or a blank line.
    if (/^[\s\x60]*$/.test(head)) return
    if (this.building && isContinuation(head)) this.append(head, true)
    else {
      this.emit()
      this.open(null, head)
    }
  }

  private open(timestamp: string | null, text: string): void {
    const kept = text.length > this.maxRecordChars ? text.slice(0, this.maxRecordChars) : text
    const current = this.current
    this.building = true
    current.line = this.lineNumber
    current.lastLine = this.lineNumber
    current.timestamp = timestamp
    current.text = kept
    current.truncatedChars = text.length - kept.length
    current.source = undefined
    current.hit = this.lineHit
  }

  // Opens a record that stays `source[start, end)` until it must be built; `timestampEnd` -1: none.
  // Its line holds no anchor (see `endLineAt`).
  private openAt(source: string, start: number, end: number, timestampEnd: number): void {
    const current = this.current
    this.building = true
    current.line = this.lineNumber
    current.lastLine = this.lineNumber
    current.timestamp = null
    current.text = ''
    current.truncatedChars = 0
    current.source = source
    current.start = start
    current.end = end
    current.timestampStart = timestampEnd < 0 ? -1 : start
    current.timestampEnd = timestampEnd
    current.hit = this.anchors === undefined
  }

  private build(): void {
    const current = this.current
    const source = current.source
    if (source === undefined) return
    const length = current.end - current.start
    const kept = Math.min(length, this.maxRecordChars)
    current.text = source.slice(current.start, current.start + kept)
    current.truncatedChars = length - kept
    current.timestamp =
      current.timestampStart < 0 ? null : source.slice(current.timestampStart, current.timestampEnd)
    current.source = undefined
  }

  private append(text: string, newLine: boolean): void {
    this.build()
    const current = this.current
    current.hit ||= this.lineHit
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
    if (!this.building) return
    this.building = false
    const current = this.current
    const index = this.records++
    const truncated =
      current.source === undefined
        ? current.truncatedChars > 0
        : current.end - current.start > this.maxRecordChars
    if (truncated) this.truncatedRecords++
    if (!current.hit && !this.sink?.wantsEvery()) {
      current.source = undefined
      return
    }
    this.build()
    const record: LogRecord = {
      index,
      line: current.line,
      timestamp: current.timestamp,
      text: current.text,
      truncatedChars: current.truncatedChars,
    }
    current.text = ''
    if (this.sink) this.sink.record(record)
    else this.out.push(record)
  }
}

/**
 * The text of a slice in a string of its own. V8 makes a slice of 13 characters or more a view of the string it
 * was cut from: a record cut from a chunk, kept while a signature's block is open, kept the whole 64 KiB chunk,
 * which then outlived two young-generation collections and went to the old one (27 MB of a 300 MB log, and
 * 110-120 MB of peak RSS instead of about 80). Concatenating makes a new string, which the slice is cut from.
 */
function copyOf(slice: string): string {
  return ` ${slice}`.slice(1)
}
