/** @module The building blocks of a document outline, and their assembly into one mdast tree. */
import type { BlockContent, ListItem, PhrasingContent, Root, RootContent, TableCell, TableRow } from 'mdast'
import type { ArticleFile, Step } from '../kb/schema/article.ts'
import type { Product } from '../kb/schema/catalog.ts'
import type { Localizer, Params } from './localizer.ts'
import { logExcerpt } from './log-excerpt.ts'

/** A table cell: a localized string, or a link whose text and target are facts. */
type OutlineCell = { key: string } | { link: { text: string; url: string } } | { product: string }

/** One block of an outline; keys starting with `common:` come from the shared namespace. */
export type OutlineBlock =
  | { kind: 'heading'; depth: 1 | 2 | 3; key: string; params?: Params }
  | { kind: 'text'; key: string; params?: Params }
  /** A bold paragraph (an FAQ question). */
  | { kind: 'question'; key: string }
  | {
      kind: 'list'
      ordered?: boolean
      items: Array<{ key: string; params?: Params; followedBy?: OutlineBlock[] }>
    }
  /** A log excerpt as a code block, with placeholders (`Date Time`) or with the real timestamps. */
  | { kind: 'log'; log: string; timestamps: boolean }
  /**
   * An article procedure as a list of its steps (text `procedures.<id>.steps.<step>`), sub-steps nested; a
   * step with `code` shows that value of the article as a code block; `after` adds blocks after a step's
   * sub-steps; `orderedSteps` lists the steps whose sub-steps are numbered (others get bullets).
   */
  | {
      kind: 'procedure'
      id: string
      ordered: boolean
      orderedSteps?: string[]
      after?: Record<string, OutlineBlock[]>
    }
  | { kind: 'table'; header: OutlineCell[]; rows: OutlineCell[][] }
  /** A bullet list of catalog products by their full names. */
  | { kind: 'products'; ids: string[]; ordered?: false }

/** What an outline is built from. */
interface OutlineInput {
  article: ArticleFile
  products: readonly Product[]
}

/** An outline: the blocks of one document kind, computed from the article (lists follow its data). */
export type Outline = (input: OutlineInput) => OutlineBlock[]

/**
 * The full catalog name of a product (`Microsoft Windows Server Update Services 3.0`).
 *
 * @example
 * productFullName(model.products, 'wsus-3.0') // 'Microsoft Windows Server Update Services 3.0'
 */
export function productFullName(products: readonly Product[], id: string): string {
  const product = products.find((candidate) => candidate.id === id)
  return product ? `${product.vendor} ${product.name} ${product.version}` : id
}

/**
 * Build the mdast tree of `blocks` in the localizer's language.
 *
 * @example
 * const tree = assemble(kbOutline({article, products}), {article, products}, localizer)
 */
export function assemble(blocks: OutlineBlock[], input: OutlineInput, localizer: Localizer): Root {
  return { type: 'root', children: blocks.flatMap((block) => build(block, input, localizer)) }
}

function build(block: OutlineBlock, input: OutlineInput, localizer: Localizer): RootContent[] {
  switch (block.kind) {
    case 'heading':
      return [{ type: 'heading', depth: block.depth, children: localizer.inline(block.key, block.params) }]
    case 'text':
      return localizer.blocks(block.key, block.params)
    case 'question':
      return [{ type: 'paragraph', children: [{ type: 'strong', children: localizer.inline(block.key) }] }]
    case 'list':
      return [
        {
          type: 'list',
          ordered: block.ordered ?? false,
          spread: false,
          children: block.items.map((item) =>
            listItem([
              ...localizer.blocks(item.key, item.params),
              ...(item.followedBy ?? []).flatMap((inner) => build(inner, input, localizer) as BlockContent[]),
            ]),
          ),
        },
      ]
    case 'log': {
      // An article without this excerpt shows no code block rather than an empty one.
      if (!Object.hasOwn(input.article.logs, block.log)) return []
      const value = logExcerpt(input.article, block.log, {
        placeholder: block.timestamps ? undefined : localizer.plain('common:logs.dateTime'),
        linesRemoved: localizer.plain('common:logs.linesRemoved'),
      })
      return [{ type: 'code', value }]
    }
    case 'procedure': {
      const procedure = input.article.procedures.find((candidate) => candidate.id === block.id)
      if (!procedure) return []
      return [steps(procedure.steps, block.ordered, block, input, localizer)]
    }
    case 'table':
      return [
        {
          type: 'table',
          align: block.header.map(() => null),
          children: [block.header, ...block.rows].map(
            (row): TableRow => ({
              type: 'tableRow',
              children: row.map(
                (cell): TableCell => ({ type: 'tableCell', children: cellContent(cell, input, localizer) }),
              ),
            }),
          ),
        },
      ]
    case 'products':
      return [
        {
          type: 'list',
          ordered: false,
          spread: false,
          children: block.ids.map((id) =>
            listItem([
              { type: 'paragraph', children: [{ type: 'text', value: productFullName(input.products, id) }] },
            ]),
          ),
        },
      ]
  }
}

function steps(
  list: Step[],
  ordered: boolean,
  block: Extract<OutlineBlock, { kind: 'procedure' }>,
  input: OutlineInput,
  localizer: Localizer,
): BlockContent {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: list.map((step) => {
      const content: BlockContent[] = [...localizer.blocks(`procedures.${block.id}.steps.${step.id}`)]
      if (step.code !== undefined) content.push({ type: 'code', value: valueAt(input.article, step.code) })
      if (step.steps)
        content.push(
          steps(step.steps, block.orderedSteps?.includes(step.id) ?? false, block, input, localizer),
        )
      for (const extra of block.after?.[step.id] ?? [])
        content.push(...(build(extra, input, localizer) as BlockContent[]))
      return listItem(content)
    }),
  }
}

function listItem(children: BlockContent[]): ListItem {
  // Two paragraphs in a tight item would merge into one when the Markdown is read again.
  const spread = children.filter((child) => child.type === 'paragraph').length > 1
  return { type: 'listItem', spread, children }
}

function cellContent(cell: OutlineCell, input: OutlineInput, localizer: Localizer): PhrasingContent[] {
  if ('key' in cell) return localizer.inline(cell.key)
  if ('link' in cell)
    return [{ type: 'link', url: cell.link.url, children: [{ type: 'text', value: cell.link.text }] }]
  return [{ type: 'text', value: productFullName(input.products, cell.product) }]
}

/** The value at a dotted path of the article (`workaround.updateId`), as text. */
function valueAt(article: ArticleFile, dotted: string): string {
  let value: unknown = article
  for (const part of dotted.split('.')) value = (value as Record<string, unknown> | undefined)?.[part]
  if (typeof value !== 'string')
    throw new RangeError(
      `Expected \`${dotted}\` to name a text value of article ${article.id}, not ${typeof value}`,
    )
  return value
}
