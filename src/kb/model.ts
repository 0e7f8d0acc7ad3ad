/** @module The validated knowledge base: what the engine, renderer and interfaces consume. */
import type { ArticleFile } from './schema/article.ts'
import type { Product } from './schema/catalog.ts'
import type { FactDefinition } from './schema/facts.ts'
import type { LogKind } from './schema/log-kinds.ts'
import type { VerdictsFile } from './schema/verdicts.ts'

/** One article with its decision rules. */
export interface ArticleModel {
  id: string
  article: ArticleFile
  verdicts: VerdictsFile
  /** Other validated files of the article, by kind (for example `signatures`). */
  extras: Record<string, unknown>
  /** The files the article came from, relative to the knowledge-base folder (`dir`), with `/` between folders. */
  files: string[]
}

/** Everything under a rules folder, validated and cross-checked. */
export interface KnowledgeBaseModel {
  /** Absolute path of the rules folder. */
  dir: string
  products: Product[]
  /** The vocabulary: inventory facts of `kind: facts`, then each article's evidence facts. */
  facts: FactDefinition[]
  /** The log kinds of `kind: logs` files, in file order. */
  logKinds: LogKind[]
  articles: ArticleModel[]
}
