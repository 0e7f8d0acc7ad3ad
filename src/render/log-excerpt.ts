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
 * printed as the rules hold them. With placeholders (`Date Time`) the placeholder words and the elision marker
 * follow the language; with real timestamps the marker is printed as the source wrote it (`indent` + `text`).
 *
 * @example
 * logExcerpt(article, 'client', {placeholder: 'Data Godzina', linesRemoved: 'usunięte wiersze'})
 * // 'Data Godzina 788   ee4    PT     +++++++++++  PT: Synchronizing server updates …'
 */
export function logExcerpt(article: ArticleFile, log: string, options: LogExcerptOptions): string {
  const excerpt = article.logs[log]
  return (excerpt?.lines ?? [])
    .map((line) => {
      // With real timestamps the excerpt is quoted as its source printed it, marker included.
      if (line.elided)
        return options.placeholder === undefined ? `${line.indent ?? ''}${line.text}` : options.linesRemoved
      if (line.continuation) return line.text
      const stamp = options.placeholder ?? line.timestamp
      return stamp === undefined ? line.text : `${stamp}${excerpt?.separator ?? '  '}${line.text}`
    })
    .join('\n')
}

/**
 * The variant `variant` of `article.logs[log]`: the excerpt as one source prints it, verbatim.
 *
 * @example
 * logVariant(article, 'server', 'nl') // '2008-06-14 02:59:57,642 UTC Error  w3wp.12 …'
 */
export function logVariant(article: ArticleFile, log: string, variant: string): string {
  const text = article.logs[log]?.variants[variant]
  // Lint reports an unknown variant with its position; a render never prints `undefined`.
  if (text === undefined)
    throw new RangeError(
      `Expected \`${variant}\` to name a variant of the log excerpt \`${log}\` of article ${article.id}, not none`,
    )
  return text
}
