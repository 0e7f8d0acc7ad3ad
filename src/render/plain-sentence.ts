/**
 * @module Strings that Markdown reads as one paragraph of plain text, recognized without loading the parser
 * (unified, remark-parse and remark-gfm take longer to load than the rest of a `kb check`).
 */
import type { Root } from 'mdast'

// One line that Markdown and GFM read as one paragraph of text, whatever it says: it starts with a letter (no
// list, heading, quote or code), holds no character that starts syntax (emphasis, code, links, HTML,
// references, escapes, tables, strikethrough), no web or mail address for GFM to link, no tab and no
// surrogate pair (positions count them differently), and ends without a space. Most strings are such
// sentences; the parser is what costs when documents and the search index are rendered.
const sentence = /^[\p{L}\uE000][\p{L}\p{M}\p{N} .,;:?'"()%/=+\-\uE000\uE001]*$/u
const surrogate = /[\uD800-\uDFFF]/
const webAddress = /:\/\/|www\./i

/**
 * Whether the parser would read `text` as one paragraph of plain text (see above).
 *
 * @example
 * isPlainSentence('Open the console.') // true
 * isPlainSentence('Open **the** console.') // false
 */
export function isPlainSentence(text: string): boolean {
  return sentence.test(text) && !text.endsWith(' ') && !surrogate.test(text) && !webAddress.test(text)
}

/**
 * The tree the parser gives for a plain sentence (`isPlainSentence`), positions included.
 *
 * @example
 * sentenceTree('Open the console.').children[0].type // 'paragraph'
 */
export function sentenceTree(text: string): Root {
  const position = () => ({
    start: { line: 1, column: 1, offset: 0 },
    end: { line: 1, column: text.length + 1, offset: text.length },
  })
  return {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [{ type: 'text', value: text, position: position() }],
        position: position(),
      },
    ],
    position: position(),
  }
}
