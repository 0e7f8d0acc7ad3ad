import { describe, expect, it } from 'vitest'
import { compileSignatures, parseSignatures } from '../../src/logs/load-signatures.ts'
import { SymptomMatcher } from '../../src/logs/matcher.ts'
import { MatcherSet } from '../../src/logs/matcher-set.ts'
import type { LogRecord } from '../../src/logs/records.ts'

type Line = { id: string; pattern: string; required?: boolean; distinctive?: boolean }

function matcher(id: string, lines: Line[], vetoes: Line[] = [], window = 3): SymptomMatcher {
  const [symptom] = compileSignatures(
    parseSignatures({
      kind: 'signatures',
      article: 'a',
      symptoms: [{ id, log: 'cbs', fact: 'f', description: 'd', window, lines, vetoes }],
    }),
  )
  return new SymptomMatcher(symptom!)
}

function feed(set: MatcherSet, texts: string[]): void {
  texts.forEach((text, index) => {
    set.record({ index, line: index + 1, timestamp: null, text, truncatedChars: 0 } satisfies LogRecord)
  })
  for (const one of set.matchers) one.end()
}

// A distinctive `begin`, then `finish`.
const beginFinish = (id: string, vetoes: Line[] = []) =>
  matcher(
    id,
    [
      { id: 'one', pattern: 'begin', distinctive: true },
      { id: 'two', pattern: 'finish' },
    ],
    vetoes,
  )

const matched = (one: SymptomMatcher) => one.blocks.map((block) => block.matched.map((item) => item.line))

describe('MatcherSet: records only to the matchers they concern', () => {
  it('asks for the literals of every line, or for every record when a line has none', () => {
    const a = matcher('a', [{ id: 'x', pattern: 'start (?:one|two)' }])
    const b = matcher('b', [
      { id: 'y', pattern: 'start (?:one|two)' },
      { id: 'z', pattern: 'end' },
    ])
    expect(new MatcherSet([a, b]).anchors?.sort()).toEqual(['end', 'start '])
    const loose = matcher('c', [{ id: 'w', pattern: '\\d{3}' }])
    expect(new MatcherSet([a, loose]).anchors).toBeUndefined()
    expect(new MatcherSet([]).anchors).toEqual([])
  })

  it('hands a record to each matcher one of whose lines it matches, once', () => {
    const a = matcher('a', [
      { id: 'one', pattern: 'begin' },
      { id: 'two', pattern: 'finish' },
    ])
    const b = matcher('b', [{ id: 'only', pattern: 'finish' }])
    feed(new MatcherSet([a, b]), ['noise', 'begin and finish', 'finish'])
    // Pushed twice, the record would close the block and start another.
    expect(matched(a)).toEqual([[2, 2]])
    expect(matched(b)).toEqual([[2], [3]])
  })

  it('leaves out a matcher whose literal occurs in a record its pattern does not match', () => {
    const a = matcher('a', [
      { id: 'one', pattern: 'code 5\\d' },
      { id: 'two', pattern: 'done' },
    ])
    feed(new MatcherSet([a]), ['code 5x', 'done'])
    expect(matched(a)).toEqual([])
    expect(a.nearMisses).toEqual([])
  })

  it('hands a matcher with a block open the records its vetoes match, without asking for every record', () => {
    const a = beginFinish('a', [{ id: 'veto', pattern: 'other problem' }])
    const set = new MatcherSet([a])
    expect(set.anchors?.sort()).toEqual(['begin', 'finish', 'other problem'])
    set.record({ index: 0, line: 1, timestamp: null, text: 'begin', truncatedChars: 0 })
    expect(set.wantsEvery()).toBe(false)
    set.record({ index: 1, line: 2, timestamp: null, text: 'other problem', truncatedChars: 0 })
    set.record({ index: 2, line: 3, timestamp: null, text: 'finish', truncatedChars: 0 })
    expect(a.nearMisses.map((miss) => miss.veto.line)).toEqual([2])
  })

  it('leaves a veto alone while no block is open', () => {
    const a = matcher(
      'a',
      [{ id: 'one', pattern: 'begin', distinctive: true }],
      [{ id: 'veto', pattern: 'other' }],
    )
    feed(new MatcherSet([a]), ['other', 'begin'])
    expect(matched(a)).toEqual([[2]])
    expect(a.nearMisses).toEqual([])
  })

  it('asks for every record while a block is open whose symptom has a veto without literals', () => {
    const a = beginFinish('a', [{ id: 'veto', pattern: '\\d{3}' }])
    const set = new MatcherSet([a])
    expect(set.wantsEvery()).toBe(false)
    set.record({ index: 0, line: 1, timestamp: null, text: 'begin', truncatedChars: 0 })
    expect(set.wantsEvery()).toBe(true)
    set.record({ index: 1, line: 2, timestamp: null, text: 'code 404', truncatedChars: 0 })
    set.record({ index: 2, line: 3, timestamp: null, text: 'finish', truncatedChars: 0 })
    expect(set.wantsEvery()).toBe(false)
    expect(a.nearMisses.map((miss) => miss.veto.line)).toEqual([2])
  })

  it('closes a block whose window passed while the matcher saw no record, with the same findings', () => {
    const a = beginFinish('a')
    // Window 3: the `finish` of record 5 is too late for the block of record 0 (within it, it would confirm it).
    feed(new MatcherSet([a]), ['begin', 'x', 'x', 'x', 'x', 'finish'])
    expect(a.blocks.map((block) => [block.level, block.matched.map((item) => item.line)])).toEqual([
      ['partial', [1]],
    ])
    const b = beginFinish('b')
    feed(new MatcherSet([b]), ['begin', 'x', 'x', 'finish'])
    expect(b.blocks.map((block) => [block.level, block.matched.map((item) => item.line)])).toEqual([
      ['confirmed', [1, 4]],
    ])
  })

  it('hands every record to a matcher with a line without literals', () => {
    const a = matcher('a', [
      { id: 'one', pattern: '\\d{3}' },
      { id: 'two', pattern: 'end' },
    ])
    feed(new MatcherSet([a]), ['x 123', 'end'])
    expect(matched(a)).toEqual([[1, 2]])
  })

  it('tries a pattern that several matchers share for each of them', () => {
    const a = matcher('a', [{ id: 'one', pattern: 'shared line' }])
    const b = matcher('b', [{ id: 'two', pattern: 'shared line' }])
    const c = matcher('c', [{ id: 'three', pattern: 'shared (?:line|row)' }])
    feed(new MatcherSet([a, b, c]), ['a shared line', 'a shared row'])
    expect([matched(a), matched(b), matched(c)]).toEqual([[[1]], [[1]], [[1], [2]]])
  })
})
