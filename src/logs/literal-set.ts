/**
 * @module Many literals searched in one pass: the signature literals of every article of a large knowledge
 * base. Each literal is found through one piece of it (a gram of up to six characters), chosen when the first
 * text is searched so that few grams cover all the literals and each is rare in that text: V8 finds a short
 * string with `memchr` on its first character, far faster than an alternation of the literals, whose cost grows
 * with the number of its branches. Where a gram occurs, only the literals holding it are compared.
 */

// V8 searches a string of up to six characters linearly from its first character, a longer one with a
// Boyer-Moore variant that is several times slower on log text.
const GRAM = 6
// The start of the first text searched, whose characters and grams tell which grams are rare.
const SAMPLE = 16 * 1024

interface Candidate {
  /** Where the gram is in these literals: the literal starts that far before the gram. */
  offset: number
  lengths: number[]
}

/** The grams chosen for a set of literals, and the literals each finds. */
interface Plan {
  grams: string[]
  /** Per gram, the offsets and lengths of the literals found through it. */
  candidates: Candidate[][]
  /** Per gram, its largest offset: an occurrence further than that past a start cannot begin an earlier literal. */
  reach: number[]
}

const UNKNOWN = -2

/** The literals a plan is for, and the plan once chosen. */
interface Shared {
  known: ReadonlySet<string>
  plan?: Plan
}

// Sets made from the same list (the line scanner's and the matchers' in one pass) share their grams, as long
// as the list still holds the same literals.
const plans = new WeakMap<readonly string[], Shared>()

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
  private readonly known: Set<string>
  private readonly shared: Shared
  // The text searched last and, per gram, its first occurrence at or after `from` (-1: none), so that a text
  // asked about in order (`next(text, at + 1)`) is searched once.
  private text: string | undefined
  private from = 0
  private at: number[] = []
  // Per gram, its occurrence after `at`, once searched.
  private after: number[] = []

  constructor(literals: readonly string[]) {
    this.literals = [...new Set(literals)]
    if (this.literals.length === 0 || this.literals.some((literal) => literal.length === 0))
      throw new RangeError('Expected one or more literals of at least one character')
    this.known = new Set(this.literals)
    const shared = plans.get(literals)
    this.shared = shared && sameMembers(shared.known, this.known) ? shared : { known: this.known }
    plans.set(literals, this.shared)
  }

  // The grams, chosen with the first text searched.
  private plan(text: string): Plan {
    this.shared.plan ??= planFor(this.literals, text.slice(0, SAMPLE))
    return this.shared.plan
  }

  /** Where the first literal starting at or after `from` starts, or -1: what a `g` alternation's `exec` gives as `index`. */
  next(text: string, from: number): number {
    const { grams, reach } = this.plan(text)
    const start = Math.max(0, from)
    if (text !== this.text || start < this.from) {
      this.text = text
      this.at = grams.map((gram) => text.indexOf(gram, start))
      this.after = grams.map(() => UNKNOWN)
    }
    this.from = start
    let best = -1
    for (let gram = 0; gram < grams.length; gram++) {
      const needle = grams[gram]!
      let at = this.at[gram]!
      if (at !== -1 && at < start) {
        at = text.indexOf(needle, start)
        this.move(gram, at)
      }
      // An occurrence where no literal starts at or after `start` is passed for good; one where a literal
      // does stays the cursor, as a later `from` may still need it.
      let passing = true
      while (at !== -1 && (best === -1 || at - reach[gram]! < best)) {
        const found = this.startAt(text, gram, at, start)
        if (found !== -1) {
          passing = false
          if (best === -1 || found < best) best = found
        }
        // The occurrence after the cursor is searched once, however many questions pass the cursor by.
        const following = at === this.at[gram] ? this.afterCursor(text, gram) : text.indexOf(needle, at + 1)
        if (passing) this.move(gram, following)
        at = following
      }
    }
    return best
  }

  private move(gram: number, at: number): void {
    this.at[gram] = at
    this.after[gram] = UNKNOWN
  }

  private afterCursor(text: string, gram: number): number {
    if (this.after[gram] === UNKNOWN)
      this.after[gram] = text.indexOf(this.shared.plan!.grams[gram]!, this.at[gram]! + 1)
    return this.after[gram]!
  }

  /** Whether any literal occurs in `text`. */
  occursIn(text: string): boolean {
    return this.next(text, 0) !== -1
  }

  /** Every literal that occurs in `text`, each once. */
  present(text: string): string[] {
    const { grams, candidates } = this.plan(text)
    const found = new Set<string>()
    for (let gram = 0; gram < grams.length; gram++) {
      const needle = grams[gram]!
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
        for (const { offset, lengths } of candidates[gram]!) {
          if (at < offset) continue
          for (const length of lengths) {
            const candidate = text.slice(at - offset, at - offset + length)
            if (this.known.has(candidate)) found.add(candidate)
          }
        }
      }
    }
    return [...found]
  }

  // The earliest start at or after `from` of a literal found through the gram at `at`, or -1.
  private startAt(text: string, gram: number, at: number, from: number): number {
    let best = -1
    for (const { offset, lengths } of this.shared.plan!.candidates[gram]!) {
      const start = at - offset
      if (start < from || (best !== -1 && start >= best)) continue
      for (const length of lengths) {
        if (this.known.has(text.slice(start, start + length))) {
          best = start
          break
        }
      }
    }
    return best
  }
}

/**
 * Grams (pieces of up to six characters) such that every literal holds one, and the literals each finds:
 * greedily the gram that covers most literals not yet covered for its cost. A gram costs a search of the text,
 * plus a comparison wherever its first character occurs and a look-up wherever it occurs, as often as they do
 * in `sample`. Only pieces beginning with one of a literal's rarer characters are weighed.
 */
function planFor(literals: readonly string[], sample: string): Plan {
  const rate = characterRates(sample)
  const holders = new Map<string, number[]>()
  literals.forEach((literal, position) => {
    const width = Math.min(GRAM, literal.length)
    let rarest = Number.POSITIVE_INFINITY
    for (let start = 0; start + width <= literal.length; start++)
      rarest = Math.min(rarest, rate(literal.charCodeAt(start)))
    for (let start = 0; start + width <= literal.length; start++) {
      if (rate(literal.charCodeAt(start)) > rarest * 4 + 1e-4) continue
      const gram = literal.slice(start, start + width)
      const list = holders.get(gram)
      if (list === undefined) holders.set(gram, [position])
      else if (list.at(-1) !== position) list.push(position)
    }
  })
  const occurrences = gramCounts(sample, holders)
  const pieces = [...holders.keys()]
  const holding = [...holders.values()]
  // In milliseconds per 50 MB on this machine: a search, a comparison per first character, a look-up per gram.
  const cost = pieces.map(
    (gram) =>
      4 +
      500 * rate(gram.charCodeAt(0)) +
      35_000 * ((occurrences.get(gram) ?? 0) / Math.max(sample.length, 1)),
  )
  // Per piece, how many of its literals are not covered yet; per literal, the pieces it holds.
  const uncovered = Int32Array.from(holding, (list) => list.length)
  const piecesOf: number[][] = literals.map(() => [])
  holding.forEach((list, piece) => {
    for (const position of list) piecesOf[position]!.push(piece)
  })
  const covered = new Uint8Array(literals.length)
  let left = literals.length
  const grams: string[] = []
  const candidates: Candidate[][] = []
  while (left > 0) {
    let best = -1
    let bestScore = 0
    for (let piece = 0; piece < pieces.length; piece++) {
      const score = uncovered[piece]! / cost[piece]!
      // Ties go to the first piece in code-unit order, so that the same literals and sample give the same grams.
      if (score > bestScore || (score === bestScore && score > 0 && pieces[piece]! < pieces[best]!)) {
        best = piece
        bestScore = score
      }
    }
    const gram = pieces[best]!
    const list: Candidate[] = []
    for (const position of holding[best]!) {
      if (covered[position] !== 0) continue
      covered[position] = 1
      left--
      for (const piece of piecesOf[position]!) uncovered[piece]!--
      // The literal is found through its first occurrence of the gram: it occurs wherever the literal does.
      const literal = literals[position]!
      const offset = literal.indexOf(gram)
      const candidate = list.find((item) => item.offset === offset)
      if (candidate === undefined) list.push({ offset, lengths: [literal.length] })
      else if (!candidate.lengths.includes(literal.length)) candidate.lengths.push(literal.length)
    }
    grams.push(gram)
    candidates.push(list)
  }
  return {
    grams,
    candidates,
    reach: candidates.map((list) => Math.max(...list.map((item) => item.offset))),
  }
}

/**
 * How often each UTF-16 code unit occurs in `sample`, blended with a rough prior for log text that decides
 * when the sample is short: spaces, digits and lower-case letters are most of any log, common punctuation
 * next, upper-case letters rarer, other symbols rarest.
 */
function characterRates(sample: string): (code: number) => number {
  const counts = new Uint32Array(65_536)
  for (let index = 0; index < sample.length; index++) counts[sample.charCodeAt(index)]!++
  const weight = 4096
  const rateOf = (code: number) => (counts[code]! + weight * prior(code)) / (sample.length + weight)
  const ascii = Float64Array.from({ length: 128 }, (_, code) => rateOf(code))
  return (code) => (code < 128 ? ascii[code]! : rateOf(code))
}

function prior(code: number): number {
  if (code === 32 || (code >= 48 && code <= 57) || (code >= 97 && code <= 122)) return 0.03
  if (COMMON_PUNCTUATION.includes(String.fromCharCode(code))) return 0.015
  if (code >= 65 && code <= 90) return 0.005
  return 0.001
}

const COMMON_PUNCTUATION = '-:./,=\t()[]'

/** How often each gram of `grams` occurs in `sample`. */
function gramCounts(sample: string, grams: ReadonlyMap<string, unknown>): Map<string, number> {
  const counts = new Map<string, number>()
  // A few grams are counted with a search each; many with one walk over the sample.
  if (grams.size <= 64) {
    for (const gram of grams.keys()) {
      let count = 0
      for (let at = sample.indexOf(gram); at !== -1; at = sample.indexOf(gram, at + 1)) count++
      counts.set(gram, count)
    }
    return counts
  }
  const widths = [...new Set([...grams.keys()].map((gram) => gram.length))]
  const firsts = new Uint8Array(65_536)
  for (const gram of grams.keys()) firsts[gram.charCodeAt(0)] = 1
  for (let at = 0; at < sample.length; at++) {
    if (firsts[sample.charCodeAt(at)] === 0) continue
    for (const width of widths) {
      const gram = sample.slice(at, at + width)
      if (grams.has(gram)) counts.set(gram, (counts.get(gram) ?? 0) + 1)
    }
  }
  return counts
}

function sameMembers(one: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  if (one.size !== other.size) return false
  for (const member of one) if (!other.has(member)) return false
  return true
}
