import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LiteralSet } from '../../src/logs/literal-set.ts'

// Small alphabets make overlaps, shared beginnings and near misses common.
const word = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', '(', '.', ' ', 'é'),
  minLength: 1,
  maxLength: 6,
})
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '(', '.', ' ', 'é', '\n'), maxLength: 80 })
const asPattern = (literal: string) => literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

describe('LiteralSet: many literals in one pass', () => {
  it('finds the same next occurrence as one alternation of the literals', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        text,
        fc.nat(90),
        (literals, haystack, from) => {
          const pattern = new RegExp(literals.map(asPattern).join('|'), 'g')
          pattern.lastIndex = from
          expect(new LiteralSet(literals).next(haystack, from)).toBe(pattern.exec(haystack)?.index ?? -1)
        },
      ),
    )
  })

  it('answers a run of questions about several texts, in order or not, as each asked alone', () => {
    // One set is asked about a chunk line after line (`next(text, at + 1)`), then about other texts: what it
    // keeps from one question must never change the next answer.
    const question = fc.record({ text: fc.nat(2), from: fc.nat(90) })
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.array(text, { minLength: 3, maxLength: 3 }),
        fc.array(question, { minLength: 1, maxLength: 30 }),
        (literals, texts, questions) => {
          const set = new LiteralSet(literals)
          const pattern = new RegExp(literals.map(asPattern).join('|'), 'g')
          for (const { text: which, from } of questions) {
            const haystack = texts[which]!
            pattern.lastIndex = from
            expect(set.next(haystack, from)).toBe(pattern.exec(haystack)?.index ?? -1)
          }
        },
      ),
    )
  })

  it('finds every occurrence when walked through a text from each one to the next', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), text, (literals, haystack) => {
        const set = new LiteralSet(literals)
        const pattern = new RegExp(`(?=${literals.map(asPattern).join('|')})`, 'g')
        const expected = [...haystack.matchAll(pattern)].map((match) => match.index)
        const found: number[] = []
        for (let at = set.next(haystack, 0); at !== -1; at = set.next(haystack, at + 1)) found.push(at)
        expect(found).toEqual(expected)
      }),
    )
  })

  it('finds literals longer than its pieces, wherever the piece it is found through lies in them', () => {
    // Literals of up to six characters are their own pieces; longer ones are found through a piece at an
    // offset, and a piece can lie at different offsets in different literals.
    const long = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', '(', ' ', 'é'),
      minLength: 1,
      maxLength: 14,
    })
    const haystack = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '(', ' ', 'é', '\n'), maxLength: 160 })
    fc.assert(
      fc.property(
        fc.array(long, { minLength: 1, maxLength: 30 }),
        fc.array(haystack, { minLength: 2, maxLength: 2 }),
        (literals, [first, second]) => {
          const set = new LiteralSet(literals)
          const pattern = new RegExp(literals.map(asPattern).join('|'), 'g')
          const ahead = new RegExp(`(?=${literals.map(asPattern).join('|')})`, 'g')
          // The first text chooses the pieces; the second is searched with them.
          for (const text of [first!, second!]) {
            const starts: number[] = []
            for (let at = set.next(text, 0); at !== -1; at = set.next(text, at + 1)) starts.push(at)
            expect(starts).toEqual([...text.matchAll(ahead)].map((match) => match.index))
            // From every position: a literal that starts before it never counts, though its piece lies after.
            for (let at = 0; at <= text.length; at++) {
              pattern.lastIndex = at
              expect(set.next(text, at)).toBe(pattern.exec(text)?.index ?? -1)
            }
            const expected = [...new Set(literals)].filter((literal) => text.includes(literal)).sort()
            expect(set.present(text).sort()).toEqual(expected)
          }
        },
      ),
    )
  })

  it('finds nothing where only pieces of a literal occur, whichever piece it searches for', () => {
    // Every six-character window of the literal, each on its own, then the literal itself.
    const literal = 'SyncUpdates failure'
    const windows = Array.from({ length: literal.length - 5 }, (_, at) => literal.slice(at, at + 6))
    const pieces = windows.join(' | ')
    for (const sample of [pieces, `${'x'.repeat(20)} ${literal}`, 'Sync Sync Sync']) {
      const set = new LiteralSet([literal])
      expect(set.next(sample, 0)).toBe(sample.indexOf(literal))
      expect(set.next(pieces, 0)).toBe(-1)
      expect(set.occursIn(pieces)).toBe(false)
      expect(set.present(pieces)).toEqual([])
      expect(set.present(`${pieces} ${literal}`)).toEqual([literal])
      expect(set.present(`undefined ${literal}`)).toEqual([literal])
      expect(set.next(`${pieces} ${literal}`, 3)).toBe(pieces.length + 1)
    }
  })

  it('gives the earlier of two literals found through the same piece', () => {
    // `abcdef` lies at offset 2 in one literal and 0 in the other: both begin where the text has it.
    for (const literals of [
      ['xxabcdef', 'abcdefyy'],
      ['abcdefyy', 'xxabcdef'],
    ]) {
      const set = new LiteralSet(literals)
      expect(set.next('xxabcdefyy', 0)).toBe(0)
      expect(set.next('xxabcdefyy', 1)).toBe(2)
    }
  })

  it('shares its pieces with a set made from the same list, and not once the list has changed', () => {
    const literals = ['SyncUpdates failure', 'SOAP Fault: 0x000190']
    const text = 'x SyncUpdates failure y SOAP Fault: 0x000190 z ErrorCode: 5'
    expect(new LiteralSet(literals).present(text).sort()).toEqual([...literals].sort())
    expect(new LiteralSet(literals).next(text, 3)).toBe(text.indexOf('SOAP'))
    literals.push('ErrorCode')
    expect(new LiteralSet(literals).present(text).sort()).toEqual([...literals].sort())
  })

  it('names exactly the literals a text contains', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), text, (literals, haystack) => {
        const expected = [...new Set(literals)].filter((literal) => haystack.includes(literal)).sort()
        expect(new LiteralSet(literals).present(haystack).sort()).toEqual(expected)
      }),
    )
  })

  it('tells whether a text holds any of the literals', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), text, (literals, haystack) => {
        const expected = literals.some((literal) => haystack.includes(literal))
        expect(new LiteralSet(literals).occursIn(haystack)).toBe(expected)
      }),
    )
  })

  it('refuses an empty literal, which would match everywhere', () => {
    expect(() => new LiteralSet(['ok', ''])).toThrow(/at least one character/)
    expect(() => new LiteralSet([])).toThrow(/one or more literals/)
  })
})
