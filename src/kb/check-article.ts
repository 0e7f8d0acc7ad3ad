/** @module Cross-checks inside one article: product references, procedures and steps, unique ids. */
import { resolveArticlePath } from './article-path.ts'
import type { ValidFile } from './read-files.ts'
import type { Reporter } from './reporter.ts'
import { uniqueIds } from './reporter.ts'
import type { ArticleFile, Step } from './schema/article.ts'
import { suggest } from './suggest.ts'

/**
 * Check one article against the catalog and itself: every product id it names (including each product of
 * `products.conditional[].through`) is in the catalog; procedure, step, reference and revision
 * ids are unique; a step's `code` and the component's named versions resolve. Returns the article's procedure
 * and step paths (`resolve-sp1/install-update`), which the verdicts' actions point at.
 *
 * @example
 * const stepPaths = checkArticle(reporter, file, data, new Set(['wsus-3.0', 'wsus-3.0-sp1']))
 * stepPaths.has('workaround/detect') // true
 */
export function checkArticle(
  reporter: Reporter,
  file: ValidFile,
  data: ArticleFile,
  productIds: ReadonlySet<string>,
): Set<string> {
  const product = (id: string, path: Array<string | number>) => {
    if (!productIds.has(id))
      reporter.error(
        'KB_UNKNOWN_REFERENCE',
        `Expected a product of the catalog, not \`${id}\`${suggest(id, [...productIds])}`,
        { file, path },
      )
  }
  data.products.appliesTo.forEach((id, i) => {
    product(id, ['products', 'appliesTo', i])
  })
  data.products.affected.forEach((id, i) => {
    product(id, ['products', 'affected', i])
  })
  data.products.notAffected.forEach((id, i) => {
    product(id, ['products', 'notAffected', i])
  })
  data.products.conditional.forEach((entry, i) => {
    product(entry.product, ['products', 'conditional', i, 'product'])
    entry.through.forEach((id, j) => {
      product(id, ['products', 'conditional', i, 'through', j])
    })
  })
  if (data.products.prerequisite !== undefined)
    product(data.products.prerequisite, ['products', 'prerequisite'])
  data.fix?.products.forEach((id, i) => {
    product(id, ['fix', 'products', i])
  })
  data.workaround?.products.forEach((id, i) => {
    product(id, ['workaround', 'products', i])
  })
  if (data.component) {
    product(data.component.product, ['component', 'product'])
    for (const key of ['fixedVersion', 'unfixedVersion'] as const) {
      const name = data.component[key]
      if (!Object.hasOwn(data.values, name)) {
        reporter.error(
          'KB_UNKNOWN_REFERENCE',
          `Expected \`component.${key}\` to name a value of \`values:\`, not \`${name}\`${suggest(name, Object.keys(data.values))}`,
          { file, path: ['component', key] },
        )
      }
    }
  }

  const procedureId = uniqueIds(reporter, 'procedure')
  const stepPaths = new Set<string>()
  data.procedures.forEach((procedure, index) => {
    procedureId(procedure.id, { file, path: ['procedures', index, 'id'] })
    procedure.products.forEach((id, i) => {
      product(id, ['procedures', index, 'products', i])
    })
    stepPaths.add(procedure.id)
    collectSteps(
      reporter,
      file,
      data,
      procedure.steps,
      procedure.id,
      ['procedures', index, 'steps'],
      stepPaths,
    )
  })
  const referenceId = uniqueIds(reporter, 'reference')
  for (const [index, reference] of data.references.entries()) {
    referenceId(reference.id, { file, path: ['references', index, 'id'] })
  }
  const revisionId = uniqueIds(reporter, 'revision')
  for (const [index, revision] of (data.advisory?.revisions ?? []).entries()) {
    revisionId(revision.id, { file, path: ['advisory', 'revisions', index, 'id'] })
  }
  return stepPaths
}

function collectSteps(
  reporter: Reporter,
  file: ValidFile,
  article: ArticleFile,
  steps: Step[],
  prefix: string,
  path: Array<string | number>,
  into: Set<string>,
) {
  const stepId = uniqueIds(reporter, `step of \`${prefix}\``)
  steps.forEach((step, index) => {
    const here = [...path, index]
    stepId(step.id, { file, path: [...here, 'id'] })
    const full = `${prefix}/${step.id}`
    into.add(full)
    if (step.code !== undefined && typeof resolveArticlePath(article, step.code) !== 'string') {
      reporter.error(
        'KB_UNKNOWN_REFERENCE',
        `Expected \`code\` to name a text field of the article, not \`${step.code}\``,
        { file, path: [...here, 'code'] },
      )
    }
    if (step.steps) collectSteps(reporter, file, article, step.steps, full, [...here, 'steps'], into)
  })
}
