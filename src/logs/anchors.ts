/**
 * @module The literal text a signature pattern cannot match without: the reader looks for these
 * with `indexOf` and builds records only around them, the way grep skips lines. Derived from the
 * patterns themselves, so the YAML stays the only place a signature is written.
 */
import { classEnd } from './regex-safety.ts'

// Characters an identity escape (`\.`, `\(`, `\/` ...) stands for; other escapes are classes or codes.
const PUNCTUATION = new Set('^$\\.*+?()[]{}|/-=:!<>,"\'`~@#%&; '.split(''))

/**
 * The longest run of characters every match of `pattern` contains, or `undefined` when there is none
 * that can be proven (a top-level `|`, an escape not understood). Conservative: groups, classes and
 * quantified characters end a run, so the literal is always required, never merely likely.
 *
 * @example
 * requiredLiteral('PT ?: Synchronizing server updates') // ': Synchronizing server updates'
 * requiredLiteral('ErrorCode: {0,20}InternalServerError\\(5\\)') // 'InternalServerError(5)'
 * requiredLiteral('a|b') // undefined
 */
export function requiredLiteral(pattern: string): string | undefined {
  const runs: string[] = []
  let run = ''
  const breakRun = () => {
    if (run.length > 0) runs.push(run)
    run = ''
  }
  for (let index = 0; index < pattern.length; ) {
    const char = pattern[index]!
    let literal: string | undefined
    let next = index + 1
    if (char === '|') return undefined
    if (char === '\\') {
      const escaped = pattern[index + 1]
      if (escaped === undefined) return undefined
      next = index + 2
      if (escaped === 't') literal = '\t'
      else if (PUNCTUATION.has(escaped)) literal = escaped
      // \d \s \w \b, their negations and \n \r \v \f: one character or a position, no literal.
      // Codes such as \x41 or \u0041 span several characters of the pattern: give up.
      else if (!'dDsSwWbBnrvf'.includes(escaped)) return undefined
    } else if (char === '[') {
      next = classEnd(pattern, index) + 1
    } else if (char === '(') {
      next = groupEnd(pattern, index)
      if (next < 0) return undefined
    } else if (char === '{' && quantifier(pattern, index) === 0) {
      literal = '{'
    } else if (!'.^$*+?{)]'.includes(char)) {
      literal = char
    } else if (char === ']') {
      // A `)` never gets here: groups are skipped whole, and a stray one does not compile.
      literal = char
    }
    const quantified = quantifier(pattern, next)
    // A line break in a literal would let it span two lines, which the reader searches one at a time.
    if (literal !== undefined && quantified === 0 && literal !== '\n' && literal !== '\r') run += literal
    else breakRun()
    index = next + quantified
  }
  breakRun()
  return runs.reduce<string | undefined>(
    (best, item) => (item.length > (best?.length ?? 0) ? item : best),
    undefined,
  )
}

/**
 * Length of the quantifier at `index` (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`), 0 when none. The `?` of a
 * lazy one is left to the caller, which reads it as a character that ends a run, as the quantifier did.
 */
function quantifier(pattern: string, index: number): number {
  const char = pattern[index]
  if (char === '?' || char === '*' || char === '+') return 1
  if (char === '{') return /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(index, index + 24))?.[0].length ?? 0
  return 0
}

/** Index just past the `)` closing the group that opens at `start`, or -1 when unbalanced. */
export function groupEnd(pattern: string, start: number): number {
  let depth = 0
  for (let index = start; index < pattern.length; index++) {
    const char = pattern[index]
    if (char === '\\') index++
    else if (char === '[') index = classEnd(pattern, index)
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return index + 1
  }
  return -1
}
