import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LineScanner } from '../../src/logs/line-scan.ts'
import { TIMESTAMP_PLACEHOLDERS } from '../../src/logs/record-start.ts'

// Pieces that make near misses common: placeholders and their beginnings, times and almost-times.
const piece = fc.constantFrom(
  ...TIMESTAMP_PLACEHOLDERS,
  'Dat',
  'DataStore',
  '<Da',
  'SOAP Fault',
  'SOAP',
  '9:05:31.1',
  '12:00:00,5',
  '1:02:03:4',
  '1:02:03x4',
  '/:00:00.0',
  '1:0/:00.0',
  '1:00:0:.0',
  '1:00:00.:',
  ':',
  '0',
  '9',
  ' ',
  '\n',
  'x',
)
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''))

function startsIn(text: string, needles: readonly string[], start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (needles.some((needle) => text.startsWith(needle, at))) return true
  return false
}

// The hour's digit at `from` or later, its colon before `end` (what the splitter then looks at).
function timeStartsIn(text: string, from: number, end: number): boolean {
  const time = /\d:\d\d:\d\d[:.,]\d/y
  for (let colon = from + 1; colon < end; colon++) {
    time.lastIndex = colon - 1
    if (time.test(text)) return true
  }
  return false
}

/** Cuts of `[0, length]` in increasing order, as the record splitter asks them. */
const cuts = (length: number) => [
  ...new Set([0, Math.floor(length / 3), Math.floor((2 * length) / 3), length]),
]

describe('LineScanner: what a line holds, without cutting it out', () => {
  it('finds exactly the anchors and whole placeholders that start in each range', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (haystack, withAnchors) => {
        const anchors = withAnchors ? ['SOAP Fault'] : []
        const scan = new LineScanner(anchors)
        scan.reset(haystack)
        const bounds = cuts(haystack.length)
        for (let index = 0; index + 1 < bounds.length; index++) {
          const [start, end] = [bounds[index]!, bounds[index + 1]!]
          expect(scan.anchorIn(start, end)).toBe(startsIn(haystack, anchors, start, end))
          expect(scan.needleIn(start, end)).toBe(
            startsIn(haystack, [...anchors, ...TIMESTAMP_PLACEHOLDERS], start, end),
          )
        }
      }),
    )
  })

  it('finds exactly where a time with a fraction starts in each range', () => {
    fc.assert(
      fc.property(text, (haystack) => {
        const scan = new LineScanner()
        scan.reset(haystack)
        const bounds = cuts(haystack.length)
        for (let index = 0; index + 1 < bounds.length; index++) {
          const [start, end] = [bounds[index]!, bounds[index + 1]!]
          expect(scan.timeIn(start, end)).toBe(timeStartsIn(haystack, start, end))
        }
      }),
    )
  })

  it('searches many anchors as a few, and forgets the previous text on reset', () => {
    const anchors = Array.from({ length: 40 }, (_, index) => `code ${index};`)
    const scan = new LineScanner(anchors)
    scan.reset('x code 39; y')
    expect(scan.anchorIn(0, 2)).toBe(false)
    expect(scan.anchorIn(2, 12)).toBe(true)
    scan.reset('code 7;')
    expect(scan.anchorIn(0, 7)).toBe(true)
    expect(scan.needleIn(0, 7)).toBe(true)
  })

  it('leaves out a placeholder that starts exactly at the end of the range', () => {
    for (const placeholder of TIMESTAMP_PLACEHOLDERS) {
      const scan = new LineScanner([])
      scan.reset(`x ${placeholder}`)
      expect(scan.needleIn(0, 2)).toBe(false)
      expect(scan.needleIn(2, 3)).toBe(true)
    }
  })

  it('places a time by its first colon: not in a range that ends at it, not again in the next range', () => {
    const scan = new LineScanner([])
    scan.reset('1:00:00.0')
    expect(scan.timeIn(0, 1)).toBe(false)
    expect(scan.timeIn(0, 2)).toBe(true)
    expect(scan.timeIn(1, 9)).toBe(false)
  })
})
