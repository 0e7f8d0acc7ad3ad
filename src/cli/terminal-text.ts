/** @module Text from input (logs, facts, file names) made safe to print on a terminal. */

// C0 controls but tab and newline, DEL, and the C1 controls (U+009B is a one-character CSI).
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * Replace control characters that a terminal would act on (escape sequences, carriage returns, bells) by
 * a visible `\xNN`; tabs and newlines stay.
 *
 * @example
 * escapeControls('\u001b[31mred\u001b[0m') // '\\x1b[31mred\\x1b[0m'
 */
export function escapeControls(text: string): string {
  return text.replace(controls, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
}
