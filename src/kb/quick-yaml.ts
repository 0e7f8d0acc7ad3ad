/**
 * @module The quick way to read a well-formed YAML file: `js-yaml`, about nine times as fast as `yaml` on the
 * rules and locale files, and reading the same data. Anything it might read differently from `yaml`, or not
 * at all, is left to `yaml` (kb/yaml-source.ts), which also says where each problem is.
 */
import jsYaml from 'js-yaml'

// The scalars of `yaml`'s core schema (yaml/dist/schema/core), the same tests and the same values: js-yaml's own
// core schema reads some differently (`-.5` stays text, `1_000` is a number).
const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => test.test(text ?? ''),
    construct: (text: string | null) => construct(text ?? ''),
  })

const yamlCoreSchema = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
    scalar('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o')
        ? Number.parseInt(text.slice(2), 8)
        : text.startsWith('0x')
          ? Number.parseInt(text.slice(2), 16)
          : Number.parseInt(text, 10),
    ),
    scalar(
      'float',
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/,
      (text) =>
        /nan$/i.test(text)
          ? Number.NaN
          : /inf$/i.test(text)
            ? text[0] === '-'
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY
            : Number.parseFloat(text),
    ),
  ],
})

const space = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\r'
const spaceOrEnd = (text: string, at: number) => at >= text.length || space(text[at])
const tokenStart = (text: string, at: number) => at === 0 || ' \t\r\n[{,'.includes(text[at - 1]!)
const lineStart = (text: string, at: number) => at === 0 || text[at - 1] === '\n'

/** Whether the rest of the line from `at` is blank or a comment. */
function restOfLineEmpty(text: string, at: number): boolean {
  while (text[at] === ' ' || text[at] === '\t') at++
  return at >= text.length || text[at] === '\n' || text[at] === '\r' || text[at] === '#'
}

const digit = (char: string | undefined) => char !== undefined && char >= '1' && char <= '9'

/** Whether the `|` or `>` at `at` starts a text block that js-yaml and yaml may read differently. */
function textBlockDiffers(text: string, at: number): boolean {
  let after = at + 1
  const indicator = text[after]
  // An indentation number (`|1`, `|-1`) or keeping the last line breaks (`|+`).
  if (indicator === '+' || digit(indicator) || (indicator === '-' && digit(text[after + 1]))) return true
  // Starting with an empty line: yaml refuses it when it has more spaces than the first line of text.
  let before = at - 1
  if (text[before] !== ' ' && text[before] !== '\t') return false
  while (text[before] === ' ' || text[before] === '\t') before--
  if (text[before] !== ':' && text[before] !== '-') return false
  if (indicator === '-') after++
  if (!restOfLineEmpty(text, after)) return false
  const lineEnd = text.indexOf('\n', after)
  return lineEnd !== -1 && restOfLineEmpty(text, lineEnd + 1) && text.indexOf('\n', lineEnd + 1) !== -1
}

// Where the two parsers part ways: a character, and what around it makes the difference.
const differences: Array<[string, (text: string, at: number) => boolean]> = [
  // A directive: `%YAML 1.1` changes the schema.
  ['%', lineStart],
  // A tag: yaml keeps `!!float 1` as text.
  ['!', tokenStart],
  // An explicit `? ` key.
  ['?', (text, at) => tokenStart(text, at) && spaceOrEnd(text, at + 1)],
  // An anchor, and so any alias.
  ['&', (text, at) => tokenStart(text, at) && !spaceOrEnd(text, at + 1)],
  // A comment right after a quote or bracket (`"a"#`, `"a":#`): yaml refuses it.
  [
    '#',
    (text, at) => {
      let before = at - 1
      if (text[before] === ':') while (text[--before] === ' ' || text[before] === '\t');
      return before >= 0 && '"\'[]{},'.includes(text[before]!)
    },
  ],
  // A tab in the indentation: yaml refuses it.
  [
    '\t',
    (text, at) => {
      let before = at - 1
      while (text[before] === ' ') before--
      return before < 0 || text[before] === '\n'
    },
  ],
  ['|', textBlockDiffers],
  ['>', textBlockDiffers],
  // A `-` with nothing after it on its line: js-yaml can join it to the next entry.
  ['-', (text, at) => (at === 0 || ' \t\n'.includes(text[at - 1]!)) && restOfLineEmpty(text, at + 1)],
]

/** Whether the text has something {@link differences} names. */
function beyondQuickPath(text: string): boolean {
  for (const [char, differs] of differences)
    for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1))
      if (differs(text, at)) return true
  return false
}

// One character of a key can take six in the file (`\\u00e9`), and yaml refuses keys over 1,024.
const longestKey = 170

/**
 * The data of `text` read by `js-yaml`, or `undefined` when `yaml` must read it: a syntax error, a duplicate
 * key, a key `null` (read as `''` by yaml), a collection used as a key, nesting deeper than `maxDepth`, a file
 * that is not a collection, text that has one of the {@link differences}, or a quoted text or bracketed collection that goes on
 * over lines not indented deeper than it starts.
 *
 * @example
 * quickYamlData('kind: facts\nfacts: []\n', 64) // {data: {kind: 'facts', facts: []}}
 * quickYamlData('a: 1\na: 2\n', 64) // undefined
 */
export function quickYamlData(text: string, maxDepth: number): { data: unknown } | undefined {
  if (beyondQuickPath(text)) return undefined
  let data: unknown
  let differs = false
  // Where each node being read starts, after spaces and comments.
  const starts: number[] = []
  const listener = (event: 'open' | 'close', state: jsYaml.State) => {
    if (event === 'open') {
      const start = contentStart(text, state.position)
      // yaml refuses a value written after a comment less indented than the value, as in `a:\n#c\n  b\nc: 1`.
      if (starts.length > 0) differs ||= commentLessIndented(text, state.position, start)
      starts.push(start)
      return
    }
    const start = starts.pop() ?? 0
    if (differs) return
    // A block mapping starts where its first key does: only a scalar is quoted, a collection bracketed.
    const first = text[start]
    if (state.kind === 'scalar' ? first === '"' || first === "'" : first === '[' || first === '{')
      differs = laterLineTooShallow(text, start, state.position)
    if (state.kind !== 'scalar' && (first === '[' || first === '{'))
      differs ||= isFlowKey(text, start, state.position, starts.at(-1))
  }
  try {
    data = jsYaml.load(text, {
      schema: yamlCoreSchema,
      listener,
      maxDepth: maxDepth + 2,
    } as jsYaml.LoadOptions)
  } catch {
    return undefined
  }
  // js-yaml reads an empty file as `undefined` (yaml: `null`), and a text block at the top with more lines.
  if (differs || typeof data !== 'object' || data === null) return undefined
  return plainTree(data, 0, maxDepth) ? { data } : undefined
}

/** The offset of the first character of the node read from `at`: past spaces and comments. */
function contentStart(text: string, at: number): number {
  for (;;) {
    const code = text.charCodeAt(at)
    if (code === 32 || code === 10 || code === 13 || code === 9) at++
    else if (code === 35 /* # */) {
      const lineEnd = text.indexOf('\n', at)
      at = lineEnd === -1 ? text.length : lineEnd
    } else return at
  }
}

/** Whether a comment line between `from` and the content at `start` begins left of the content's column. */
function commentLessIndented(text: string, from: number, start: number): boolean {
  const column = start - text.lastIndexOf('\n', start - 1) - 1
  let lineIndent = -1
  for (let at = from; at < start; at++) {
    const char = text[at]
    if (char === '\n') lineIndent = 0
    else if (char === ' ' && lineIndent >= 0) lineIndent++
    else if (char === '#' && lineIndent >= 0 && lineIndent < column) return true
    else lineIndent = -1
  }
  return false
}

/**
 * Whether a line of the node from `start` to `end` after its first is indented no deeper than the block it is
 * in: the key before it on its line, or else its `-`, or else itself. yaml refuses some of these, js-yaml none.
 */
function laterLineTooShallow(text: string, start: number, end: number): boolean {
  let lineEnd = text.indexOf('\n', start)
  if (lineEnd === -1 || lineEnd >= end) return false
  const lineStart = text.lastIndexOf('\n', start) + 1
  const before = text.slice(lineStart, start)
  const markers = entryMarkers.exec(before)![0]
  const column =
    markers.length === before.length && markers.includes('-') ? markers.lastIndexOf('-') : markers.length
  while (lineEnd !== -1 && lineEnd < end) {
    let indent = lineEnd + 1
    while (text[indent] === ' ') indent++
    const blank = indent >= text.length || text[indent] === '\n' || text[indent] === '\r'
    if (!blank && indent - lineEnd - 1 <= column) return true
    lineEnd = text.indexOf('\n', lineEnd + 1)
  }
  return false
}

const entryMarkers = /^(?: *- +)* */

/**
 * Whether the bracketed collection from `start` to `end` is a key: followed by `:`, or written right after the
 * `{` or `,` of the bracketed mapping around it (`parent`), as in `{{p}}`.
 */
function isFlowKey(text: string, start: number, end: number, parent: number | undefined): boolean {
  if (/^[ \t]*:/.test(text.slice(end, end + 64))) return true
  if (parent === undefined || text[parent] !== '{') return false
  let before = start - 1
  while (before > parent && /\s/.test(text[before]!)) before--
  return text[before] === '{' || text[before] === ','
}

/**
 * Whether `value` is a tree no deeper than `maxDepth`, with no key `null` and none so long
 * that it might pass yaml's limit of 1,024 characters for a key on its line.
 */
function plainTree(value: unknown, depth: number, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (depth >= maxDepth) return false
  if (Array.isArray(value)) return value.every((item) => plainTree(item, depth + 1, maxDepth))
  for (const key in value) {
    if (key === 'null' || key.length > longestKey) return false
    if (!plainTree((value as Record<string, unknown>)[key], depth + 1, maxDepth)) return false
  }
  return true
}
