/**
 * @module The plain text of the Markdown steps in check answers, for the text output. Parsing Markdown needs
 * unified, remark-parse and remark-gfm, whose modules take about 80 ms to load: more than the rest of a
 * `kb check`. The texts parsed once are filed in the cache folder, so a later answer with the same steps loads
 * none of them.
 */
import { readFileSync } from 'node:fs'
import { markCacheFileUsed, writeCacheFile } from '../kb/cache-dir.ts'
import { codeEntryFile } from '../kb/compiled-cache.ts'
import type { ArticleStepText, LocalizedCheckResult } from '../render/localize-check.ts'
import { isPlainSentence, sentenceTree } from '../render/plain-sentence.ts'
import { toPlainText } from '../render/plain-text.ts'

// The steps of every article in four languages fit many times over; more starts the file anew.
const maxFiled = 5000

/**
 * A function giving the plain text (one line) of every step text in `results`, the way `kb render --format
 * text` writes it.
 *
 * @example
 * const plain = await plainStepTexts(localized)
 * plain('Click **Decline**.') // 'Click Decline.'
 */
export async function plainStepTexts(
  results: readonly LocalizedCheckResult[],
): Promise<(markdown: string) => string> {
  const texts = new Set<string>()
  const collect = (steps: readonly ArticleStepText[] | undefined) => {
    for (const step of steps ?? []) {
      texts.add(step.text)
      collect(step.steps)
    }
  }
  for (const result of results) for (const action of result.actions) collect(action.articleStep?.steps)
  const parsed = [...texts].filter((text) => !isPlainSentence(text))
  const known = parsed.length > 0 ? await plainOf(parsed) : new Map<string, string>()
  return (markdown) => {
    const plain = known.get(markdown)
    if (plain !== undefined) return plain
    if (isPlainSentence(markdown)) return oneLine(toPlainText(sentenceTree(markdown)))
    throw new Error(
      `Expected a step text of the answers given to plainStepTexts, not ${JSON.stringify(markdown)}`,
    )
  }
}

// The filed plain texts of `texts`, with the missing ones parsed and filed.
async function plainOf(texts: readonly string[]): Promise<Map<string, string>> {
  const file = codeEntryFile('plain')
  const filed = file === undefined ? new Map<string, string>() : readFiled(file)
  const missing = texts.filter((text) => !filed.has(text))
  if (missing.length === 0) {
    if (file !== undefined) markCacheFileUsed(file)
    return filed
  }
  const { parseUnsanitized } = await import('../render/markdown.ts')
  if (filed.size + missing.length > maxFiled) filed.clear()
  for (const text of missing) filed.set(text, oneLine(toPlainText(parseUnsanitized(text))))
  if (file !== undefined) writeCacheFile(file, JSON.stringify([...filed]))
  return filed
}

// Pairs of strings as filed; anything else (an older or damaged file) is no entry.
function readFiled(file: string): Map<string, string> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (!Array.isArray(value)) return new Map()
    return new Map(
      value.filter(
        (pair): pair is [string, string] =>
          Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string',
      ),
    )
  } catch {
    return new Map()
  }
}

function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ')
}
