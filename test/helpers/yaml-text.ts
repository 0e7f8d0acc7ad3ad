// Generated YAML for differential tests of the two readers: lines of tricky pieces (mostly not YAML at all),
// and nested documents written in every style with a few characters inserted (mostly YAML, some broken).
import fc from 'fast-check'

const key = fc.constantFrom(
  ...['a', 'kind', '"a"', "'b'", '1', '0x1', 'true', 'null', '~', '__proto__', '? a', '[a, b]', '{a: 1}'],
  ...['&k a', '*k', '!!str 1', '"a b"', 'a b', '-a', '<<', 'x'.repeat(1030), '', '"\\u00e9"', 'é'],
  ...[`a${' '.repeat(1030)}`, `"${'\\U00000061'.repeat(103)}"`, '"a":&k', '"a":!!str', '\uFEFFa', '--- a'],
)
const scalar = fc.constantFrom(
  ...['', '~', 'null', 'Null', 'nULL', 'true', 'True', 'tRUE', 'yes', 'no', 'on', '0o17', '0o8', '0x1F'],
  ...['0xg', '0b11', '1_000', '-.5', '+.5', '.5', '5.', '1e3', '1E-3', '.5e3', '-.5e3', '5.e3', '+1', '-0'],
  ...['012', '.inf', '-.Inf', '+.INF', '.NaN', '-.nan', '2008-07-08', '3.0', '3.0 SP1', 'a: b', 'a #c'],
  ...['a#c', '"q"', "'q'", '"a\\nb"', "'it''s'", '|', '>', '|-', '>+', '|2', '[a, b]', '{a: 1}', '[', '{'],
  ...['- x', '*k', '&k x', '&k [1, 2]', '!!int 5', '!!str 5', '!!float 1', '!foo x', '%x', '@x', '`x', '<<'],
  ...['a\tb', '"\\x41"', '12345678901234567890', '1e400', '[1, [2, [3]]]', '{a: [b, {c: d}]}', '[a: b]'],
  ...['"multi\n  line"', '"multi\n line"', '"multi\nline"', "'multi\n    line'", '"a\n\n   b"', '- - x'],
  ...['plain\n  continued', 'plain\ncontinued', '|\n  x\n y', '>\n   x\n  y', '? x', '""', ': x', 'a:b', '-'],
  ...['"\\U00110000"', '"\\U0001F600"', '"x\\\n\n  y"', '"x\\\n  y"', 'x\ry', '"x\ry"', '[1,\r2]', '--- x'],
)
const line = fc
  .tuple(
    fc.constantFrom('', '', '  ', '    ', ' ', '\t', '  \t'),
    fc.constantFrom('', '', '- ', '- - '),
    fc.option(key),
    scalar,
    fc.constantFrom('', '', ' # c', '#c', ' #'),
  )
  .map(
    ([indent, dash, name, value, comment]) =>
      `${indent}${dash}${name === null ? '' : `${name}: `}${value}${comment}`,
  )

/** Lines of tricky keys, scalars, indentation and comments: mostly not YAML at all. */
export const yamlLines = fc
  .tuple(
    fc.constantFrom('', '', '---\n', '%YAML 1.1\n---\n', '# c\n'),
    fc.array(fc.oneof(line, fc.constantFrom('', '---', '...', '  ', '# only')), { maxLength: 12 }),
    fc.constantFrom('\n', '', '\r\n'),
  )
  .map(([head, lines, end]) => head + lines.join(end === '\r\n' ? '\r\n' : '\n') + end)

const word = fc.constantFrom(
  ...['a', 'kind', 'b c', 'é', '__proto__', '1', 'true', 'x-y', '{{p}}', "it's", 'C#', 'a: b', '- x', '#x'],
  ...['"q"', '[l](u)', '**b**', '', ' ', '\\', '\t', '0x1F', '.5', '-.5', '1_0', 'null', '~', 'yes'],
)
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '))
const styles = [
  'plain',
  'single',
  'double',
  'doubleLines',
  'singleLines',
  'shallowLines',
  'literal',
  'folded',
]
const moreStyles = ['strip', 'indented', 'ownLine', 'ownLineShallow', 'flowLines', 'flowShallow']
const style = fc.constantFrom(...styles, ...moreStyles)

function scalarText(kind: string, text: string, indent: number): string {
  const pad = ' '.repeat(indent)
  const quoted = JSON.stringify(text)
  switch (kind) {
    case 'plain':
      return text
    case 'single':
      return `'${text.replace(/'/g, "''")}'`
    case 'double':
      return quoted
    case 'doubleLines':
      return quoted.replace(/ /g, (space, at: number) => (at % 3 === 0 ? `\n${pad}  ` : space))
    case 'singleLines':
      return `'${text.replace(/'/g, "''")}'`.replace(/ /, `\n${pad}  `)
    case 'shallowLines':
      return quoted.replace(/ /, `\n${pad}`)
    case 'literal':
      return `|\n${pad}  ${text}\n${pad}  ${text}`
    case 'folded':
      return `>\n${pad}  ${text}\n\n${pad}  ${text}`
    case 'strip':
      return `|-\n${pad}  ${text}`
    case 'ownLine':
      return `\n${pad}  ${quoted.replace(/ /, `\n${pad}   `)}`
    case 'ownLineShallow':
      return `\n${pad}  ${quoted.replace(/ /, `\n${pad}`)}`
    case 'flowLines':
      return `[${quoted},\n${pad} ${quoted}\n${pad}]`
    case 'flowShallow':
      return `{${quoted}: 1,\n${pad}${quoted}: 2\n${pad}}`
    default:
      return `|1\n${pad}  ${text}`
  }
}

type Node = [string, string] | { sequence: boolean; items: Array<[string, Node]> }
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(style, words),
    fc.record({
      sequence: fc.boolean(),
      items: fc.array(fc.tuple(word, tie('node')), { minLength: 1, maxLength: 4 }),
    }),
  ),
})).node

function blockText(tree: Node, indent: number): string {
  const pad = ' '.repeat(indent)
  if (Array.isArray(tree)) return scalarText(tree[0], tree[1], indent)
  return tree.items
    .map(([name, value]) => {
      const head = tree.sequence
        ? `${pad}-`
        : `${pad}${/^[a-z_]+$/.test(name) ? name : JSON.stringify(name)}:`
      return Array.isArray(value)
        ? `${head} ${scalarText(value[0], value[1], indent)}`
        : `${head}\n${blockText(value, indent + 2)}`
    })
    .join('\n')
}

function flowText(tree: Node, indent: number): string {
  if (Array.isArray(tree)) return scalarText(tree[0], tree[1], indent)
  const items = tree.items.map(([name, value]) =>
    tree.sequence ? flowText(value, indent) : `${JSON.stringify(name)}: ${flowText(value, indent)}`,
  )
  return tree.sequence ? `[${items.join(', ')}]` : `{${items.join(', ')}}`
}

/** A mapping of nested values in block style, maybe repeated in flow style, with up to two pieces inserted. */
export const yamlDocuments = fc
  .tuple(
    fc.array(fc.tuple(word, node), { minLength: 1, maxLength: 5 }),
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          '#',
          ' #c',
          '\n',
          '\n\n',
          ' ',
          '\t',
          '"',
          "'",
          '-',
          '- ',
          ': ',
          '{',
          '[',
          '&a ',
          '*a',
          '|+',
          '? ',
          ...['\uFEFF', '\r', ':&a ', ':!!float ', ' '.repeat(1030), '\\U00000061', '\\\n', '--- ', '...\n'],
        ),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([items, withFlow, insertions]) => {
    const tree: Node = { sequence: false, items }
    let text = `${blockText(tree, 0)}\n${withFlow ? `f: ${flowText(tree, 2)}\n` : ''}`
    for (const [at, piece] of insertions) {
      const offset = at % (text.length + 1)
      text = text.slice(0, offset) + piece + text.slice(offset)
    }
    return text
  })
