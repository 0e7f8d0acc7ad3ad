/**
 * @module The literals a signature pattern cannot match without, when no single one is certain: a pattern
 * such as `(?:FAILED \[80244007\] Sync|Sync failed: 0x80244007)` has no literal outside its group, but every
 * match contains one of its branches' literals. A record holding none of them cannot match, so a reader
 * searching all articles' literals at once can leave it out instead of handing it to the pattern.
 */
import { groupEnd, requiredLiteral } from './anchors.ts'
import { classEnd } from './regex-safety.ts'

/**
 * Literals of which every match of `pattern` contains at least one (each without a line break), or
 * `undefined` when that cannot be proven. The single literal `requiredLiteral` finds, or the literals of
 * the branches of a group every match passes through, or of the pattern's own branches, whichever has the
 * longest shortest literal (the fewest false candidates).
 *
 * @example
 * requiredLiterals('SOAP Fault: 0x000190') // ['SOAP Fault: 0x000190']
 * requiredLiterals('(?:failed \\[8024\\]|error = 0x8024)') // [' [8024]', 'error = 0x8024']
 * requiredLiterals('a{0,2}|b') // undefined
 */
export function requiredLiterals(pattern: string): string[] | undefined {
  // Without a branch, a group or a class (most signature lines), the pattern's own literal is all there is.
  if (!/[|([]/.test(pattern)) {
    const own = requiredLiteral(pattern)
    return own === undefined ? undefined : [own]
  }
  const parts = topLevel(pattern)
  if (parts === undefined) return undefined
  if (parts.branches.length > 1) {
    const sets = parts.branches.map(requiredLiterals)
    if (sets.some((set) => set === undefined)) return undefined
    return [...new Set(sets.flat() as string[])]
  }
  const own = requiredLiteral(pattern)
  let best = own === undefined ? undefined : [own]
  for (const body of parts.groups) {
    const set = requiredLiterals(body)
    if (set !== undefined && (best === undefined || shortest(set) > shortest(best))) best = set
  }
  return best
}

function shortest(literals: readonly string[]): number {
  return Math.min(...literals.map((literal) => literal.length))
}

/**
 * The pattern's top-level branches, and the bodies of its top-level groups that every match passes through
 * (not lookarounds, not optional); `undefined` when a group does not close.
 */
function topLevel(pattern: string): { branches: string[]; groups: string[] } | undefined {
  const branches: string[] = []
  const groups: string[] = []
  let branchStart = 0
  for (let index = 0; index < pattern.length; ) {
    const char = pattern[index]
    if (char === '\\') index += 2
    else if (char === '[') index = classEnd(pattern, index) + 1
    else if (char === '(') {
      const end = groupEnd(pattern, index)
      if (end < 0) return undefined
      const body = groupBody(pattern, index, end)
      if (body !== undefined && !optional(pattern, end)) groups.push(body)
      index = end
    } else if (char === '|') {
      branches.push(pattern.slice(branchStart, index))
      branchStart = ++index
    } else index++
  }
  branches.push(pattern.slice(branchStart))
  return { branches, groups }
}

/** What a group matches (`(?:x)`, `(?<name>x)`, `(x)`); `undefined` for a lookaround, which consumes nothing. */
function groupBody(pattern: string, start: number, end: number): string | undefined {
  const inner = pattern.slice(start + 1, end - 1)
  if (!inner.startsWith('?')) return inner
  if (inner.startsWith('?:')) return inner.slice(2)
  const name = /^\?<[A-Za-z_$][\w$]*>/.exec(inner)
  return name ? inner.slice(name[0].length) : undefined
}

/** Whether the quantifier at `index` lets what precedes it match zero times (`?`, `*`, `{0,n}`). */
function optional(pattern: string, index: number): boolean {
  const char = pattern[index]
  return char === '?' || char === '*' || /^\{0+[,}]/.test(pattern.slice(index, index + 12))
}
