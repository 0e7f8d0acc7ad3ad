/**
 * @module The quick way to read a well-formed YAML file: `js-yaml`, about nine times as fast as `yaml` on the
 * rules and locale files, and reading the same data. Anything it might read differently from `yaml`, or not
 * at all, is left to `yaml` (kb/yaml-source.ts), which also says where each problem is.
 */
import jsYaml from 'js-yaml'
import { blockMapData } from './block-map-yaml.ts'
import { differsByText } from './yaml-text-checks.ts'

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

/**
 * Nesting deeper than this is refused before it can exhaust the stack.
 *
 * @example
 * quickYamlData(`a: ${'['.repeat(maxDepth + 1)}${']'.repeat(maxDepth + 1)}`) // undefined: yaml refuses it
 */
export const maxDepth = 64

/**
 * The data of `text` read without a parser when it is a plain mapping of texts (kb/block-map-yaml.ts), else by
 * `js-yaml`; or `undefined` when `yaml` must read it: a syntax error, a duplicate
 * key, text {@link differsByText}, a key `null` (read as `''` by yaml), a collection used as a key, an alias
 * of a collection, nesting deeper than `maxDepth`, a file that is not a collection, a double-quoted text with
 * a `\U` escape or a line ending in `\`, or a quoted text or bracketed collection that goes on over lines not
 * indented deeper than it starts.
 *
 * @example
 * quickYamlData('kind: facts\nfacts: []\n') // {data: {kind: 'facts', facts: []}}
 * quickYamlData('a: 1\na: 2\n') // undefined
 */
export function quickYamlData(text: string): { data: unknown } | undefined {
  // Most translation files need no parser at all.
  const plain = blockMapData(text, { maxDepth })
  if (plain) return plain
  if (differsByText(text)) return undefined
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
    const end = state.position
    if (state.kind === 'scalar' ? first === '"' || first === "'" : first === '[' || first === '{')
      differs = laterLineTooShallow(text, start, end)
    if (state.kind === 'scalar' && first === '"') differs ||= escapeDiffers(text.slice(start, end))
    if (state.kind !== 'scalar' && (first === '[' || first === '{'))
      differs ||= isFlowKey(text, start, end, starts.at(-1))
  }
  try {
    // js-yaml's own depth limit only keeps its recursion off the end of the stack: plainTree decides.
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
  return plainTree(data, 0, new Set()) ? { data } : undefined
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
  // Mostly nothing lies between: no comment, no need to find the column.
  let comment = from
  while (comment < start && text.charCodeAt(comment) !== 35 /* # */) comment++
  if (comment === start) return false
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
  // Searched within the node only: on one long line of many nodes, each search to its end would add up.
  let lineEnd = -1
  for (let at = start; at < end && lineEnd === -1; at++) if (text.charCodeAt(at) === 10) lineEnd = at
  if (lineEnd === -1) return false
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

/** Whether a double-quoted text holds an escape the two read differently: `\U…`, or `\` ending a line. */
function escapeDiffers(quoted: string): boolean {
  return quoted.includes('\\U') || /\\\r?\n/.test(quoted)
}

const entryMarkers = /^(?: *- +)* */

/**
 * Whether the bracketed collection from `start` to `end` is a key: followed by `:`, or written right after the
 * `{` or `,` of the bracketed mapping around it (`parent`), as in `{{p}}`.
 */
function isFlowKey(text: string, start: number, end: number, parent: number | undefined): boolean {
  let after = end
  while (text[after] === ' ' || text[after] === '\t') after++
  if (text[after] === ':') return true
  if (parent === undefined || text[parent] !== '{') return false
  let before = start - 1
  while (before > parent && /\s/.test(text[before]!)) before--
  return text[before] === '{' || text[before] === ','
}

/**
 * Whether `value` is a tree no deeper than `maxDepth`, with no key `null` and no object reached twice (an
 * alias of a collection, which js-yaml shares and yaml copies, counting the copies). The text checks let no
 * anchor through; this keeps an alias bomb out should one ever pass them.
 */
function plainTree(value: unknown, depth: number, seen: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (depth >= maxDepth || seen.has(value)) return false
  seen.add(value)
  if (Array.isArray(value)) return value.every((item) => plainTree(item, depth + 1, seen))
  for (const key in value) {
    if (key === 'null') return false
    if (!plainTree((value as Record<string, unknown>)[key], depth + 1, seen)) return false
  }
  return true
}
