/**
 * @module The quickest way to read the YAML most translation files are written in: mappings nested by
 * indentation, each value a one-line text, plain or quoted. One pass over the lines, no parser. Anything else,
 * and anything `yaml` could read otherwise, is declined and left to the readers that handle all of YAML
 * (kb/quick-yaml.ts, kb/yaml-source.ts).
 */
import { isWordCharacter } from '../word-character.ts'

// `key:` then the rest of the line: a plain key starts with a letter, a digit or `_`, holds no `:` or `#` and
// does not end in a space; a quoted key (a number written as text) holds no quote or `\`. `: ` (or `:` at the
// end of the line) ends it.
const keyLine = /^(?:([\p{L}\p{N}_][^:#]*?)(?<! )|"([^"\\]*)"|'([^']*)'):(?: +|$)/u
// yaml refuses a key of more than 1,024 characters up to its `:`; counted here with the indentation, the `:`
// and the spaces after it, so stricter than yaml, never looser.
const longestKey = 1024
// Characters that start something other than plain text at the start of a value (an indicator).
const indicator = /^[-?:,[\]{}#&*!|>'"%@`]/
// Characters YAML reads otherwise than as text, anywhere in the file: a tab, a control character other than
// the line feed, a line break YAML 1.1 knew, a byte-order mark, a non-character.
const unusual = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/
// Plain text that the core schema reads as null, a boolean or a number (kb/quick-yaml.ts has the same tests).
const notText =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)?$/

interface Open {
  indent: number
  value: Record<string, unknown>
}

/**
 * The data of `text` when it is a mapping of mappings and one-line texts, written in the plainest way: spaces
 * for indentation, keys without quotes, values plain (`a: some text`), single-quoted or double-quoted without
 * escapes, comments on lines of their own. `undefined` for anything else (a list, a text block, a text over
 * several lines, a number, an escape, a comment after a value, a duplicate key, a tab, CR line ends, mappings
 * nested `maxDepth` deep or deeper, …).
 *
 * @example
 * blockMapData('a:\n  b: some text\n  c: "{{x}} more"\n', {maxDepth: 64}) // {data: {a: {b: 'some text', c: '{{x}} more'}}}
 * blockMapData('a: 1\n', {maxDepth: 64}) // undefined: a number, left to the full readers
 */
export function blockMapData(
  text: string,
  limits: { maxDepth: number },
): { data: Record<string, unknown> } | undefined {
  if (unusual.test(text)) return undefined
  const root: Record<string, unknown> = {}
  const open: Open[] = [{ indent: 0, value: root }]
  // The key whose value is a mapping on the next lines, waiting for its first entry.
  let pending: { parent: Record<string, unknown>; key: string; indent: number } | undefined
  let entries = 0
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    let at = start
    while (text.charCodeAt(at) === 32) at++
    const indent = at - start
    const line = text.slice(at, end)
    start = end + 1
    // A blank line or a comment on a line of its own.
    if (line.length === 0 || line.charCodeAt(0) === 35) continue
    if (pending) {
      if (indent <= pending.indent) return undefined // `key:` with nothing under it is null
      // As deep as the other readers refuse (KB_YAML_TOO_DEEP): they say so, with the position.
      if (open.length >= limits.maxDepth) return undefined
      const value: Record<string, unknown> = {}
      pending.parent[pending.key] = value
      open.push({ indent, value })
      pending = undefined
    } else {
      while (open.length > 1 && indent < open.at(-1)!.indent) open.pop()
      // Deeper than its siblings (a text going on), or between two levels.
      if (indent !== open.at(-1)!.indent) return undefined
    }
    const found = keyOf(line)
    if (!found || indent + found.length > longestKey) return undefined
    const { key, plain } = found
    const parent = open.at(-1)!.value
    if ((plain && maybeNotText(key)) || key === '__proto__' || Object.hasOwn(parent, key)) return undefined
    const rest = line.slice(found.length)
    entries++
    if (rest.length === 0) {
      pending = { parent, key, indent }
      continue
    }
    if (rest === '|' || rest === '|-') {
      const block = literalBlock(text, start, indent, rest === '|-')
      if (block === undefined) return undefined
      parent[key] = block.value
      start = block.next
      continue
    }
    const value = oneLineText(rest)
    if (value === undefined) return undefined
    parent[key] = value
  }
  // An empty file is null, and a last `key:` with nothing under it too.
  if (pending || entries === 0) return undefined
  return { data: root }
}

/**
 * The key a line starts with as `keyLine` reads it, whether it is plain (not quoted), and the length of the
 * line up to its value; undefined when `keyLine` does not match. A plain key that starts with an ASCII
 * character is read without the expression, which costs more on every line of a file.
 */
function keyOf(line: string): { key: string; plain: boolean; length: number } | undefined {
  const first = line.charCodeAt(0)
  if (first < 128 && first !== 34 /* " */ && first !== 39 /* ' */) {
    if (!isWordCharacter(first)) return undefined
    // The key ends at the first `:`, holds no `#` and no space before the `:`, which a space or the end follows.
    const colon = line.indexOf(':')
    if (colon === -1 || line.charCodeAt(colon - 1) === 32 || line.lastIndexOf('#', colon) !== -1)
      return undefined
    let length = colon + 1
    if (length < line.length && line.charCodeAt(length) !== 32) return undefined
    while (line.charCodeAt(length) === 32) length++
    return { key: line.slice(0, colon), plain: true, length }
  }
  const match = keyLine.exec(line)
  if (!match) return undefined
  const plain = match[1]
  return { key: plain ?? match[2] ?? match[3]!, plain: plain !== undefined, length: match[0].length }
}

/**
 * The text block (`|`, or `|-` without its last line breaks) whose lines start at `from`, under a key indented
 * `keyIndent`, and where the lines after it start; `undefined` for a block the fast path does not read: one
 * starting with a blank line, empty, or with a blank line of more spaces than the block's indentation.
 */
function literalBlock(
  text: string,
  from: number,
  keyIndent: number,
  strip: boolean,
): { value: string; next: number } | undefined {
  const lines: string[] = []
  let indent = -1
  let start = from
  while (start < text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    let at = start
    while (text.charCodeAt(at) === 32) at++
    if (at === end) {
      // A blank line inside (or after) the block: an empty line of it, unless it has spaces to keep.
      if (indent === -1 || at - start > indent) return undefined
      lines.push('')
    } else {
      if (indent === -1) {
        if (at - start <= keyIndent) return undefined
        indent = at - start
      } else if (at - start < indent) break
      lines.push(text.slice(start + indent, end))
    }
    start = end + 1
  }
  if (indent === -1) return undefined
  // The blank lines before the next key belong to the block only as line breaks, which `|-` drops and `|`
  // keeps one of.
  while (lines.at(-1) === '') lines.pop()
  const body = lines.join('\n')
  return { value: strip ? body : `${body}\n`, next: start }
}

/** The text a one-line value stands for, or `undefined` when it is not one the fast path reads. */
function oneLineText(value: string): string | undefined {
  const first = value.charCodeAt(0)
  if (first === 34 /* " */) {
    const close = value.indexOf('"', 1)
    if (close === value.length - 1 && !value.includes('\\')) return value.slice(1, -1)
    return escapedText(value)
  }
  if (first === 39 /* ' */) {
    // `''` is a quote inside; the text ends at the first lone quote, which must end the line.
    const inner = value.slice(1, -1)
    if (value.length < 2 || value.charCodeAt(value.length - 1) !== 39) return undefined
    if (inner.replaceAll("''", '').includes("'")) return undefined
    return inner.replaceAll("''", "'")
  }
  if (indicator.test(value) || notPlain(value)) return undefined
  return maybeNotText(value) ? undefined : value
}

// `: ` or a closing `:` would make a mapping, ` #` a comment; trailing spaces are not part of the text. (The
// expression /: | #|[: ]$/ costs more: it tries its last branch at every character.)
function notPlain(value: string): boolean {
  const last = value.charCodeAt(value.length - 1)
  return last === 58 /* : */ || last === 32 || value.includes(': ') || value.includes(' #')
}

/** `notText`, tested only on what can start a null, a boolean or a number. */
function maybeNotText(plain: string): boolean {
  const first = plain.charCodeAt(0)
  // 0-9 + - . ~ N n T t F f
  const could = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 126
  return (could || 'NnTtFf'.includes(plain[0]!)) && notText.test(plain)
}

/** A double-quoted text whose only escapes are `\"` and `\\`, ending the line; `undefined` otherwise. */
function escapedText(value: string): string | undefined {
  let text = ''
  let from = 1
  for (let at = 1; at < value.length; at++) {
    const code = value.charCodeAt(at)
    if (code === 34 /* " */) return at === value.length - 1 ? text + value.slice(from, at) : undefined
    if (code === 92 /* \\ */) {
      const next = value[at + 1]
      if (next !== '"' && next !== '\\') return undefined
      text += value.slice(from, at) + next
      at++
      from = at + 1
    }
  }
  return undefined
}
