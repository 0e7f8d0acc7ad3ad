/** @module Schema of a document outline: the typed blocks a KB article or an advisory is made of. */
import { z } from 'zod'
import { Id, ValueName } from './common.ts'

/** A translation key: `kb.cause` from the article's namespace, `common:kb.symptoms` from the shared one. */
export const TranslationKey = z
  .string()
  .regex(
    /^(common:)?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/,
    'Expected a translation key such as `kb.cause` or `common:kb.symptoms`',
  )

/** Parameters of a string: parameter name → name of an article value (`date: kbTechnicalUpdate`). */
const Params = z
  .record(ValueName, ValueName)
  .optional()
  .describe(
    'Parameters the string interpolates besides the article values: parameter name → name of an article value (`{date: kbTechnicalUpdate}`).',
  )

/** One item of a `list` block. */
export interface OutlineListItem {
  text: string
  params?: Record<string, string> | undefined
  blocks?: OutlineBlock[] | undefined
}

/** One question of a `faq` block. */
export interface OutlineQuestion {
  question: string
  answer: OutlineBlock[]
}

/** One table cell. */
export type OutlineCell = { text: string } | { reference: string } | { product: string } | { value: string }

/** One block of an outline; the key naming the block's type holds its main argument. */
export type OutlineBlock =
  | { heading: string; depth?: 1 | 2 | 3 | undefined; params?: Record<string, string> | undefined }
  | { text: string; params?: Record<string, string> | undefined }
  | { note: string; params?: Record<string, string> | undefined }
  | { list: OutlineListItem[]; ordered?: boolean | undefined }
  | {
      log: string
      timestamps?: boolean | undefined
      variants?: Partial<Record<'en' | 'nl' | 'pl' | 'nb', string>> | undefined
    }
  | {
      procedure: string
      ordered?: boolean | undefined
      orderedSteps?: string[] | undefined
      after?: Record<string, OutlineBlock[]> | undefined
    }
  | {
      products: 'appliesTo' | 'affected' | 'notAffected' | string[]
      style?: 'list' | 'table' | undefined
      header?: string | undefined
    }
  | { table: { header: OutlineCell[]; rows: OutlineCell[][] } }
  | { faq: OutlineQuestion[] }
  | { revisions: string }

const Cell = z.union([
  z.strictObject({ text: TranslationKey.describe('A localized string.') }),
  z.strictObject({
    reference: Id.describe('A reference of the article: a link whose text is its number (else its URL).'),
  }),
  z.strictObject({ product: Id.describe('A catalog product, by its full localized name.') }),
  z.strictObject({ value: ValueName.describe('An article value, verbatim.') }),
])

const blocks = () => z.array(OutlineBlock)

const ListItem: z.ZodType<OutlineListItem> = z.strictObject({
  text: TranslationKey.describe('The item text.'),
  params: Params,
  get blocks() {
    return blocks()
      .optional()
      .describe('Blocks inside the item, after its text (a log excerpt, a procedure).')
  },
})

/** Schema of one outline block (recursive, hence the explicit type). */
export const OutlineBlock: z.ZodType<OutlineBlock> = z.union([
  z.strictObject({
    heading: TranslationKey.describe('A heading.'),
    depth: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .optional()
      .describe('1 for the title, 2 (default) for a section, 3 for a sub-section.'),
    params: Params,
  }),
  z.strictObject({ text: TranslationKey.describe('Paragraphs (Markdown) of one string.'), params: Params }),
  z.strictObject({ note: TranslationKey.describe('A note, set apart as a block quote.'), params: Params }),
  z.strictObject({
    get list() {
      return z.array(ListItem).min(1).describe('A list, one string per item.')
    },
    ordered: z.boolean().optional().describe('Numbered (default: bulleted).'),
  }),
  z.strictObject({
    log: Id.describe('A log excerpt of the article (`logs.<id>`) as a code block.'),
    timestamps: z
      .boolean()
      .optional()
      .describe('Show the real timestamps (default: the localized `Date Time` placeholder).'),
    variants: z
      .partialRecord(z.enum(['en', 'nl', 'pl', 'nb']), Id)
      .optional()
      .describe(
        'Per language, the variant of the excerpt (`logs.<id>.variants.<name>`) to print verbatim; other languages print the lines.',
      ),
  }),
  z.strictObject({
    procedure: Id.describe('A procedure of the article: its steps (`procedures.<id>.steps.<step>`), nested.'),
    ordered: z.boolean().optional().describe('Numbered top-level steps (default: bulleted).'),
    orderedSteps: z.array(Id).optional().describe('Steps whose sub-steps are numbered (others: bulleted).'),
    get after() {
      return z
        .record(Id, blocks())
        .optional()
        .describe('Blocks shown inside a step after its sub-steps, by step id.')
    },
  }),
  z.strictObject({
    products: z
      .union([z.enum(['appliesTo', 'affected', 'notAffected']), z.array(Id).min(1)])
      .describe('Catalog products by full localized name: a list of the article (`affected`) or ids.'),
    style: z.enum(['list', 'table']).optional().describe('A bullet list (default) or a one-column table.'),
    header: TranslationKey.optional().describe('The column header of a table.'),
  }),
  z.strictObject({
    table: z
      .strictObject({
        header: z.array(Cell).min(1).describe('The header cells.'),
        rows: z.array(z.array(Cell).min(1)).describe('The rows, cell by cell.'),
      })
      .describe('A table of localized strings, references, products and values.'),
  }),
  z.strictObject({
    get faq() {
      return z
        .array(
          z.strictObject({
            question: TranslationKey.describe('The question, shown bold.'),
            answer: blocks().min(1).describe('The answer blocks.'),
          }),
        )
        .min(1)
        .describe('Frequently asked questions.')
    },
  }),
  z.strictObject({
    revisions: TranslationKey.describe(
      "The advisory's revision history as a list: `<key>.<revision id>` with `{{date}}` per revision.",
    ),
  }),
])

/** Schema of one document: its title and its outline. */
export const DocumentOutline = z.strictObject({
  title: z
    .array(TranslationKey)
    .min(1)
    .describe('The strings of the plain-text title (an HTML page title), joined with `: `.'),
  outline: z.array(OutlineBlock).min(1).describe('The blocks of the document, in order.'),
})

/** A validated document outline. */
export type DocumentOutline = z.infer<typeof DocumentOutline>
