/**
 * @module Where a log record starts: a timestamp in any of the shapes found in the wild, or a
 * placeholder that documentation and pasted copies put in its place.
 */

/** Placeholders written instead of a timestamp in KB articles and advisories (en, pl, nb; nl uses en). */
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
// Tabs may have become spaces or vanished between date and time.
const GAP = String.raw`[\sT]{0,4}`
// A placeholder counts only when followed by what follows a timestamp (PID and TID, `UTC`, a level).
const PLACEHOLDER = String.raw`(?:${TIMESTAMP_PLACEHOLDERS.join('|')})(?=[\s\x60]{1,4}(?:\d{1,6}[\s\x60]{1,4}[0-9A-Fa-f]{1,8}\b|UTC\b|Error\b|Warning\b|Info\b))`

/**
 * A record start at the beginning of a physical line, after optional indentation or a Markdown
 * backtick; group 1 is the timestamp as written. The fraction is optional here.
 */
export const LINE_START = new RegExp(
  String.raw`^[\s\x60]{0,16}(${DATE}${GAP}${TIME}(?:${FRACTION})?|${PLACEHOLDER})`,
)

/**
 * A record start inside a line (records pasted onto one line). Stricter than {@link LINE_START}:
 * the fraction is required, so a date in a message does not split it.
 */
export const MID_LINE_START = new RegExp(`${DATE}${GAP}${TIME}${FRACTION}|${PLACEHOLDER}`, 'g')

/** Longest text a record start can span; a long line is cut no closer than this to its end. */
export const MAX_START_LENGTH = 64

/**
 * Whether a line without a timestamp continues the previous record: indented lines, .NET stack
 * frames (`at ...`, also unindented in the KB article) and `---` exception separators.
 */
export function isContinuation(text: string): boolean {
  return /^(?:[\s\x60]|at\s|---)/.test(text)
}
