/**
 * @module Many literals matched ignoring case, as one regular expression of them would match them, at a cost
 * that does not grow with their number. An alternation of thousands of literals (every log line of a thousand
 * articles) is too large to compile to machine code and tries each literal at each position of each text.
 */
import { LiteralSet } from '../logs/literal-set.ts'

/**
 * Finds what `new RegExp(literals.map(escape).join('|'), 'i').exec(text)` finds: the leftmost match and, at
 * that position, the first literal in the given order.
 *
 * @example
 * new LiteralAlternation(['Fault occurred', 'fault']).exec('A FAULT occurred') // {index: 2, 0: 'FAULT occurred'}
 */
export class LiteralAlternation {
  readonly #set: LiteralSet
  // The place of each literal, by its case-folded form (the first of literals that fold alike).
  readonly #order = new Map<string, number>()
  readonly #lengths: number[]
  readonly #lineBreaks: boolean

  /** `literals`: one or more, none empty. */
  constructor(literals: readonly string[]) {
    literals.forEach((literal, index) => {
      const folded = foldCase(literal)
      if (!this.#order.has(folded)) this.#order.set(folded, index)
    })
    this.#set = new LiteralSet([...this.#order.keys()])
    this.#lengths = [...new Set([...this.#order.keys()].map((folded) => folded.length))]
    this.#lineBreaks = literals.some((literal) => literal.includes('\n'))
  }

  /** The match, as the regular expression's `exec` gives its index and text, or null. */
  exec(text: string): { index: number; 0: string } | null {
    const folded = foldCase(text)
    const index = this.#set.next(folded, 0)
    return index === -1 ? null : { index, 0: text.slice(index, index + this.#lengthAt(folded, index)) }
  }

  /**
   * `exec` of each text, searched as one text: a search costs about as much for a sentence as for a page,
   * and the translations of a thousand articles are hundreds of thousands of sentences. `joined`: the texts
   * joined by line breaks, and `folded`: `foldCase(joined)`, when the caller has them already.
   *
   * @example
   * new LiteralAlternation(['fault']).execEach(['no', 'A FAULT']) // [null, {index: 2, 0: 'FAULT'}]
   */
  execEach(
    texts: readonly string[],
    joined: string = texts.join('\n'),
    // Folded per character, so each text keeps its place in the joined one.
    folded: string = foldCase(joined),
  ): ({ index: number; 0: string } | null)[] {
    // A literal holding a line break could match across two texts joined by one.
    if (this.#lineBreaks) return texts.map((text) => this.exec(text))
    const found: ({ index: number; 0: string } | null)[] = texts.map(() => null)
    let text = 0
    let start = 0
    while (text < texts.length) {
      const at = this.#set.next(folded, start)
      if (at === -1) break
      // No literal starts at a line break: `at` is inside a text, the first one ending after it.
      while (start + texts[text]!.length < at) start += texts[text++]!.length + 1
      const index = at - start
      found[text] = { index, 0: texts[text]!.slice(index, index + this.#lengthAt(folded, at)) }
      start += texts[text++]!.length + 1
    }
    return found
  }

  // The length of the first literal, in the given order, that starts at `index` of the folded text.
  #lengthAt(folded: string, index: number): number {
    let first: { order: number; length: number } | undefined
    for (const length of this.#lengths) {
      const order = this.#order.get(folded.slice(index, index + length))
      if (order !== undefined && (first === undefined || order < first.order)) first = { order, length }
    }
    // Folding keeps every character in its place, so the match is the same span of the text.
    return first!.length
  }
}

const folds = new Map<number, string>()

/**
 * The text as a regular expression with the `i` flag (and without `u`) compares it: each character upper-cased
 * when that gives one character, and a non-ASCII one never to an ASCII one (ECMAScript's `Canonicalize`).
 */
export function foldCase(text: string): string {
  // The whole text at once when that is the same: no character became two (`ß` → `SS`), none is half of a
  // surrogate pair (folded alone, so kept), and none of the two whose capital is ASCII (`ı` → `I`, `ſ` → `S`).
  const upper = text.toUpperCase()
  if (upper.length === text.length && !/[\u0131\u017f\ud800-\udfff]/.test(text)) return upper
  let folded = ''
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    let fold = folds.get(code)
    if (fold === undefined) {
      const char = String.fromCharCode(code)
      const upper = char.toUpperCase()
      fold = upper.length !== 1 || (code >= 128 && upper.charCodeAt(0) < 128) ? char : upper
      folds.set(code, fold)
    }
    folded += fold
  }
  return folded
}
