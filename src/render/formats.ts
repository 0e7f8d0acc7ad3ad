/** @module The output formats of a document; no dependencies, so the public entry point stays light. */

/**
 * The output formats of a document.
 *
 * @example
 * formats.map((format) => `954960-kb.en.${format}`)
 */
export const formats = ['md', 'html', 'text'] as const
/** One of `formats`. */
export type Format = (typeof formats)[number]
