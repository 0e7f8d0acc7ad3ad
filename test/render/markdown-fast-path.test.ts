// Locale lint parses a string as Markdown only when it holds a character of `markdownSyntax`: for every other
// string the parser would find nothing, so skipping it changes no answer.
import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { parseUnsanitized, sharedTree } from '../../src/render/markdown.ts'
import { markdownProblem, markdownSyntax, parsedMarkdownProblem } from '../../src/render/markdown-problem.ts'

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

// Rendering takes a plain sentence's tree without running the parser: the tree must be the parser's own.
describe('the plain-sentence fast path of parseUnsanitized', () => {
  const reference = unified().use(remarkParse).use(remarkGfm).freeze()
  const parsed = (text: string) => {
    const tree = reference.parse(text)
    reference.runSync(tree)
    return tree
  }
  // Sentences in the four languages, and everything that could make one line more than a paragraph of text.
  const sentencePieces = [...'abcXYZ éłøåÄ中 0123.,;:?\'"()%/=+-', 'e\u0301', '\uE0000\uE001', 'ąęł', 'word']
  const trickyPieces = [
    ...sentencePieces,
    ...'*_`<>[]&\\|~!#@^$\t\n\r{}',
    '  ',
    ' ',
    '1. ',
    '1) ',
    '- ',
    '+ ',
    '> ',
    '# ',
    '===',
    '---',
    '    code',
    'www.example.com',
    'WWW.x.org',
    'https://example.com',
    'ftp://x.y',
    'mailto:a@b.c',
    'user@example.com',
    '𝒜',
    '😀',
    '&amp;',
    '~~x~~',
    '[^1]',
    ' _b_ ',
    ' *b* ',
    ' __b__ ',
    '`x`',
  ]
  const textOf = (pieces: string[]) =>
    fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((parts) => parts.join(''))

  // A sentence with one or two pieces of syntax in it: how a string most often turns into more than text.
  const sentenceWithSyntax = fc
    .tuple(
      textOf(sentencePieces),
      fc.array(fc.constantFrom(...trickyPieces), { minLength: 1, maxLength: 2 }),
      textOf(sentencePieces),
    )
    .chain(([before, syntax, after]) =>
      fc.constantFrom(`${before}${syntax.join('')}${after}`, `${before}${syntax[0]}${after}${syntax.at(-1)}`),
    )

  it('gives the tree the parser gives, for sentences and for anything else', () => {
    fc.assert(
      fc.property(fc.oneof(textOf(sentencePieces), textOf(trickyPieces), sentenceWithSyntax), (text) => {
        expect(parseUnsanitized(text)).toEqual(parsed(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps what a sentence says, values and positions', () => {
    const tree = parseUnsanitized('Zainstaluj poprawkę (KB954960) na serwerze WSUS.')
    expect(tree).toEqual(parsed('Zainstaluj poprawkę (KB954960) na serwerze WSUS.'))
    expect(tree.children[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text', value: 'Zainstaluj poprawkę (KB954960) na serwerze WSUS.' }],
    })
  })

  it('gives each caller its own tree for a string it parsed before', () => {
    const text = '**Note:** see [the log](https://example.com/log) and `%windir%\\WindowsUpdate.log`.'
    const first = parseUnsanitized(text)
    first.children.length = 0
    const second = parseUnsanitized(text)
    expect(second).toEqual(parsed(text))
    expect(second).not.toBe(first)
  })

  it('shares one tree among readers, which the copies given to writers leave as it was', () => {
    const text = 'Run `wsusutil.exe reset` as **an administrator**.'
    const shared = sharedTree(text)
    expect(sharedTree(text)).toBe(shared)
    expect(shared).toEqual(parsed(text))
    parseUnsanitized(text).children.length = 0
    expect(sharedTree(text)).toEqual(parsed(text))
  })
})
