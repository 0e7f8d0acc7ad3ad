/** @module The text of a log excerpt, verbatim from rules/, with placeholders or real timestamps. */
import type { ArticleFile } from '../kb/schema/article.ts'

/** How to print the timestamps and the elision marker of an excerpt. */
interface LogExcerptOptions {
  /** The localized words that stand in for the timestamps ("Date Time"); absent: the real timestamps. */
  placeholder?: string
  /** The localized "lines removed" marker. */
  linesRemoved: string
}

/**
 * The lines of `article.logs[log]` as one block of text. Windows does not translate log lines, so they are
 * printed as the rules hold them; only the placeholder words and the elision marker follow the language.
 *
 * @example
 * logExcerpt(article, 'client', {placeholder: 'Data Godzina', linesRemoved: 'usunięte wiersze'})
 * // 'Data Godzina 788   ee4    PT     +++++++++++  PT: Synchronizing server updates …'
 */
export function logExcerpt(article: ArticleFile, log: string, options: LogExcerptOptions): string {
  const excerpt = article.logs[log]
  return (excerpt?.lines ?? [])
    .map((line) => {
      if (line.elided)
        return options.placeholder === undefined
          ? `${line.indent ?? ''}<${options.linesRemoved}>`
          : options.linesRemoved
      if (line.continuation) return line.text
      const stamp = options.placeholder ?? line.timestamp
      return stamp === undefined ? line.text : `${stamp}${excerpt?.separator ?? '  '}${line.text}`
    })
    .join('\n')
}
