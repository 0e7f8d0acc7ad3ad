/**
 * @module Where a log record starts: a timestamp in any of the shapes found in the wild, or a
 * placeholder that documentation and pasted copies put in its place.
 */

/**
 * Placeholders written instead of a timestamp in KB articles and advisories (en, pl, nb; nl uses en).
 *
 * @example
 * TIMESTAMP_PLACEHOLDERS.some((placeholder) => line.startsWith(placeholder))
 */
export const TIMESTAMP_PLACEHOLDERS = [
  'Date Time',
  'Data Godzina',
  'Dato Klokkeslett',
  '<Date> <Time>',
] as const

// `2008-06-13`, `2020/11/22`, `2024.04.12`, and day-first `13.06.2008`.
const DATE = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})`
const TIME = String.raw`\d{1,2}:\d{2}:\d{2}`
// Classic `:mmm`, Get-WindowsUpdateLog `.fffffff`, SoftwareDistribution.log `.mmm` or `,mmm`.
const FRACTION = String.raw`[:.,]\d{1,7}`
// Tabs may have become spaces or vanished between date and time. `space` is a class body.
const gap = (space: string) => `[${space}T]{0,4}`
// A placeholder counts only when followed by what follows a timestamp (PID and TID, `UTC`, a level).
const placeholder = (space: string) =>
  String.raw`(?:${TIMESTAMP_PLACEHOLDERS.join('|')})(?=[${space}\x60]{1,4}(?:\d{1,6}[${space}\x60]{1,4}[0-9A-Fa-f]{1,8}\b|UTC\b|Error\b|Warning\b|Info\b))`
const lineStart = (space: string) =>
  String.raw`[${space}\x60]{0,16}(${DATE}${gap(space)}${TIME}(?:${FRACTION})?|${placeholder(space)})`

/**
 * What `\s` matches except `\r` and `\n`, as a class body: white space inside one line.
 *
 * @example
 * new RegExp(`[${SPACE_IN_LINE}]`).test('\n') // false
 */
export const SPACE_IN_LINE = String.raw`\t\v\f \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`

/**
 * A record start at the beginning of a physical line, after optional indentation or a Markdown
 * backtick; group 1 is the timestamp as written. The fraction is optional here.
 *
 * @example
 * LINE_START.exec('2008-06-13 19:59:53:383 3452 a8c Agent')?.[1] // '2008-06-13 19:59:53:383'
 */
export const LINE_START = new RegExp(`^${lineStart(String.raw`\s`)}`)

/**
 * {@link LINE_START} for a line inside a larger text: sticky (set `lastIndex` to the line's start),
 * and no class matches `\r` or `\n`, so it neither reads nor looks past the line's end and finds
 * exactly what `LINE_START` finds on the line cut out. `lastIndex` is then the end of the timestamp.
 *
 * @example
 * LINE_START_AT.lastIndex = 4
 * LINE_START_AT.test('x\r\n\n2008-06-13 19:59:53:383 PT') // true, lastIndex 27
 */
export const LINE_START_AT = new RegExp(lineStart(SPACE_IN_LINE), 'y')

/**
 * A record start inside a line (records pasted onto one line). Stricter than {@link LINE_START}:
 * the fraction is required, so a date in a message does not split it.
 *
 * @example
 * MID_LINE_START.lastIndex = 0
 * MID_LINE_START.exec('… done 2008-06-13 19:59:53:383 Agent')?.index // 7
 */
export const MID_LINE_START = new RegExp(
  `${DATE}${gap(String.raw`\s`)}${TIME}${FRACTION}|${placeholder(String.raw`\s`)}`,
  'g',
)

/**
 * Longest text a record start can span; a long line is cut no closer than this to its end.
 *
 * @example
 * const cut = text.length - MAX_START_LENGTH // no record start begins after this
 */
export const MAX_START_LENGTH = 64

/**
 * Whether a line without a timestamp continues the previous record: indented lines, .NET stack
 * frames (`at ...`, also unindented in the KB article) and `---` exception separators.
 *
 * @example
 * isContinuation('   at System.Web.Services.Protocols') // true
 * isContinuation('2008-06-13 19:59:53:383 Agent') // false
 */
export function isContinuation(text: string): boolean {
  return /^(?:[\s\x60]|at\s|---)/.test(text)
}

/**
 * What `/[\s\x60]/` matches, by character code: JavaScript white space, line terminators, the backtick.
 *
 * @example
 * isSpaceOrBacktick(0x3000) // true
 */
export function isSpaceOrBacktick(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 160) return code === 96
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  )
}

/**
 * `/^[\s\x60]*$/` on `source[start, end)`, without cutting it out.
 *
 * @example
 * isBlankAt('x\n \x60\n', 2, 4) // true
 */
export function isBlankAt(source: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (!isSpaceOrBacktick(source.charCodeAt(index))) return false
  return true
}

/**
 * {@link isContinuation} on the line `source[start, end)` (non-empty, no line break), without cutting it out.
 *
 * @example
 * continuesAt('x\n   at A.B()\n', 2, 13) // true
 */
export function continuesAt(source: string, start: number, end: number): boolean {
  const first = source.charCodeAt(start)
  if (isSpaceOrBacktick(first)) return true
  if (end - start >= 3 && first === 97 && source.charCodeAt(start + 1) === 116)
    return isSpaceOrBacktick(source.charCodeAt(start + 2)) && source.charCodeAt(start + 2) !== 96
  return (
    end - start >= 3 &&
    first === 45 &&
    source.charCodeAt(start + 1) === 45 &&
    source.charCodeAt(start + 2) === 45
  )
}
