/**
 * @module Many literals searched in one pass: the signature literals of every article of a large knowledge
 * base. One regular expression finds the few distinct first characters the literals start with (a trie,
 * small however many literals share them); only there are the literals of that start compared, one set
 * lookup per distinct length. A regular expression of thousands of alternatives is too large to compile to
 * machine code and tries them one after another at each position.
 */

/**
 * A fixed set of literals (no empty one) and where they occur in a text.
 *
 * @example
 * const set = new LiteralSet(['SOAP Fault', 'ErrorCode'])
 * set.next('x SOAP Fault', 0) // 2
 * set.occursIn('no fault here') // false
 * set.present('ErrorCode: 5') // ['ErrorCode']
 */
export class LiteralSet {
  readonly literals: readonly string[]
  private readonly width: number
  private readonly starts: RegExp
  private readonly known: Set<string>
  /** The lengths of the literals beginning with each start, longest first. */
  private readonly lengths = new Map<string, number[]>()

  constructor(literals: readonly string[]) {
    this.literals = [...new Set(literals)]
    if (this.literals.length === 0 || this.literals.some((literal) => literal.length === 0))
      throw new RangeError('Expected one or more literals of at least one character')
    this.known = new Set(this.literals)
    this.width = Math.min(4, ...this.literals.map((literal) => literal.length))
    for (const literal of this.literals) {
      const start = literal.slice(0, this.width)
      const lengths = this.lengths.get(start) ?? []
      if (!lengths.includes(literal.length)) lengths.push(literal.length)
      this.lengths.set(start, lengths)
    }
    this.starts = new RegExp(trie([...this.lengths.keys()]), 'g')
  }

  /** Where the first literal starting at or after `from` starts, or -1: what a `g` alternation's `exec` gives as `index`. */
  next(text: string, from: number): number {
    const starts = this.starts
    starts.lastIndex = Math.max(0, from)
    // `test` allocates no match: every start has the same width, so it ends at `lastIndex`.
    while (starts.test(text)) {
      const at = starts.lastIndex - this.width
      if (this.literalAt(text, at) !== undefined) return at
      starts.lastIndex = at + 1
    }
    return -1
  }

  /** Whether any literal occurs in `text`. */
  occursIn(text: string): boolean {
    return this.next(text, 0) !== -1
  }

  /** Every literal that occurs in `text`, each once. */
  present(text: string): string[] {
    const found = new Set<string>()
    // Only where one starts (`next`): there every length that begins with the same characters is tried.
    for (let at = this.next(text, 0); at !== -1; at = this.next(text, at + 1)) {
      for (const length of this.lengths.get(text.slice(at, at + this.width))!) {
        const candidate = text.slice(at, at + length)
        if (this.known.has(candidate)) found.add(candidate)
      }
    }
    return [...found]
  }

  private literalAt(text: string, at: number): string | undefined {
    for (const length of this.lengths.get(text.slice(at, at + this.width))!) {
      const candidate = text.slice(at, at + length)
      if (this.known.has(candidate)) return candidate
    }
    return undefined
  }
}

/** A pattern matching exactly the given strings (all of one length), with shared beginnings factored out. */
function trie(words: readonly string[]): string {
  const groups = new Map<string, string[]>()
  for (const word of words) {
    if (word === '') return ''
    const rest = groups.get(word[0]!) ?? []
    rest.push(word.slice(1))
    groups.set(word[0]!, rest)
  }
  const alternatives = [...groups].map(([first, rest]) => escapeRegExp(first) + trie(rest))
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}
