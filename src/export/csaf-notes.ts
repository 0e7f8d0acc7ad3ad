/** @module The notes of a CSAF document, taken from the advisory's and the KB article's localized strings. */
import type { Resource } from 'i18next'
import type { ArticleFile } from '../kb/schema/article.ts'
import type { Localizer } from '../render/localizer.ts'
import type { CsafNote } from './csaf-types.ts'

/** What `csafNotes` needs: the article, its locales and the two translators of `buildCsaf`. */
interface NoteSources {
  article: ArticleFile
  articleId: string
  resources: Resource
  /** A string of the `csaf` namespace. */
  csaf: (key: string, params?: Record<string, string>) => string
  /** A Markdown string of the article (or `common:…`) as plain text. */
  text: (key: string, params?: Record<string, string>) => string
  localizer: Localizer
}

/**
 * Document notes (summary, related issue, general information, verification, one `faq` note per question,
 * suggested actions, legal disclaimer) and vulnerability notes (symptoms, cause, how the product status was
 * derived). The FAQ follows the order of the English strings; a log label in an answer is followed by the
 * article's log excerpt.
 *
 * @example
 * const {document, vulnerability} = csafNotes(sources)
 * document.filter((note) => note.category === 'faq').length // 8
 */
export function csafNotes(sources: NoteSources): { document: CsafNote[]; vulnerability: CsafNote[] } {
  const { article, csaf, text, localizer } = sources
  const document: CsafNote[] = []
  if (article.advisory) document.push(...advisoryNotes(sources))
  document.push({
    category: 'legal_disclaimer',
    title: csaf('note.legalDisclaimer'),
    text: text('common:advisory.disclaimer'),
  })
  // An article without a KB article may lack these; the product status note always exists.
  const vulnerability: CsafNote[] = [
    ...(localizer.has('kb.symptoms.intro')
      ? [{ category: 'description' as const, title: csaf('note.symptoms'), text: text('kb.symptoms.intro') }]
      : []),
    ...(localizer.has('kb.cause')
      ? [{ category: 'details' as const, title: csaf('note.cause'), text: text('kb.cause') }]
      : []),
    {
      category: 'general',
      title: csaf('note.productStatus.title'),
      // One sentence per fact the article has: a prerequisite on clients, a component judged by its version.
      text: [
        csaf('note.productStatus.text'),
        ...(article.products.prerequisite ? [csaf('note.productStatus.prerequisite')] : []),
        ...(article.component ? [csaf('note.productStatus.component')] : []),
      ].join(' '),
    },
  ]
  return { document, vulnerability }
}

// Summary, related issue, general information, verification, the FAQ and the suggested actions of the advisory.
function advisoryNotes(sources: NoteSources): CsafNote[] {
  const { article, csaf, text, localizer } = sources
  const join = (keys: string[]) => keys.map((key) => text(key)).join('\n\n')
  const children = (key: string) => Object.keys(lookup(sources.resources, sources.articleId, key))
  const document: CsafNote[] = [
    { category: 'summary', title: csaf('note.summary'), text: text('advisory.intro') },
    { category: 'general', title: csaf('note.related'), text: text('advisory.related') },
    {
      category: 'description',
      title: csaf('note.description'),
      text: join(children('advisory.general').map((id) => `advisory.general.${id}`)),
    },
    {
      category: 'details',
      title: csaf('note.details'),
      text: join(['advisory.verify', 'advisory.uninstall']),
    },
  ]
  for (const id of children('advisory.faq')) {
    const parts = [text(`advisory.faq.${id}.answer`)]
    for (const kind of Object.keys(article.logs)) {
      const key = `advisory.faq.${id}.${kind}Log`
      if (!localizer.has(key)) continue
      parts.push(`${text(key)}\n${logExcerpt(article, kind, localizer)}`)
    }
    document.push({
      category: 'faq',
      title: localizer.plain(`advisory.faq.${id}.question`),
      text: parts.join('\n\n'),
    })
  }
  document.push({
    category: 'general',
    title: csaf('note.actions'),
    text: join(children('advisory.actions').map((id) => `advisory.actions.${id}`)),
  })
  return document
}

// The log lines as the article keeps them: timestamps and text verbatim, the elision in the reader's language.
function logExcerpt(article: ArticleFile, kind: string, localizer: Localizer): string {
  return (article.logs[kind]?.lines ?? [])
    .map((line) => {
      if (line.elided) return `<${localizer.plain('common:logs.linesRemoved')}>`
      if (line.continuation) return `    ${line.text}`
      return line.timestamp ? `${line.timestamp} ${line.text}` : line.text
    })
    .join('\n')
}

// The structure of the English strings decides which entries exist (translations follow it).
function lookup(resources: Resource, namespace: string, key: string): Record<string, unknown> {
  let node: unknown = resources.en?.[namespace]
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : {}
}
