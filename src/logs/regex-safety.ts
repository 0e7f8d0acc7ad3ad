/**
 * @module Cheap checks that a signature pattern compiles and cannot backtrack catastrophically.
 * Logs can be gigabytes, so one pattern with exponential backtracking would hang a diagnosis.
 */

/** Longest pattern accepted; signature lines are short literals with a few classes. */
const MAX_PATTERN_LENGTH = 600

/**
 * Why `pattern` is unsafe or invalid, or `undefined` when it is fine.
 *
 * Rejects what can be detected without a full regex analysis: patterns that do not compile,
 * back-references, nested quantifiers such as `(a{1,9}){1,9}`, and unbounded quantifiers
 * (`*`, `+`, `{n,}`): records are searched unanchored, where `[^,]*X` on a 64 KiB record
 * without `X` costs billions of steps, while `[^,]{0,300}X` stays linear.
 *
 * @example
 * patternProblem('SOAP Fault: 0x000190') // undefined
 * patternProblem('(\\w{1,9})+') // 'Expected no nested quantifier such as `(a+)+` ...'
 * patternProblem('Method:.*SyncUpdates') // 'Expected bounded repetition such as `{1,200}`, not `*` ...'
 */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `Expected a pattern of at most ${MAX_PATTERN_LENGTH} characters, not ${pattern.length}`
  }
  try {
    new RegExp(pattern)
  } catch (error) {
    return `Expected a valid regular expression, not ${JSON.stringify(pattern)}: ${(error as Error).message}`
  }
  if (/\\[1-9]|\\k</.test(pattern)) {
    return 'Expected no back-reference (`\\1`, `\\k<name>`): they defeat linear-time matching'
  }
  if (hasNestedQuantifier(pattern)) {
    return 'Expected no nested quantifier such as `(a+)+`: it backtracks exponentially on long lines; quantify the inner part only'
  }
  const unbounded = unboundedQuantifier(pattern)
  if (unbounded) {
    return `Expected bounded repetition such as \`{1,200}\`, not \`${unbounded}\`: an unbounded quantifier makes the search quadratic on a long record`
  }
  return undefined
}

/** Largest upper bound accepted in `{n,m}`. */
const MAX_REPEAT = 1000

/** The first `*`, `+`, `{n,}` or `{n,m}` with m > MAX_REPEAT outside a class, if any. */
function unboundedQuantifier(pattern: string): string | undefined {
  for (const index of syntaxPositions(pattern)) {
    const quantifier = quantifierAt(pattern, index)
    // A fixed count `{n}` is bounded by its own n; only open or ranged repeats count here.
    if (quantifier && quantifier.upper > MAX_REPEAT && !/^\{\d+\}$/.test(quantifier.text))
      return quantifier.text
  }
  return undefined
}

/** Positions of the pattern's own syntax: escaped characters and character classes are skipped whole. */
function* syntaxPositions(pattern: string): Generator<number> {
  for (let index = 0; index < pattern.length; index++) {
    if (pattern[index] === '\\') index++
    else if (pattern[index] === '[') index = classEnd(pattern, index)
    else yield index
  }
}

/** The quantifier at `index` (`*`, `+`, `{n}`, `{n,}`, `{n,m}`) and how often it may repeat at most. */
function quantifierAt(pattern: string, index: number): { text: string; upper: number } | undefined {
  const char = pattern[index]
  if (char === '*' || char === '+') return { text: char, upper: Number.POSITIVE_INFINITY }
  if (char !== '{') return undefined
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index))
  if (!match) return undefined
  const upper =
    match[2] === undefined ? Number(match[1]) : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3])
  return { text: match[0], upper }
}

/**
 * Index of the `]` closing the character class that opens at `start` (or the pattern's length when
 * unclosed). As in JavaScript, `[]` is an empty class and `[^]` matches any character: a `]` right after
 * `[` or `[^` closes the class.
 *
 * @example
 * classEnd('a[^]x]b', 1) // 3
 */
export function classEnd(pattern: string, start: number): number {
  // A leading `^` needs no skipping: it is not `]`.
  let index = start + 1
  while (index < pattern.length && pattern[index] !== ']') {
    if (pattern[index] === '\\') index++
    index++
  }
  return index
}

/** A quantifier at `index` that can repeat more than once. */
function repeats(pattern: string, index: number): boolean {
  return (quantifierAt(pattern, index)?.upper ?? 0) > 1
}

/** Scans groups; a group that contains a repeating quantifier and is itself repeated is rejected. */
function hasNestedQuantifier(pattern: string): boolean {
  const stack: boolean[] = []
  let repeatedInside = false
  for (const index of syntaxPositions(pattern)) {
    const char = pattern[index]
    if (char === '(') {
      stack.push(repeatedInside)
      repeatedInside = false
    } else if (char === ')') {
      const outer = stack.pop() ?? false
      if (repeatedInside && repeats(pattern, index + 1)) return true
      repeatedInside = outer || repeatedInside
    } else if (repeats(pattern, index)) repeatedInside = true
  }
  return false
}
