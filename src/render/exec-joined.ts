/** @module One search of a regular expression over many texts, joined by line breaks. */

/** A search that can start anywhere in a text, as a global regular expression from its `lastIndex` does. */
export interface Searcher {
  /** The first match that starts at or after `from`, or null. */
  execFrom(text: string, from: number): RegExpExecArray | null
}

const globalCopies = new WeakMap<RegExp, Searcher>()

function searcherOf(pattern: RegExp): Searcher {
  let searcher = globalCopies.get(pattern)
  if (searcher === undefined) {
    const global = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g`)
    searcher = {
      execFrom(text, from) {
        global.lastIndex = from
        return global.exec(text)
      },
    }
    globalCopies.set(pattern, searcher)
  }
  return searcher
}

/**
 * `pattern.exec` of each text, from one search of the texts joined by line breaks: a search costs about as much
 * for a sentence as for a page. Only for a pattern that never matches a line break and whose `\b` and
 * look-arounds take one as they take the edge of a text (no `^`, `$`, `\s` or `[^…]`): then a text's first
 * match is the first one found at or after its start, when that starts inside it. A `Searcher` stands for such a
 * pattern where a regular expression would be slow. `joined`: the texts joined by line breaks, when the caller
 * has them already (several patterns over the same texts).
 *
 * @example
 * execJoined(/\b0x[0-9A-F]{8}\b/i, ['none', 'fails with 0x80244007'])[1]?.index // 11
 */
export function execJoined(
  pattern: RegExp | Searcher,
  texts: readonly string[],
  joined: string = texts.join('\n'),
): (RegExpExecArray | null)[] {
  const search = pattern instanceof RegExp ? searcherOf(pattern) : pattern
  const found: (RegExpExecArray | null)[] = texts.map(() => null)
  let text = 0
  let start = 0
  while (text < texts.length) {
    const match = search.execFrom(joined, start)
    if (match === null) break
    // The texts that end before the match have none.
    while (start + texts[text]!.length < match.index) start += texts[text++]!.length + 1
    match.index -= start
    found[text] = match
    start += texts[text++]!.length + 1
  }
  return found
}
