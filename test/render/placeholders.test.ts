// The placeholders of a string: what the regular expression that defines them finds, tried only where `{{` is.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { placeholders } from '../../src/render/placeholder-check.ts'

const definition = (text: string) =>
  [...new Set([...text.matchAll(/\{\{-?\s*([^,}\s]+)[^}]*\}\}/g)].map((match) => match[1]!))].sort()
const piece = fc.constantFrom('{{', '}}', '{', '}', 'a', 'b', '-', ' ', ',', '\n', 'x, number', '{{a}}', 'é')

describe('placeholders', () => {
  it('names each placeholder once, sorted, as the regular expression reads them', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('')
        expect(placeholders(text)).toEqual(definition(text))
      }),
      { numRuns: 5000 },
    )
  })

  it('reads formats, unescaped values and nested braces', () => {
    expect(placeholders('{{b}} {{a, datetime(dateStyle: full)}} {{- c}} {{b}}')).toEqual(['a', 'b', 'c'])
    expect(placeholders('{{{a}} }} {{ }}')).toEqual(['{a'])
    expect(placeholders('no placeholder {{')).toEqual([])
  })
})
