/** @module "Did you mean" suggestions: the known name within a small edit distance of a misspelt one. */

/**
 * `; did you mean \`x\`?` when a known name is close to `name`, otherwise an empty string.
 *
 * @example
 * suggest('wsusVersoin', ['wsusVersion', 'product']) // '; did you mean `wsusVersion`?'
 */
export function suggest(name: string, known: string[]): string {
  const best = closest(name, known)
  return best ? `; did you mean \`${best}\`?` : ''
}

/**
 * The known name within a small edit distance of `name` (case-insensitive), if any.
 *
 * @example
 * closest('wsusversion', ['wsusVersion', 'product']) // 'wsusVersion'
 * closest('xyz', ['wsusVersion']) // undefined
 */
export function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Number.POSITIVE_INFINITY
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    previous = current
  }
  return previous[b.length]!
}
