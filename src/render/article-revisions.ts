/** @module The dated changes of an article, from whatever its data has: revision lists and date fields. */

/** One dated change of a document of an article. */
export interface ArticleRevision {
  /** The group of the article data it belongs to: `kb`, `advisory`… */
  document: string
  /** The revision id, or the name of the date field (`lastReview`). */
  id: string
  /** ISO date (`2008-07-09`). */
  date: string
}

const isoDate = /^\d{4}-\d{2}-\d{2}/

function dateOf(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return typeof value === 'string' && isoDate.test(value) ? value : undefined
}

/**
 * Every revision of each document's group of the article data (`documents`), newest first: a group's `revisions` list (`{id, date}`)
 * when it has one, otherwise its date fields (`lastReview`, `technicalUpdate`). Absent fields give nothing.
 *
 * @example
 * articleRevisions({kb: {lastReview: '2009-06-11'}, advisory: {revisions: [{id: 'published', date: '2008-06-30'}]}}, ['kb', 'advisory'])
 * // [{document: 'kb', id: 'lastReview', date: '2009-06-11'}, {document: 'advisory', id: 'published', date: '2008-06-30'}]
 */
export function articleRevisions(article: object, documents: readonly string[]): ArticleRevision[] {
  const revisions: ArticleRevision[] = []
  for (const [document, value] of Object.entries(article)) {
    if (!documents.includes(document)) continue
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue
    const group = value as Record<string, unknown>
    if (Array.isArray(group.revisions)) {
      for (const entry of group.revisions as Array<Record<string, unknown>>) {
        const date = dateOf(entry?.date)
        if (typeof entry?.id === 'string' && date) revisions.push({ document, id: entry.id, date })
      }
      continue
    }
    for (const [field, fieldValue] of Object.entries(group)) {
      const date = dateOf(fieldValue)
      if (date) revisions.push({ document, id: field, date })
    }
  }
  return revisions.sort((a, b) => b.date.localeCompare(a.date) || a.document.localeCompare(b.document))
}
