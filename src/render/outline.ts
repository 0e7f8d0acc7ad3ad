/** @module Walk a document outline (data from article.yaml) into one mdast tree. */
import type { BlockContent, ListItem, PhrasingContent, Root, RootContent, TableCell, TableRow } from 'mdast'
import type { ArticleFile, Step } from '../kb/schema/article.ts'
import type { Product } from '../kb/schema/catalog.ts'
import type { OutlineBlock, OutlineCell } from '../kb/schema/outline.ts'
import type { ArticleValue } from './article-values.ts'
import type { Localizer, Params } from './localizer.ts'
import { logExcerpt, logVariant } from './log-excerpt.ts'

/** What an outline is built from. */
export interface OutlineInput {
  article: ArticleFile
  products: readonly Product[]
  /** The article values (`articleValues`) that block `params` name. */
  values: Readonly<Record<string, ArticleValue>>
}

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
 * Build the mdast tree of an outline in the localizer's language.
 *
 * @example
 * const tree = assemble(article.documents.kb.outline, {article, products, values}, localizer)
 */
export function assemble(blocks: readonly OutlineBlock[], input: OutlineInput, localizer: Localizer): Root {
  return { type: 'root', children: blocks.flatMap((block) => build(block, input, localizer)) }
}

function params(input: OutlineInput, names: Record<string, string> | undefined): Params | undefined {
  if (names === undefined) return undefined
  const result: Params = {}
  for (const [param, name] of Object.entries(names)) {
    const value = input.values[name]
    // Lint reports an unknown value name with its position; a render never prints `undefined`.
    if (value === undefined)
      throw new RangeError(
        `Expected \`${name}\` to name a value of article ${input.article.id} (for the parameter \`${param}\`), not none`,
      )
    result[param] = value
  }
  return result
}

function inner(blocks: readonly OutlineBlock[] | undefined, input: OutlineInput, localizer: Localizer) {
  return (blocks ?? []).flatMap((block) => build(block, input, localizer) as BlockContent[])
}

function build(block: OutlineBlock, input: OutlineInput, localizer: Localizer): RootContent[] {
  if ('heading' in block)
    return [
      {
        type: 'heading',
        depth: block.depth ?? 2,
        children: localizer.inline(block.heading, params(input, block.params)),
      },
    ]
  if ('text' in block) return localizer.blocks(block.text, params(input, block.params))
  if ('note' in block)
    return [{ type: 'blockquote', children: localizer.blocks(block.note, params(input, block.params)) }]
  if ('list' in block)
    return [
      {
        type: 'list',
        ordered: block.ordered ?? false,
        spread: false,
        children: block.list.map((item) =>
          listItem([
            ...localizer.blocks(item.text, params(input, item.params)),
            ...inner(item.blocks, input, localizer),
          ]),
        ),
      },
    ]
  if ('log' in block) {
    // A source that prints the excerpt its own way (translated lines, collapsed spaces) is quoted as it is.
    const variant = block.variants?.[localizer.language]
    if (variant !== undefined) return [{ type: 'code', value: logVariant(input.article, block.log, variant) }]
    const value = logExcerpt(input.article, block.log, {
      placeholder: block.timestamps ? undefined : localizer.plain('common:logs.dateTime'),
      linesRemoved: localizer.plain('common:logs.linesRemoved'),
    })
    return [{ type: 'code', value }]
  }
  if ('procedure' in block) {
    const procedure = input.article.procedures.find((candidate) => candidate.id === block.procedure)
    if (!procedure)
      throw new RangeError(`Expected a procedure of article ${input.article.id}, not \`${block.procedure}\``)
    return [steps(procedure.steps, block.ordered ?? false, block, input, localizer)]
  }
  if ('products' in block) return products(block, input, localizer)
  if ('table' in block) return [table([block.table.header, ...block.table.rows], input, localizer)]
  if ('faq' in block)
    return block.faq.flatMap((entry): RootContent[] => [
      { type: 'paragraph', children: [{ type: 'strong', children: localizer.inline(entry.question) }] },
      ...inner(entry.answer, input, localizer),
    ])
  return [
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: (input.article.advisory?.revisions ?? []).map((revision) =>
        listItem(localizer.blocks(`${block.revisions}.${revision.id}`, { date: revision.date })),
      ),
    },
  ]
}

function products(
  block: Extract<OutlineBlock, { products: unknown }>,
  input: OutlineInput,
  localizer: Localizer,
): RootContent[] {
  const ids = typeof block.products === 'string' ? input.article.products[block.products] : block.products
  if (block.style === 'table')
    return [
      table(
        [
          block.header === undefined ? [] : [{ text: block.header }],
          ...ids.map((product) => [{ product }]),
        ].filter((row) => row.length > 0),
        input,
        localizer,
      ),
    ]
  return [
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: ids.map((id) =>
        listItem([
          { type: 'paragraph', children: [{ type: 'text', value: productFullName(input.products, id) }] },
        ]),
      ),
    },
  ]
}

function table(rows: OutlineCell[][], input: OutlineInput, localizer: Localizer): BlockContent {
  return {
    type: 'table',
    align: (rows[0] ?? []).map(() => null),
    children: rows.map(
      (row): TableRow => ({
        type: 'tableRow',
        children: row.map(
          (cell): TableCell => ({ type: 'tableCell', children: cellContent(cell, input, localizer) }),
        ),
      }),
    ),
  }
}

function steps(
  list: Step[],
  ordered: boolean,
  block: Extract<OutlineBlock, { procedure: unknown }>,
  input: OutlineInput,
  localizer: Localizer,
): BlockContent {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: list.map((step) => {
      const content: BlockContent[] = [...localizer.blocks(`procedures.${block.procedure}.steps.${step.id}`)]
      if (step.code !== undefined) content.push({ type: 'code', value: valueAt(input.article, step.code) })
      if (step.steps)
        content.push(
          steps(step.steps, block.orderedSteps?.includes(step.id) ?? false, block, input, localizer),
        )
      content.push(...inner(block.after?.[step.id], input, localizer))
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
  if ('text' in cell) return localizer.inline(cell.text)
  if ('reference' in cell) {
    const reference = input.article.references.find((candidate) => candidate.id === cell.reference)
    if (!reference)
      throw new RangeError(`Expected a reference of article ${input.article.id}, not \`${cell.reference}\``)
    return [
      {
        type: 'link',
        url: reference.url,
        children: [{ type: 'text', value: reference.number ?? reference.url }],
      },
    ]
  }
  if ('product' in cell) return [{ type: 'text', value: productFullName(input.products, cell.product) }]
  const value = input.values[cell.value]
  return [{ type: 'text', value: Array.isArray(value) ? value.join(', ') : (value ?? '') }]
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
