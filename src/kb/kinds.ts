/** @module The kinds of rules file and the schema of each. */
import type { z } from 'zod'
import { ArticleFile } from './schema/article.ts'
import { CatalogFile } from './schema/catalog.ts'
import { FactsFile } from './schema/facts.ts'
import { LogKindsFile } from './schema/log-kinds.ts'
import { SignaturesFile } from './schema/signatures.ts'
import { VerdictsFile } from './schema/verdicts.ts'

/**
 * Each file declares `kind:`; this maps it to its schema (and to `schema/<kind>.schema.json`).
 *
 * @example
 * const result = fileKinds.verdicts.safeParse(data)
 */
export const fileKinds = {
  catalog: CatalogFile,
  facts: FactsFile,
  logs: LogKindsFile,
  article: ArticleFile,
  verdicts: VerdictsFile,
  signatures: SignaturesFile,
} satisfies Record<string, z.ZodType>

/** A `kind:` a rules file may declare. */
export type FileKind = keyof typeof fileKinds
/**
 * Every kind, for messages and for generating one JSON Schema each.
 *
 * @example
 * kindNames.join(', ') // 'catalog, facts, logs, article, verdicts, signatures'
 */
export const kindNames = Object.keys(fileKinds) as FileKind[]
