// The fast path for translation files must read exactly what yaml reads, or decline: a differential test
// over generated YAML (the quick reader's nested documents, and translation-like files with text blocks,
// escapes, comments and slips of indentation), and the constructs it declines one by one.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { blockMapData } from '../../src/kb/block-map-yaml.ts'
import { maxAliasCount, maxDepth } from '../../src/kb/yaml-source.ts'
import { yamlDocuments } from '../helpers/yaml-text.ts'

const limits = { maxDepth }

function yamlReads(text: string): { errors: string[]; data?: unknown } {
  const document = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: false })
  if (document.errors.length > 0) return { errors: document.errors.map((error) => error.code) }
  return { errors: [], data: document.toJS({ maxAliasCount }) }
}

// Mostly what translations hold, now and then what the fast path must decline.
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('title', 'a', 'x-y', 'rule_1', 'é', 'a b', '3.0 SP1', 'on') },
  { weight: 1, arbitrary: fc.constantFrom('1', '1e3', 'true', 'null', '~', '__proto__', 'a ', '-a', 'a:b') },
  { weight: 1, arbitrary: fc.constantFrom('"0x80244007"', "'3.0'", '"a\\"b"', 'constructor', 'yes') },
)
const ordinaryText = fc.constantFrom(
  ...['Install update {{fixId}}.', 'it fails', 'C# and F#', 'x#y', 'see [link](https://example.com)'],
  ...["it's", 'a  b', 'say "hi"', 'é ü ß', '3.0 SP1', 'back \\ slash', 'run `x`', 'a, b', 'c **b**'],
)
const text = fc.oneof(
  { weight: 6, arbitrary: ordinaryText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...['x: y', 'x:', 'x #y', '**Note** x', '{{p}} first', '"quoted"', "'single'", 'a ', ' a', '1'],
      ...['1.5', 'null', 'true', 'yes', '0x1F', '', '- x', '* x', '& x', '! x', '| x', '> x', '% x', '@x'],
      ...['tab\there', '#x', '?x', ':x', ',x', '`x`', '[link](https://example.com)'],
    ),
  },
)
const style = fc.constantFrom('plain', 'plain', 'double', 'double', 'single', 'literal', 'strip', 'folded')

function valueText(kind: string, value: string, pad: string): string {
  switch (kind) {
    case 'double':
      return JSON.stringify(value)
    case 'single':
      return `'${value.replaceAll("'", "''")}'`
    case 'literal':
    case 'strip':
      return `${kind === 'literal' ? '|' : '|-'}\n${pad}  ${value}\n\n${pad}  ${value}\n`
    case 'folded':
      return `>-\n${pad}  ${value}\n${pad}  ${value}`
    default:
      return value
  }
}

type Tree = Array<[string, [string, string] | Tree]>
function trees(
  keys: fc.Arbitrary<string>,
  values: fc.Arbitrary<[string, string]>,
  unique: boolean,
): fc.Arbitrary<Tree> {
  return fc.letrec<{ tree: Tree }>((tie) => {
    const entry = fc.tuple(keys, fc.oneof({ depthSize: 'small' }, values, tie('tree')))
    const size = { minLength: 1, maxLength: 4 }
    return {
      tree: unique ? fc.uniqueArray(entry, { ...size, selector: ([name]) => name }) : fc.array(entry, size),
    }
  }).tree
}
const tree = trees(key, fc.tuple(style, text), false)

function written(entries: Tree, indent: number, step: number): string {
  const pad = ' '.repeat(indent)
  return entries
    .map(([name, value]) =>
      value.length === 2 && typeof value[0] === 'string'
        ? `${pad}${name}: ${valueText(value[0], value[1] as string, pad)}`
        : `${pad}${name}:\n${written(value as Tree, indent + step, step)}`,
    )
    .join('\n')
}

/** Translation-like files: nested keys, every value style, comments, blank lines, and a few slips inserted. */
const translationFiles = fc
  .tuple(
    tree,
    fc.constantFrom(2, 4),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('# c\n', '\n', '  # c\n', ' ', '  ', '\t', '\r', '"', "'", ': ', ' #', '\\', '|'),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([entries, step, slips]) => {
    let file = `# yaml-language-server: $schema=../../schema/locale.schema.json\n${written(entries, 0, step)}\n`
    for (const [at, slip] of slips) {
      const offset = at % (file.length + 1)
      file = file.slice(0, offset) + slip + file.slice(offset)
    }
    return file
  })

describe('the fast path reads what yaml reads, or declines', () => {
  for (const [name, texts, least] of [
    ['nested documents in every style', yamlDocuments, 10],
    ['translation-like files', translationFiles, 200],
  ] as const) {
    it(`${name}: data yaml reads the same, without problems`, () => {
      let read = 0
      fc.assert(
        fc.property(texts, (file) => {
          const fast = blockMapData(file, limits)
          if (fast === undefined) return
          read++
          expect(yamlReads(file)).toEqual({ errors: [], data: fast.data })
        }),
        { numRuns: 3000 },
      )
      // Otherwise the property holds for want of examples.
      expect(read).toBeGreaterThan(least)
    })
  }
})

describe('what it reads', () => {
  it('every file written the plain way: nested keys, one-line texts in any quoting, text blocks', () => {
    const plainKey = fc.constantFrom(
      'title',
      'a',
      'x-y',
      'rule_1',
      'é',
      'a b',
      '3.0 SP1',
      '"0x8024"',
      "'3.0'",
    )
    const plainStyle = fc.constantFrom('plain', 'double', 'single', 'literal', 'strip')
    fc.assert(
      fc.property(
        trees(plainKey, fc.tuple(plainStyle, ordinaryText), true),
        fc.constantFrom(2, 4),
        (entries, step) => {
          const file = `# a comment\n${written(entries, 0, step)}\n`
          const fast = blockMapData(file, limits)
          expect(fast).toBeDefined()
          expect(yamlReads(file)).toEqual({ errors: [], data: fast!.data })
        },
      ),
    )
  })

  it('nested keys, plain and quoted texts, quoted keys and comments', () => {
    const file = [
      '# yaml-language-server: $schema=../../schema/locale.schema.json',
      'verdicts:',
      '  rules:',
      '    # a comment between entries',
      '    wsus-3-rtm: "{{wsus30}} (RTM) is affected: install {{fixId}}."',
      "    other: It's {{fixId}}, or 'none'",
      '',
      '  values:',
      '    "0x80244007": it fails with error {{errorCodeHex}}',
      "    '3.0': version 3",
      '    3.0 SP1: Service Pack 1',
      '    escaped: "answers \\"Am I affected?\\" with \\\\"',
      "    single: 'it''s here'",
      'kb:',
      '  title: Clients fail to scan',
    ].join('\n')
    expect(blockMapData(file, limits)).toEqual({
      data: {
        verdicts: {
          rules: {
            'wsus-3-rtm': '{{wsus30}} (RTM) is affected: install {{fixId}}.',
            other: "It's {{fixId}}, or 'none'",
          },
          values: {
            '0x80244007': 'it fails with error {{errorCodeHex}}',
            '3.0': 'version 3',
            '3.0 SP1': 'Service Pack 1',
            escaped: 'answers "Am I affected?" with \\',
            single: "it's here",
          },
        },
        kb: { title: 'Clients fail to scan' },
      },
    })
  })

  it('text blocks: `|` keeps one last line break, `|-` none, blank lines inside are kept', () => {
    const file = 'a:\n  b: |-\n    one\n\n    # not a comment\n      two\n\n  c: |\n    three\n\n\nd: e\n'
    expect(blockMapData(file, limits)).toEqual({
      data: { a: { b: 'one\n\n# not a comment\n  two', c: 'three\n' }, d: 'e' },
    })
    expect(yamlReads(file).data).toEqual(blockMapData(file, limits)?.data)
  })
})

/** `k:` lines, each indented under the one before it, `levels` deep, then the indentation for a last entry. */
function nested(levels: number): string {
  return (
    Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}k:\n`).join('') + '  '.repeat(levels)
  )
}

describe('left to the full readers', () => {
  it(`mappings nested as deep as the readers allow, one level less than ${maxDepth}`, () => {
    const file = `${nested(maxDepth - 1)}z: y\n`
    let data: unknown = blockMapData(file, limits)?.data
    for (let level = 0; level < maxDepth - 1; level++) data = (data as { k: unknown }).k
    expect(data).toEqual({ z: 'y' })
  })

  it.each([
    ['an empty file', ''],
    ['only comments', '# a\n# b\n'],
    ['a number', 'a: 1\n'],
    ['null', 'a: null\n'],
    ['a boolean', 'a: true\n'],
    ['a key that is a number', '1: a\n'],
    ['a key `null`', 'null: a\n'],
    ['a key `__proto__`', '__proto__: a\n'],
    ['a duplicate key', 'a: x\na: y\n'],
    ['a duplicate key in a nested mapping', 'a:\n  b: x\n  b: y\n'],
    ['a key with nothing under it', 'a:\nb: x\n'],
    ['a last key with nothing under it', 'a: x\nb:\n'],
    ['a list', 'a:\n  - x\n'],
    ['a text over two lines', 'a: x\n  y\n'],
    ['a quoted text over two lines', 'a: "x\n  y"\n'],
    ['a line between two levels', 'a:\n    b: x\n  c: y\n'],
    ['an indented first key', '  a: x\n'],
    ['a comment after a value', 'a: x # c\n'],
    ['a colon and a space in a plain text', 'a: x: y\n'],
    ['a plain text ending in a colon', 'a: x:\n'],
    ['trailing spaces', 'a: x  \n'],
    ['a tab', 'a:\tx\n'],
    ['CR line ends', 'a: x\r\nb: y\r\n'],
    ['a byte-order mark', '\uFEFFa: x\n'],
    ['an escape other than \\" and \\\\', 'a: "x\\ny"\n'],
    ['text after a closing quote', 'a: "x" y\n'],
    ['a lone quote inside single quotes', "a: 'x'y'\n"],
    ['a folded block', 'a: >\n  x\n'],
    ['a text block keeping its last line breaks', 'a: |+\n  x\n'],
    ['a text block starting with a blank line', 'a: |\n\n  x\n'],
    ['an empty text block', 'a: |\nb: x\n'],
    ['a text block with a blank line of more spaces than it', 'a: |\n  x\n     \n  y\n'],
    ['a flow mapping', 'a: { b: c }\n'],
    ['an anchor', 'a: &x y\n'],
    ['an alias', 'a: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a document marker', '---\na: x\n'],
    ['a key of more than 1,024 characters', `${'k'.repeat(1030)}: x\n`],
    [`mappings nested ${maxDepth} deep`, `${nested(maxDepth)}z: y\n`],
    [
      'mappings nested deeper than yaml can read, one space a level',
      `${Array.from({ length: 1000 }, (_, level) => `${' '.repeat(level)}k:\n`).join('')}${' '.repeat(1000)}z: y\n`,
    ],
  ])('%s', (_, file) => {
    expect(blockMapData(file, limits)).toBeUndefined()
  })
})
