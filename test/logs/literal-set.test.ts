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
