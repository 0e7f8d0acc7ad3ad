// Locale lint parses a string as Markdown only when it holds a character of `markdownSyntax`: for every other
// string the parser would find nothing, so skipping it changes no answer.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markdownProblem, markdownSyntax, parsedMarkdownProblem } from '../../src/render/locale-lint.ts'

// Everything Markdown and GFM give meaning to, except the characters of `markdownSyntax`.
const pieces = [
  // (Braces are placeholders, checked before any parsing.)
  ...'abc XYZ 0123 .,;:!?-+=#>~|\\/"\'()%$@^\n\t  ',
  'www.example.com',
  'https://example.com/a?b=1',
  'mailto:a@b.example',
  'user@example.com',
  '1. ',
  '- ',
  '> ',
  '# ',
  '---',
  '    code',
  '~~x~~',
  '| a | b |\n| - | - |',
  'ąęł ø å',
]

describe('the Markdown fast path of locale lint', () => {
  it('finds no problem the parser would find in strings without Markdown syntax characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(markdownSyntax.test(text)).toBe(false)
        expect(parsedMarkdownProblem(text)).toBeUndefined()
        expect(markdownProblem(text)).toBeUndefined()
      }),
      { numRuns: 500 },
    )
  })

  it('still parses strings with syntax characters and reports what the parser finds', () => {
    expect(markdownProblem('a **bold')?.code).toBe('KB_LOCALE_MARKDOWN')
    expect(markdownProblem('see <b>x</b>')?.code).toBe('KB_LOCALE_HTML')
    expect(markdownProblem('[x](javascript:alert)')?.code).toBe('KB_LOCALE_UNSAFE_LINK')
    expect(markdownProblem('&#42;&#42;x')?.code).toBe('KB_LOCALE_MARKDOWN')
    expect(markdownProblem('a {{open')?.code).toBe('KB_LOCALE_MARKDOWN')
    expect(markdownProblem('**{{name}}** and [a](https://example.com)')).toBeUndefined()
  })
})
