/** @module Visit every block of an article's document outlines, with the block's path in article.yaml. */
import type { ArticleFile, Step } from './schema/article.ts'
import type { OutlineBlock } from './schema/outline.ts'

/** A path inside article.yaml (`['documents', 'kb', 'outline', 3]`). */
export type YamlPath = Array<string | number>

/** A translation key an outline uses, and where. */
export interface OutlineKey {
  key: string
  path: YamlPath
}

/**
 * Call `visit` for every block of every declared document, nested blocks included, in document order.
 *
 * @example
 * forEachBlock(article, (block, path) => { if ('log' in block) console.log(path.join('.')) })
 */
export function forEachBlock(
  article: ArticleFile,
  visit: (block: OutlineBlock, path: YamlPath) => void,
): void {
  const walk = (blocks: readonly OutlineBlock[] | undefined, path: YamlPath): void => {
    for (const [index, block] of (blocks ?? []).entries()) {
      const here = [...path, index]
      visit(block, here)
      if ('list' in block)
        for (const [item, entry] of block.list.entries())
          walk(entry.blocks, [...here, 'list', item, 'blocks'])
      if ('faq' in block)
        for (const [item, entry] of block.faq.entries()) walk(entry.answer, [...here, 'faq', item, 'answer'])
      if ('procedure' in block)
        for (const [step, inner] of Object.entries(block.after ?? {})) walk(inner, [...here, 'after', step])
    }
  }
  for (const [doc, outline] of Object.entries(article.documents))
    if (outline) walk(outline.outline, ['documents', doc, 'outline'])
}

/**
 * Every translation key the article's documents use: titles, headings, texts, notes, list items, FAQ
 * questions, table cells, the steps of each procedure shown, one revision string per advisory revision.
 *
 * @example
 * outlineKeys(article).map((entry) => entry.key) // ['kb.title', 'kb.title', 'common:kb.technicalUpdate', …]
 */
export function outlineKeys(article: ArticleFile): OutlineKey[] {
  const keys: OutlineKey[] = []
  const add = (key: string, path: YamlPath) => keys.push({ key, path })
  for (const [doc, outline] of Object.entries(article.documents))
    for (const [index, key] of (outline?.title ?? []).entries()) add(key, ['documents', doc, 'title', index])
  forEachBlock(article, (block, path) => {
    if ('heading' in block) add(block.heading, [...path, 'heading'])
    else if ('text' in block) add(block.text, [...path, 'text'])
    else if ('note' in block) add(block.note, [...path, 'note'])
    else if ('list' in block)
      for (const [item, entry] of block.list.entries()) add(entry.text, [...path, 'list', item, 'text'])
    else if ('faq' in block)
      for (const [item, entry] of block.faq.entries()) add(entry.question, [...path, 'faq', item, 'question'])
    else if ('products' in block) {
      if (block.header !== undefined) add(block.header, [...path, 'header'])
    } else if ('table' in block)
      for (const [row, cells] of [block.table.header, ...block.table.rows].entries())
        for (const [column, cell] of cells.entries())
          if ('text' in cell)
            add(cell.text, [
              ...path,
              'table',
              ...(row === 0 ? ['header'] : ['rows', row - 1]),
              column,
              'text',
            ])
    if ('procedure' in block) {
      const procedure = article.procedures.find((candidate) => candidate.id === block.procedure)
      const steps = (list: Step[]): void => {
        for (const step of list) {
          add(`procedures.${block.procedure}.steps.${step.id}`, [...path, 'procedure'])
          steps(step.steps ?? [])
        }
      }
      steps(procedure?.steps ?? [])
    }
    if ('revisions' in block)
      for (const revision of article.advisory?.revisions ?? [])
        add(`${block.revisions}.${revision.id}`, [...path, 'revisions'])
  })
  return keys
}
