// One search over many texts joined by line breaks finds in each text what a search of that text alone finds.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { execJoined } from '../../src/render/exec-joined.ts'

// Patterns of the kind it is for: no line break matched, `\b` and look-arounds that take one as an edge.
const patterns = [
  /\b0x[0-9A-F]{4}\b/i,
  /(?<![\w.-])(?:12|123)(?![\w-])/,
  /\b\d+\.\d+\b/,
  /\bwww\.[a-z]+\S*/i,
  /March 1, 2031/i,
]
const piece = fc.constantFrom(
  '0x12AB',
  '0X12ab5',
  '12',
  '123',
  '1.2',
  '.',
  '-',
  'www.x',
  'March 1,',
  ' 2031',
  ' ',
  'a',
  '\n',
)
const text = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(''))

describe('execJoined', () => {
  it('gives each text the match of `exec` on that text alone: its index and text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.array(text, { maxLength: 8 }), (pattern, texts) => {
        const found = execJoined(pattern, texts).map((match) => match && [match.index, match[0]])
        expect(found).toEqual(
          texts.map((each) => {
            const match = pattern.exec(each)
            return match && [match.index, match[0]]
          }),
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('finds nothing in empty texts nor across two texts, and leaves the pattern given as it was', () => {
    const pattern = /\b0x[0-9A-F]{4}\b/i
    expect(execJoined(pattern, ['', '0x12ab', ''])).toEqual([
      null,
      expect.objectContaining({ index: 0 }),
      null,
    ])
    expect([pattern.global, pattern.lastIndex]).toEqual([false, 0])
    // A match cut in two by the end of a text is in neither.
    expect(execJoined(/March 1, 2031/i, ['Fixed on March 1,', '2031 it was'])).toEqual([null, null])
  })
})
