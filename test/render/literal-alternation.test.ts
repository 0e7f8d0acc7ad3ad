import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldCase, LiteralAlternation } from '../../src/render/literal-alternation.ts'

// Letters whose case folding is special (ß, long s, Kelvin and Ohm signs, dotted and dotless i, a letter written
// as a surrogate pair), with their plain neighbours, so that near matches and look-alikes are common.
const unit = fc.constantFrom(...'aAbBsSßſkK\u212Aéɛ́ÉiIİıΩω\u2126𐐨𐐀 .(')
const literal = fc.string({ unit, minLength: 1, maxLength: 5 })
const escaped = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('LiteralAlternation: many literals, ignoring case', () => {
  // The alternation's meaning, one literal at a time: the leftmost position, there the first literal. (V8's
  // own alternation of such literals is no reference: it misses `s` in /ſa|S|S|a/i.)
  const reference = (literals: string[], haystack: string) => {
    const patterns = literals.map((each) => new RegExp(escaped(each), 'iy'))
    for (let index = 0; index <= haystack.length; index++) {
      for (const pattern of patterns) {
        pattern.lastIndex = index
        const match = pattern.exec(haystack)
        if (match) return { index, text: match[0] }
      }
    }
    return null
  }

  // Texts made of the literals (in any case) and single characters, so that several literals start at one place.
  const literalsAndText = fc.array(literal, { minLength: 1, maxLength: 30 }).chain((literals) =>
    fc.tuple(
      fc.constant(literals),
      fc
        .array(
          fc.oneof(
            unit,
            fc.constantFrom(...literals),
            fc.constantFrom(...literals.map((each) => each.toUpperCase())),
          ),
          { maxLength: 12 },
        )
        .map((parts) => parts.join('')),
    ),
  )

  it('finds what a case-insensitive alternation of the literals means', () => {
    fc.assert(
      fc.property(literalsAndText, ([literals, haystack]) => {
        const found = new LiteralAlternation(literals).exec(haystack)
        expect(found && { index: found.index, text: found[0] }).toEqual(reference(literals, haystack))
      }),
      { numRuns: 2000 },
    )
  })

  it('finds in each of many texts what it finds in that text alone, line breaks in texts or literals or not', () => {
    const withBreaks = fc.constantFrom(...'aAbBsSßſkK\u212AéiIİıΩω𐐨 .(\n')
    const texts = fc.array(fc.string({ unit: withBreaks, maxLength: 10 }), { maxLength: 8 })
    fc.assert(
      fc.property(
        literalsAndText,
        texts,
        fc.array(fc.string({ unit: withBreaks, minLength: 1, maxLength: 4 }), { maxLength: 2 }),
        ([literals, haystack], others, extra) => {
          const alternation = new LiteralAlternation([...literals, ...extra])
          const all = [...others, haystack, ...others.map((text) => text.toUpperCase())]
          const each = alternation.execEach(all)
          expect(each.map((found) => found && [found.index, found[0]])).toEqual(
            all.map((text) => {
              const found = alternation.exec(text)
              return found && [found.index, found[0]]
            }),
          )
        },
      ),
      { numRuns: 2000 },
    )
    expect(new LiteralAlternation(['fault']).execEach(['', 'a fault', '', 'FAULT\nfault'])).toEqual([
      null,
      expect.objectContaining({ index: 2, 0: 'fault' }),
      null,
      expect.objectContaining({ index: 0, 0: 'FAULT' }),
    ])
  })

  it('names the text as written, at the first literal given where several start', () => {
    const found = new LiteralAlternation(['fault', 'Fault occurred']).exec('A FAULT OCCURRED here')
    expect(found && [found.index, found[0]]).toEqual([2, 'FAULT'])
    expect(new LiteralAlternation(['item has already been added']).exec('nothing here')).toBeNull()
  })
})

describe('foldCase', () => {
  // ECMAScript's Canonicalize without `u`: one code unit at a time.
  const canonicalize = (text: string) =>
    [...Array(text.length).keys()]
      .map((index) => {
        const char = text[index]!
        const upper = char.toUpperCase()
        return upper.length !== 1 || (char.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? char : upper
      })
      .join('')

  it('folds any text as a case-insensitive regular expression compares it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit }), fc.string({ unit: 'binary' }), fc.string()), (text) => {
        expect(foldCase(text)).toBe(canonicalize(text))
      }),
      { numRuns: 3000 },
    )
    expect(foldCase('Straße ıſ 𐐨 wsus')).toBe('STRAßE ıſ 𐐨 WSUS')
  })
})
