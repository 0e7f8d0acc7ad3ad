/**
 * @module The YAML constructs js-yaml and yaml read differently (or only one of them refuses), found in the
 * text before either reads it. Every check costs a constant per occurrence of its character, or one pass.
 */

const space = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\r'
const spaceOrEnd = (text: string, at: number) => at >= text.length || space(text[at])
// Where an indicator can start a token: a `"a":!!float 1` in brackets needs no space after the `:`.
const tokenStart = (text: string, at: number) => at === 0 || ' \t\r\n[{,:'.includes(text[at - 1]!)
const lineStart = (text: string, at: number) => at === 0 || text[at - 1] === '\n'
const digit = (char: string | undefined) => char !== undefined && char >= '1' && char <= '9'

/** Whether the rest of the line from `at` is blank or a comment. */
function restOfLineEmpty(text: string, at: number): boolean {
  while (text[at] === ' ' || text[at] === '\t') at++
  return at >= text.length || text[at] === '\n' || text[at] === '\r' || text[at] === '#'
}

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
  const lineEnd = lineEndFrom(text, after)
  return (
    lineEnd !== text.length &&
    restOfLineEmpty(text, lineEnd + 1) &&
    lineEndFrom(text, lineEnd + 1) !== text.length
  )
}

// The last line end found: many `|` on one long line (a comment, a table) would otherwise each search to it.
const noLineEnd = { text: '', from: 0, end: -1 }
let lastLineEnd = noLineEnd

/** The offset of the `\n` ending the line that holds `at`, or the text's length. */
function lineEndFrom(text: string, at: number): number {
  if (lastLineEnd.text === text && lastLineEnd.from <= at && at <= lastLineEnd.end) return lastLineEnd.end
  const newline = text.indexOf('\n', at)
  lastLineEnd = { text, from: at, end: newline === -1 ? text.length : newline }
  return lastLineEnd.end
}

/** Whether the `#` at `at` follows a quote or bracket (`"a"#`, `"a" :#`) without a space: yaml refuses it. */
function commentTooClose(text: string, at: number): boolean {
  let before = at - 1
  if (text[before] === ':') {
    before--
    while (text[before] === ' ' || text[before] === '\t') before--
  }
  return before >= 0 && '"\'[]{},'.includes(text[before]!)
}

/** Whether the tab at `at` has only spaces before it on its line: yaml refuses tabs in the indentation. */
function tabInIndentation(text: string, at: number): boolean {
  let before = at - 1
  while (text[before] === ' ') before--
  return before < 0 || text[before] === '\n'
}

/**
 * Whether the `-` at `at` starts a document (after a directive, `%YAML 1.1` changing the schema, since without
 * `---` both refuse one; or with content on its line, which yaml refuses and js-yaml reads), or is an entry
 * with nothing after it on its line, which js-yaml can join to the next entry.
 */
function dashDiffers(text: string, at: number): boolean {
  if (lineStart(text, at) && text.startsWith('---', at)) return true
  return (at === 0 || ' \t\n'.includes(text[at - 1]!)) && restOfLineEmpty(text, at + 1)
}

// Each character that can start a difference, and what around it makes one.
const differences: Array<[string, (text: string, at: number) => boolean]> = [
  // A byte-order mark: js-yaml drops it, so the positions it reports no longer match the text.
  ['\uFEFF', () => true],
  // A carriage return alone: a line break to js-yaml, text to yaml.
  ['\r', (text, at) => text[at + 1] !== '\n'],
  // A tag: yaml keeps `!!float 1` as text.
  ['!', tokenStart],
  // An explicit `? ` key.
  ['?', (text, at) => tokenStart(text, at) && spaceOrEnd(text, at + 1)],
  // An anchor, and so any alias: yaml counts their expansions, js-yaml shares them.
  ['&', (text, at) => tokenStart(text, at) && !spaceOrEnd(text, at + 1)],
  ['#', commentTooClose],
  ['\t', tabInIndentation],
  ['|', textBlockDiffers],
  ['>', textBlockDiffers],
  ['-', dashDiffers],
]

// yaml refuses a key of more than 1,024 characters from its start to its `:`.
const longestKeyLine = 1024

/** Whether a line longer than yaml's key limit has a `:` past it (a key that may be too long). */
function colonPastKeyLimit(text: string): boolean {
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    if (lineEnd - lineStart > longestKeyLine) {
      const colon = text.indexOf(':', lineStart + longestKeyLine)
      if (colon !== -1 && colon < lineEnd) return true
    }
    lineStart = lineEnd + 1
  }
  return false
}

/**
 * Whether `text` holds a construct that js-yaml and yaml may read differently, or that only yaml refuses.
 *
 * @example
 * differsByText('a: !!float 1\n') // true: yaml reads the text '1'
 * differsByText('a: 1\n') // false
 */
export function differsByText(text: string): boolean {
  try {
    for (const [char, differs] of differences)
      for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1))
        if (differs(text, at)) return true
    return colonPastKeyLimit(text)
  } finally {
    lastLineEnd = noLineEnd
  }
}
