/** @module Check that every outline block names something the article has. */
import { forEachBlock, type YamlPath } from './outline-walk.ts'
import type { ArticleFile, Step } from './schema/article.ts'
import { suggest } from './suggest.ts'

/**
 * Report every outline block that names a procedure, step, log excerpt, reference, product or value the
 * article (or the catalog) lacks, with the path of the entry in article.yaml; `valueNames` are the names
 * the renderer interpolates (`articleValues`).
 *
 * @example
 * checkOutline(article, productIds, valueNames, (message, path) => problems.push({message, path}))
 */
export function checkOutline(
  article: ArticleFile,
  productIds: ReadonlySet<string>,
  valueNames: ReadonlySet<string>,
  report: (message: string, path: YamlPath) => void,
): void {
  const expect = (what: string, id: string, known: Iterable<string>, path: YamlPath) => {
    const names = [...known]
    if (!names.includes(id)) report(`Expected ${what}, not \`${id}\`${suggest(id, names)}`, path)
  }
  const procedures = article.procedures.map((procedure) => procedure.id)
  const references = article.references.map((reference) => reference.id)
  forEachBlock(article, (block, path) => {
    if ('params' in block)
      for (const [param, name] of Object.entries(block.params ?? {}))
        expect('a value of the article', name, valueNames, [...path, 'params', param])
    if ('list' in block)
      for (const [item, entry] of block.list.entries())
        for (const [param, name] of Object.entries(entry.params ?? {}))
          expect('a value of the article', name, valueNames, [...path, 'list', item, 'params', param])
    if ('log' in block) {
      expect('a log excerpt of `logs:`', block.log, Object.keys(article.logs), [...path, 'log'])
      const excerpt = article.logs[block.log]
      if (excerpt)
        for (const [language, variant] of Object.entries(block.variants ?? {}))
          expect(`a variant of \`logs.${block.log}.variants\``, variant, Object.keys(excerpt.variants), [
            ...path,
            'variants',
            language,
          ])
    }
    if ('procedure' in block) {
      expect('a procedure of this article', block.procedure, procedures, [...path, 'procedure'])
      const procedure = article.procedures.find((candidate) => candidate.id === block.procedure)
      const stepIds = stepIdsOf(procedure?.steps ?? [])
      if (procedure) {
        for (const [index, id] of (block.orderedSteps ?? []).entries())
          expect(`a step of \`${procedure.id}\``, id, stepIds, [...path, 'orderedSteps', index])
        for (const id of Object.keys(block.after ?? {}))
          expect(`a step of \`${procedure.id}\``, id, stepIds, [...path, 'after', id])
      }
    }
    if ('products' in block && Array.isArray(block.products))
      for (const [index, id] of block.products.entries())
        expect('a product of the catalog', id, productIds, [...path, 'products', index])
    if ('revisions' in block && !article.advisory)
      report(
        'Expected `advisory.revisions` for a `revisions` block, not none; declare `advisory:` or remove the block',
        [...path, 'revisions'],
      )
    if ('table' in block)
      for (const [row, cells] of [block.table.header, ...block.table.rows].entries())
        for (const [column, cell] of cells.entries()) {
          const at = [...path, 'table', ...(row === 0 ? ['header'] : ['rows', row - 1]), column]
          if ('reference' in cell)
            expect('a reference of this article', cell.reference, references, [...at, 'reference'])
          if ('product' in cell)
            expect('a product of the catalog', cell.product, productIds, [...at, 'product'])
          if ('value' in cell) expect('a value of the article', cell.value, valueNames, [...at, 'value'])
        }
  })
}

function stepIdsOf(steps: Step[]): string[] {
  return steps.flatMap((step) => [step.id, ...stepIdsOf(step.steps ?? [])])
}
