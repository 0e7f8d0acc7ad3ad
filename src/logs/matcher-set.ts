/**
 * @module The symptom matchers of every article reading one log: a record goes only to the matchers it can
 * concern, so that what a record costs does not grow with the number of articles. Those are the matchers
 * with a block open, and those one of whose lines' patterns matches the record; a pattern is tried only on
 * records holding one of its required literals (`requiredLiterals`), and once per record however many
 * articles share it. A matcher left out could not have changed: without an open block it ignores every
 * record that none of its lines' patterns match.
 */
import { requiredLiterals } from './literal-alternatives.ts'
import { LiteralSet } from './literal-set.ts'
import type { SymptomMatcher } from './matcher.ts'
import type { LogRecord } from './records.ts'

interface Entry {
  matcher: SymptomMatcher
  /** The last record handed to the matcher, so that a record matching several of its lines goes once. */
  seen: number
}

/** One distinct line pattern and the matchers that have a line with it. */
interface Pattern {
  regex: RegExp
  entries: Entry[]
  /** The last record it was tried on. */
  seen: number
}

/**
 * Many matchers behind one record sink (`RecordAssembler`'s `sink`).
 *
 * @example
 * const set = new MatcherSet(matchers)
 * new RecordAssembler({anchors: set.anchors, sink: set})
 */
export class MatcherSet {
  /** Every literal of every line, or undefined when a line has none (then every record counts). */
  readonly anchors: string[] | undefined
  private readonly always: Entry[] = []
  private readonly byLiteral = new Map<string, Pattern[]>()
  private readonly literals: LiteralSet | undefined
  private readonly open = new Set<Entry>()
  private records = 0

  constructor(readonly matchers: readonly SymptomMatcher[]) {
    const patterns = new Map<string, Pattern>()
    // Articles share many lines: each pattern is analysed once.
    const literalsOf = new Map<string, string[] | undefined>()
    for (const matcher of matchers) {
      const entry: Entry = { matcher, seen: -1 }
      const sources = matcher.symptom.lines.map((line) => line.regex.source)
      for (const source of sources)
        if (!literalsOf.has(source)) literalsOf.set(source, requiredLiterals(source))
      // A line without literals can match any record: the matcher sees them all.
      if (sources.some((source) => literalsOf.get(source) === undefined)) {
        this.always.push(entry)
        continue
      }
      for (const source of sources) {
        let pattern = patterns.get(source)
        if (pattern === undefined) {
          pattern = { regex: new RegExp(source), entries: [], seen: -1 }
          patterns.set(source, pattern)
          for (const literal of literalsOf.get(source)!) {
            const list = this.byLiteral.get(literal) ?? []
            list.push(pattern)
            this.byLiteral.set(literal, list)
          }
        }
        if (!pattern.entries.includes(entry)) pattern.entries.push(entry)
      }
    }
    this.anchors = this.always.length === 0 ? [...this.byLiteral.keys()] : undefined
    this.literals = this.byLiteral.size > 0 ? new LiteralSet([...this.byLiteral.keys()]) : undefined
  }

  /** Whether a block is open somewhere: then every record counts. */
  wantsEvery(): boolean {
    return this.open.size > 0
  }

  record(record: LogRecord): void {
    const stamp = this.records++
    // Matchers are independent of each other: only the order of records per matcher matters.
    for (const entry of this.always) this.push(entry, stamp, record)
    for (const entry of this.open) this.push(entry, stamp, record)
    for (const literal of this.literals?.present(record.text) ?? []) {
      for (const pattern of this.byLiteral.get(literal)!) {
        if (pattern.seen === stamp) continue
        pattern.seen = stamp
        if (pattern.regex.test(record.text))
          for (const entry of pattern.entries) this.push(entry, stamp, record)
      }
    }
  }

  private push(entry: Entry, stamp: number, record: LogRecord): void {
    if (entry.seen === stamp) return
    entry.seen = stamp
    entry.matcher.push(record)
    if (entry.matcher.isOpen) this.open.add(entry)
    else this.open.delete(entry)
  }
}
