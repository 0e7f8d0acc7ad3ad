/**
 * @module The symptom matchers of every article reading one log: a record goes only to the matchers it can
 * concern, so that what a record costs does not grow with the number of articles. Those are the matchers one
 * of whose lines that can start a block (`SymptomMatcher.startSources`) matches the record, and the matchers
 * with a block open one of whose other lines or vetoes matches it. A pattern is tried only on records holding one of its required literals
 * (`requiredLiterals`), and once per record however many articles share it: its match goes to each of them.
 * A matcher left out could not have changed: a record that matches none of its lines and vetoes only counts
 * towards its window, which `record.index` keeps (see `SymptomMatcher.isOpen`).
 */
import { requiredLiterals } from './literal-alternatives.ts'
import { LiteralSet } from './literal-set.ts'
import type { SymptomMatcher } from './matcher.ts'
import type { LogRecord } from './records.ts'
import type { SignatureLiterals } from './signature-literals.ts'

interface Entry {
  matcher: SymptomMatcher
  /** The last record handed to the matcher, so that a record matching several of its patterns goes once. */
  seen: number
  /** A veto without literals: while a block is open, the matcher must see every record. */
  everyWhileOpen: boolean
}

/** One distinct pattern and the matchers that have a line or a veto with it. */
interface Pattern {
  source: string
  regex: RegExp
  /** Matchers with a line with it that can start a block. */
  lineOf: Entry[]
  /** Matchers with a veto, or a line that cannot start a block, with it: they take it only while a block is open. */
  whileOpen: Entry[]
  /** The last record it was tried on. */
  seen: number
}

/**
 * Many matchers behind one record sink (`RecordAssembler`'s `sink`).
 *
 * @example
 * const set = new MatcherSet(matchers)
 * new RecordAssembler({anchors: set.anchors, sink: set})
 * // with the analysis of the patterns filed by an earlier run:
 * new MatcherSet(matchers, signatureLiterals(articles))
 */
export class MatcherSet {
  /** Every literal of every line and veto, or undefined when a line has none (then every record counts). */
  readonly anchors: string[] | undefined
  private readonly always: Entry[] = []
  private readonly byLiteral = new Map<string, Pattern[]>()
  private readonly literals: LiteralSet | undefined
  // Matchers with a veto without literals and a block open.
  private readonly openEvery = new Set<Entry>()
  private records = 0
  // The matches of the record being dispatched, by pattern source.
  private readonly matches = new Map<string, RegExpExecArray>()
  private readonly matched: Pattern[] = []

  /** `known`: the required literals of patterns analysed before (`signatureLiterals`); the others are analysed now. */
  constructor(
    readonly matchers: readonly SymptomMatcher[],
    known: Readonly<SignatureLiterals> = {},
  ) {
    const patterns = new Map<string, Pattern>()
    // Articles share many lines: each pattern is analysed once.
    const literalsOf = new Map<string, string[] | undefined>()
    const literals = (source: string) => {
      if (!literalsOf.has(source))
        literalsOf.set(
          source,
          Object.hasOwn(known, source) ? (known[source] ?? undefined) : requiredLiterals(source),
        )
      return literalsOf.get(source)
    }
    // The matchers' own compiled patterns: a pattern without flags keeps no state between searches.
    const patternOf = (regex: RegExp) => {
      const source = regex.source
      let pattern = patterns.get(source)
      if (pattern === undefined) {
        pattern = { source, regex, lineOf: [], whileOpen: [], seen: -1 }
        patterns.set(source, pattern)
        for (const literal of literals(source)!) {
          const list = this.byLiteral.get(literal) ?? []
          list.push(pattern)
          this.byLiteral.set(literal, list)
        }
      }
      return pattern
    }
    for (const matcher of matchers) {
      const lines = matcher.symptom.lines.map((line) => line.regex)
      const vetoes = matcher.symptom.vetoes.map((veto) => veto.regex)
      const entry: Entry = {
        matcher,
        seen: -1,
        everyWhileOpen: vetoes.some((regex) => literals(regex.source) === undefined),
      }
      // A line without literals can match any record: the matcher sees them all.
      if (lines.some((regex) => literals(regex.source) === undefined)) {
        this.always.push(entry)
        continue
      }
      // A line that cannot start a block that may be reported, and a veto, count only while a block is open.
      for (const regex of lines) {
        if (!matcher.startSources.has(regex.source)) continue
        const pattern = patternOf(regex)
        // A matcher's entries are added together: a pattern it has twice is seen last.
        if (pattern.lineOf.at(-1) !== entry) pattern.lineOf.push(entry)
      }
      for (const regex of [...lines, ...vetoes]) {
        if (literals(regex.source) === undefined || matcher.startSources.has(regex.source)) continue
        const pattern = patternOf(regex)
        if (pattern.whileOpen.at(-1) !== entry) pattern.whileOpen.push(entry)
      }
    }
    const all = [...this.byLiteral.keys()]
    this.anchors = this.always.length === 0 ? all : undefined
    // The same list as the record splitter's anchors: the two sets share the grams they search for.
    this.literals = all.length > 0 ? new LiteralSet(all) : undefined
  }

  /** Whether a matcher must see the records without literals now (a block open, with a veto without any). */
  wantsEvery(): boolean {
    return this.openEvery.size > 0
  }

  record(record: LogRecord): void {
    const stamp = this.records++
    // Matchers are independent of each other: only the order of records per matcher matters.
    for (const entry of this.always) this.push(entry, stamp, record, undefined)
    for (const entry of this.openEvery) this.push(entry, stamp, record, undefined)
    const present = this.literals?.present(record.text)
    if (present === undefined || present.length === 0) return
    const { matches, matched } = this
    for (const literal of present) {
      for (const pattern of this.byLiteral.get(literal)!) {
        if (pattern.seen === stamp) continue
        pattern.seen = stamp
        const match = pattern.regex.exec(record.text)
        if (match === null) continue
        matches.set(pattern.source, match)
        matched.push(pattern)
      }
    }
    // Every match of the record is known before any matcher takes it.
    for (const pattern of matched) {
      for (const entry of pattern.lineOf) this.push(entry, stamp, record, matches)
      for (const entry of pattern.whileOpen)
        if (entry.matcher.isOpen) this.push(entry, stamp, record, matches)
    }
    matches.clear()
    matched.length = 0
  }

  private push(
    entry: Entry,
    stamp: number,
    record: LogRecord,
    matches: ReadonlyMap<string, RegExpExecArray> | undefined,
  ): void {
    if (entry.seen === stamp) return
    entry.seen = stamp
    // A veto without literals is in no `matches`: such a matcher tries its own patterns.
    entry.matcher.push(record, entry.everyWhileOpen ? undefined : matches)
    if (!entry.everyWhileOpen) return
    if (entry.matcher.isOpen) this.openEvery.add(entry)
    else this.openEvery.delete(entry)
  }
}
