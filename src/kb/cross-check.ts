/** @module Checks that span files: unique ids, references that resolve, values that facts accept. */
import { checkArticle } from './check-article.ts'
import { checkEvidence } from './check-evidence.ts'
import { checkValue } from './check-value.ts'
import { checkVerdicts } from './check-verdicts.ts'
import type { ArticleModel } from './model.ts'
import type { ValidFile } from './read-files.ts'
import { Reporter, uniqueIds } from './reporter.ts'
import type { ArticleFile } from './schema/article.ts'
import type { CatalogFile } from './schema/catalog.ts'
import type { FactDefinition, FactsFile } from './schema/facts.ts'
import type { VerdictsFile } from './schema/verdicts.ts'
import { normalizeSpelling } from './spelling.ts'

/**
 * Cross-check validated files and assemble articles. Returns problems; `articles` is complete only when none.
 *
 * @example
 * const {problems, products, facts, articles} = crossCheck(files)
 */
export function crossCheck(files: ValidFile[]) {
  const reporter = new Reporter()
  const ofKind = <T>(kind: string) =>
    files.filter((file) => file.kind === kind).map((file) => ({ file, data: file.data as T }))

  const products = new Map<string, CatalogFile['products'][number]>()
  const productId = uniqueIds(reporter, 'product')
  for (const { file, data } of ofKind<CatalogFile>('catalog')) {
    data.products.forEach((product, index) => {
      productId(product.id, { file, path: ['products', index, 'id'] })
      if (!products.has(product.id)) products.set(product.id, product)
    })
  }

  const facts = new Map<string, FactDefinition>()
  const factName = uniqueIds(reporter, 'fact')
  for (const { file, data } of ofKind<FactsFile>('facts')) {
    data.facts.forEach((fact, index) => {
      factName(fact.name, { file, path: ['facts', index, 'name'] })
      if (!facts.has(fact.name)) facts.set(fact.name, fact)
      const spelling = uniqueIds(reporter, `spelling of \`${fact.name}\``)
      fact.values?.forEach((value, valueIndex) => {
        for (const [aliasIndex, alias] of [value.value, ...value.aliases].entries()) {
          const path =
            aliasIndex === 0
              ? ['facts', index, 'values', valueIndex, 'value']
              : ['facts', index, 'values', valueIndex, 'aliases', aliasIndex - 1]
          spelling(normalizeSpelling(alias), { file, path })
        }
      })
      if (fact.default !== undefined)
        checkValue(reporter, facts, fact.name, fact.default, { file, path: ['facts', index, 'default'] })
    })
  }

  const need = (kind: string, message: string) => {
    if (!files.some((file) => file.kind === kind)) {
      reporter.problems.push({
        code: 'KB_MISSING_FILE',
        severity: 'error',
        message,
        file: '.',
        line: 0,
        column: 0,
        path: [],
      })
    }
  }
  need('catalog', 'Expected a file with `kind: catalog` listing the products')
  need('facts', 'Expected a file with `kind: facts` declaring the fact vocabulary')
  need('article', 'Expected at least one file with `kind: article`')

  const articleIds = new Set(ofKind<ArticleFile>('article').map(({ data }) => data.id))
  const logKinds = checkEvidence(reporter, files, facts, articleIds)

  const articleId = uniqueIds(reporter, 'article')
  const articles: ArticleModel[] = []
  const verdictFiles = ofKind<VerdictsFile>('verdicts')
  const productIds = new Set(products.keys())
  for (const { file, data } of ofKind<ArticleFile>('article')) {
    articleId(data.id, { file, path: ['id'] })
    const stepPaths = checkArticle(reporter, file, data, productIds)

    const own = verdictFiles.filter((verdicts) => verdicts.data.article === data.id)
    if (own.length !== 1) {
      reporter.error(
        own.length === 0 ? 'KB_MISSING_FILE' : 'KB_DUPLICATE_ID',
        own.length === 0
          ? `Expected a \`kind: verdicts\` file with \`article: "${data.id}"\`, not none`
          : `Expected one \`kind: verdicts\` file for article \`${data.id}\`, not ${own.length}`,
        { file, path: ['id'] },
      )
      continue
    }
    const verdicts = own[0]!
    checkVerdicts(reporter, verdicts.file, verdicts.data, data, facts, stepPaths)
    const extras: Record<string, unknown> = {}
    const extraFiles = files.filter(
      (extra) =>
        !['catalog', 'facts', 'logs', 'article', 'verdicts'].includes(extra.kind) &&
        (extra.data as { article?: string }).article === data.id,
    )
    for (const extra of extraFiles) extras[extra.kind] = extra.data
    articles.push({
      id: data.id,
      article: data,
      verdicts: verdicts.data,
      extras,
      files: [file.file, verdicts.file.file, ...extraFiles.map((f) => f.file)],
    })
  }
  for (const { file, data } of verdictFiles) {
    if (!files.some((other) => other.kind === 'article' && (other.data as ArticleFile).id === data.article)) {
      reporter.error(
        'KB_UNKNOWN_REFERENCE',
        `Expected \`article\` to name an article, not \`${data.article}\``,
        { file, path: ['article'] },
      )
    }
  }

  return {
    problems: reporter.problems,
    products: [...products.values()],
    facts: [...facts.values()],
    logKinds,
    articles,
  }
}
