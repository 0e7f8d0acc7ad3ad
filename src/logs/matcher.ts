/**
 * @module Finds a symptom's block of lines in a stream of records: the lines in the declared
 * order, all within `window` records. Keeps one open block at a time, so memory stays bounded.
 */
import type { CompiledLine, CompiledSymptom } from './compile-signatures.ts'
import type { LogRecord } from './records.ts'

/** One signature line (or veto) found in a log. */
interface LineEvidence {
  /** Id of the signature line or veto in the signatures file. */
  lineId: string
  /** 1-based physical line of the match. */
  line: number
  /** Timestamp of the record as written in the file; `null` when it has none. */
  timestamp: string | null
  /** The physical line that matched, cut at 500 characters. */
  text: string
  /** Named groups of the pattern, e.g. `faultId`. */
  captures: Record<string, string>
}

/** A block of a symptom found in one file. */
export interface BlockFinding {
  symptomId: string
  /** `confirmed`: every required line, in order, within the window; `partial`: a distinctive line but not all. */
  level: 'confirmed' | 'partial'
  matched: LineEvidence[]
  /** Required lines that were not found in the block. */
  missing: string[]
  /** The `faultId` captures of the block, lower-case. */
  faultIds: string[]
}

/** A block rejected by a veto: it shares lines with the symptom but shows another problem. */
export interface NearMiss {
  symptomId: string
  veto: LineEvidence
  matched: LineEvidence[]
}

const EVIDENCE_CHARS = 500

interface OpenBlock {
  firstRecord: number
  next: number
  matched: LineEvidence[]
  veto: LineEvidence | undefined
  /** A required line before `next` was not found. */
  missingRequired: boolean
  /** A distinctive line was found. */
  distinctive: boolean
}

/**
 * Matches one symptom against the records of one file, in order (`record.index` increasing).
 *
 * @example
 * const matcher = new SymptomMatcher(compiledSymptom)
 * for (const record of records) matcher.push(record)
 * matcher.end()
 * matcher.blocks[0]?.level // 'confirmed'
 */
export class SymptomMatcher {
  readonly blocks: BlockFinding[] = []
  readonly nearMisses: NearMiss[] = []
  /** Blocks and near misses found past `maxBlocks`: counted, not kept. */
  omitted = 0
  private open: OpenBlock | undefined
  private readonly maxBlocks: number
  // All lines in one pattern: most records match none, and one search beats one per line. Built when first
  // needed: a matcher behind a `MatcherSet` is handed the matches.
  #anyLine: RegExp | undefined
  /**
   * The sources of the lines that can start a block that may be reported. A block starting at a later line
   * misses a required line and can find no distinctive one: it is never opened, and a record that matches
   * only such lines changes nothing while no block is open.
   */
  readonly startSources: ReadonlySet<string>
  // The patterns' sources: the keys of the matches a `MatcherSet` found once for every matcher.
  private readonly lineSources: string[]
  private readonly vetoSources: string[]
  // Required lines before each line index; the last distinctive line (-1: none).
  private readonly requiredBefore: number[]
  private readonly lastDistinctive: number

  constructor(
    readonly symptom: CompiledSymptom,
    options: { maxBlocks?: number } = {},
  ) {
    this.maxBlocks = options.maxBlocks ?? 100
    this.lineSources = symptom.lines.map((line) => line.regex.source)
    this.vetoSources = symptom.vetoes.map((veto) => veto.regex.source)
    this.requiredBefore = [0]
    for (const line of symptom.lines)
      this.requiredBefore.push(this.requiredBefore.at(-1)! + (line.required ? 1 : 0))
    this.lastDistinctive = symptom.lines.findLastIndex((line) => line.distinctive)
    this.startSources = new Set(
      this.lineSources.filter((_, index) => !this.#doomed(this.#started(index, -1))),
    )
  }

  // The block that line `index` starts (at record `record`).
  #started(index: number, record: number): OpenBlock {
    return {
      firstRecord: record,
      next: index + 1,
      matched: [],
      veto: undefined,
      missingRequired: this.requiredBefore[index]! > 0,
      distinctive: this.symptom.lines[index]!.distinctive,
    }
  }

  #matchesAnyLine(text: string): boolean {
    this.#anyLine ??= new RegExp(
      this.symptom.lines
        .map((line) => `(?:${line.regex.source.replace(/\(\?<[A-Za-z][A-Za-z0-9]*>/g, '(?:')})`)
        .join('|'),
    )
    return this.#anyLine.test(text)
  }

  // A block that can never be reported: a required line is missing and no distinctive line was found or can
  // still come (lines come in order). Dropping it changes nothing: every block a later line would start
  // instead misses the same required line and can find no distinctive line either.
  #doomed(block: OpenBlock): boolean {
    return block.missingRequired && !block.distinctive && this.lastDistinctive < block.next
  }

  /**
   * Whether a block is open. A record that matches none of the symptom's lines and vetoes changes nothing,
   * open or not, and may be left out: the window is counted by `index`, and a block past it is closed by the
   * next record pushed or by `end`, with the same findings.
   */
  get isOpen(): boolean {
    return this.open !== undefined
  }

  /**
   * Takes the next record. `matches`, when given, holds the match of every pattern of this symptom that
   * matches the record, by pattern source (found once for all matchers sharing a pattern); a pattern
   * absent from it does not match.
   */
  push(record: LogRecord, matches?: ReadonlyMap<string, RegExpExecArray>): void {
    const index = record.index
    const { lines, window } = this.symptom
    if (this.open && index - this.open.firstRecord > window) this.close()
    if (
      !this.open &&
      !(matches ? this.lineSources.some((source) => matches.has(source)) : this.#matchesAnyLine(record.text))
    )
      return
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      const line = lines[lineIndex]!
      const match = matches
        ? (matches.get(this.lineSources[lineIndex]!) ?? null)
        : line.regex.exec(record.text)
      if (!match) continue
      // A line earlier than expected starts a new block (e.g. the next synchronization). Only the first
      // line a record matches can be: the lines are tried in block order.
      if (this.open && lineIndex < this.open.next) this.close()
      if (this.open) {
        // Lines skipped in between: a required one is missing for good.
        if (this.requiredBefore[lineIndex]! > this.requiredBefore[this.open.next]!)
          this.open.missingRequired = true
        if (line.distinctive) this.open.distinctive = true
      } else {
        const block = this.#started(lineIndex, index)
        // So would be the block of any later line of the record.
        if (this.#doomed(block)) return
        this.open = block
      }
      this.open.matched.push(evidence(line, record, match))
      this.open.next = lineIndex + 1
      if (this.#doomed(this.open)) {
        this.open = undefined
        return
      }
    }
    if (this.open && !this.open.veto) {
      const vetoes = this.symptom.vetoes
      for (let vetoIndex = 0; vetoIndex < vetoes.length; vetoIndex++) {
        const veto = vetoes[vetoIndex]!
        const match = matches
          ? (matches.get(this.vetoSources[vetoIndex]!) ?? null)
          : veto.regex.exec(record.text)
        if (match) {
          this.open.veto = evidence(veto, record, match)
          break
        }
      }
    }
    if (this.open && this.open.next >= lines.length) this.close()
  }

  /** Closes the block still open at the end of the file. */
  end(): void {
    this.close()
  }

  private close(): void {
    const block = this.open
    this.open = undefined
    if (!block) return
    const found = new Set(block.matched.map((item) => item.lineId))
    const lines = this.symptom.lines
    const distinctive = lines.some((line) => line.distinctive && found.has(line.id))
    const missing = lines.filter((line) => line.required && !found.has(line.id)).map((line) => line.id)
    if (missing.length > 0 && !distinctive) return
    if (this.blocks.length + this.nearMisses.length >= this.maxBlocks) {
      this.omitted++
      return
    }
    if (block.veto) {
      this.nearMisses.push({ symptomId: this.symptom.id, veto: block.veto, matched: block.matched })
      return
    }
    const faultIds = [
      ...new Set(
        block.matched.flatMap((item) => (item.captures.faultId ? [item.captures.faultId.toLowerCase()] : [])),
      ),
    ]
    this.blocks.push({
      symptomId: this.symptom.id,
      level: missing.length === 0 ? 'confirmed' : 'partial',
      matched: block.matched,
      missing,
      faultIds,
    })
  }
}

function evidence(line: CompiledLine, record: LogRecord, match: RegExpExecArray): LineEvidence {
  const text = record.text
  // A match that begins with line breaks (a pattern starting with `\s`) is evidence of the line it reaches.
  let start = match.index
  while (text[start] === '\n' || text[start] === '\r') start++
  let lineNumber = record.line
  let lineStart = 0
  for (let at = text.indexOf('\n'); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) {
    lineNumber++
    lineStart = at + 1
  }
  const lineEnd = text.indexOf('\n', start)
  const physical = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).trim()
  const captures: Record<string, string> = {}
  for (const name of line.captures) {
    const value = match.groups?.[name]
    if (value !== undefined) captures[name] = value
  }
  return {
    lineId: line.id,
    line: lineNumber,
    timestamp: record.timestamp,
    text: physical.length > EVIDENCE_CHARS ? `${physical.slice(0, EVIDENCE_CHARS)}…` : physical,
    captures,
  }
}
