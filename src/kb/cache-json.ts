/**
 * @module JSON files that this program writes for itself (the cache folder, the build's snapshot), written in
 * ASCII: every other character escaped as `\uXXXX`. Read back, such a file is one byte per character, so it
 * skips the UTF-8 decoder and never becomes a string of two bytes per character. The compiled model of 1,000
 * articles (18 MB with a few thousand non-ASCII characters) was read in 2.3 times the time, and held twice the
 * memory until parsed.
 */
import { isAscii } from 'node:buffer'
import { readFileSync } from 'node:fs'

const nonAscii = /[\u0080-\uffff]/g

/**
 * `JSON.stringify(value)` with every character above U+007F escaped: the same value when parsed, in ASCII.
 * `value` is one that JSON can write (not `undefined` or a function).
 *
 * @example
 * asciiJson({title: 'Łódź'}) // '{"title":"\\u0141\\u00f3d\\u017a"}'
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    nonAscii,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * The JSON value in `file`: decoded as Latin-1 when every byte is ASCII (the same text, faster), else as UTF-8,
 * so a file written before `asciiJson` reads as it always did. Throws what `readFileSync` and `JSON.parse`
 * throw.
 *
 * @example
 * const model = readJsonFile(entries.file('rules', '')) as KnowledgeBaseModel
 */
export function readJsonFile(file: string): unknown {
  const bytes = readFileSync(file)
  return JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'))
}
