/**
 * @module The symptom matchers of every article reading one log: a record goes only to the matchers it can
 * concern (those with a block open, and those one of whose literals it contains), so a record costs the same
 * for one article or a thousand. A matcher left out could not have changed: without an open block it ignores
 * every record that lacks its literals (`SymptomMatcher.anchors`).
 */
import { LiteralSet } from './literal-set.ts'
import type { SymptomMatcher } from './matcher.ts'
import type { LogRecord } from './records.ts'

/**
 * Many matchers behind one record sink (`RecordAssembler`'s `sink`).
 *
 * @example
 * const set = new MatcherSet(matchers)
 * new RecordAssembler({anchors: set.anchors, sink: set})
 */
export class MatcherSet {
  /** Every literal of every matcher, or undefined when one matcher has none (then every record counts). */
  readonly anchors: string[] | undefined
  private readonly always: SymptomMatcher[]
  private readonly byLiteral = new Map<string, SymptomMatcher[]>()
  private readonly literals: LiteralSet | undefined
  private readonly open = new Set<SymptomMatcher>()

  constructor(readonly matchers: readonly SymptomMatcher[]) {
    this.always = matchers.filter((matcher) => matcher.anchors === undefined)
    for (const matcher of matchers) {
      for (const anchor of matcher.anchors ?? []) {
        const list = this.byLiteral.get(anchor) ?? []
        list.push(matcher)
        this.byLiteral.set(anchor, list)
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
    const targets = new Set<SymptomMatcher>(this.always)
    for (const matcher of this.open) targets.add(matcher)
    for (const literal of this.literals?.present(record.text) ?? [])
      for (const matcher of this.byLiteral.get(literal)!) targets.add(matcher)
    // Matchers are independent of each other: only the order of records per matcher matters.
    for (const matcher of targets) {
      matcher.push(record)
      if (matcher.isOpen) this.open.add(matcher)
      else this.open.delete(matcher)
    }
  }
}
