/**
 * @module Questions the record splitter asks about one line of a larger text without cutting it
 * out: does a needle (a signature's literal, a timestamp placeholder) occur in it, might a record
 * start inside it. Each keeps the next occurrence found, so a chunk is searched once however many
 * lines it holds.
 */
import { LiteralSet } from './literal-set.ts'
import { TIMESTAMP_PLACEHOLDERS } from './record-start.ts'

const NONE = Number.POSITIVE_INFINITY

/**
 * Cached forward searches over one text (a decoded chunk). Ask about lines in order, then `reset`
 * for the next chunk. Needles hold no line break, so an occurrence never spans two lines.
 *
 * @example
 * const scan = new LineScanner(['SOAP Fault'])
 * scan.reset('a\nWARNING: SOAP Fault: 0x000190\n')
 * scan.needleIn(0, 1) // false
 * scan.needleIn(2, 30) // true
 */
export class LineScanner {
  private text = ''
  // One search for all anchors: one pass over the chunk instead of one per anchor. Placeholders
  // get their own searches: in the same alternation they made it three times slower.
  private readonly anchors: LiteralSet | undefined
  // NONE without anchors: never searched.
  private anchorAt = -1
  private readonly placeholders: string[]
  private readonly placeholderAt: number[]
  private timeAt = -1

  /** `anchors`: signature literals; none may contain `\r` or `\n`. Without any, `anchorIn` is always false. */
  constructor(anchors?: readonly string[]) {
    // A literal set, however few the literals: it beats one alternation of them (docs/performance.md).
    this.anchors = anchors?.length ? new LiteralSet(anchors) : undefined
    // Their first three characters: two searches ('Dat', '<Da') instead of four, then a comparison.
    this.placeholders = [...new Set(TIMESTAMP_PLACEHOLDERS.map((placeholder) => placeholder.slice(0, 3)))]
    this.placeholderAt = this.placeholders.map(() => -1)
    this.anchorAt = this.anchors ? -1 : NONE
  }

  reset(text: string): void {
    this.text = text
    this.anchorAt = this.anchors ? -1 : NONE
    this.placeholderAt.fill(-1)
    this.timeAt = -1
  }

  /** Whether an anchor starts in `[start, end)`. */
  anchorIn(start: number, end: number): boolean {
    if (this.anchors && this.anchorAt < start) {
      const at = this.anchors.next(this.text, start)
      this.anchorAt = at === -1 ? NONE : at
    }
    return this.anchorAt < end
  }

  /** Whether an anchor occurs in `text`, a line of its own (one the chunks cut). */
  anchorInLine(text: string): boolean {
    return this.anchors?.occursIn(text) ?? false
  }

  /** Whether an anchor or a placeholder starts in `[start, end)`. */
  needleIn(start: number, end: number): boolean {
    if (this.anchorIn(start, end)) return true
    const at = this.placeholderAt
    for (let index = 0; index < at.length; index++) {
      if (at[index]! < start) at[index] = this.nextPlaceholder(this.placeholders[index]!, start)
      if (at[index]! < end) return true
    }
    return false
  }

  // Where a whole placeholder beginning with `prefix` starts at or after `from` ('DataStore' is no 'Data Godzina').
  private nextPlaceholder(prefix: string, from: number): number {
    const text = this.text
    for (let at = text.indexOf(prefix, from); at !== -1; at = text.indexOf(prefix, at + 1)) {
      for (const placeholder of TIMESTAMP_PLACEHOLDERS) if (text.startsWith(placeholder, at)) return at
    }
    return NONE
  }

  /**
   * Whether `H:MM:SS` followed by a fraction begins in `[from, end)`: the shape of every record
   * start inside a line other than a placeholder. `false` is certain; `true` means look closer.
   */
  timeIn(from: number, end: number): boolean {
    if (this.timeAt <= from) this.timeAt = this.nextTime(from + 1)
    return this.timeAt < end
  }

  // The first `:` of such a time at or after `from`; the hour's digit before it is at `from` or later.
  private nextTime(from: number): number {
    const text = this.text
    // The last colon that leaves room for `M:SS.f` after it; reading past the end (NaN) would make V8
    // throw away the optimized code, several times in the first megabytes of a log.
    const last = text.length - 8
    for (let colon = text.indexOf(':', from); colon !== -1; colon = text.indexOf(':', colon + 1)) {
      if (colon > last) return NONE
      if (
        colon > 0 &&
        isDigit(text.charCodeAt(colon - 1)) &&
        isDigit(text.charCodeAt(colon + 1)) &&
        isDigit(text.charCodeAt(colon + 2)) &&
        text.charCodeAt(colon + 3) === 58 &&
        isDigit(text.charCodeAt(colon + 4)) &&
        isDigit(text.charCodeAt(colon + 5)) &&
        isFractionMark(text.charCodeAt(colon + 6)) &&
        isDigit(text.charCodeAt(colon + 7))
      )
        return colon
    }
    return NONE
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

// `:`, `.` or `,`
function isFractionMark(code: number): boolean {
  return code === 58 || code === 46 || code === 44
}
