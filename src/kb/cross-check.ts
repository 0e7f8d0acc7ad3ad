/** @module Checks that span files: unique ids, references that resolve, values that facts accept. */

import { resolveArticlePath } from './article-path.ts'
import type { ArticleModel } from './model.ts'
import type { Problem } from './problem.ts'
import type { ValidFile } from './read-files.ts'
import type { ArticleFile, Step } from './schema/article.ts'
import type { CatalogFile } from './schema/catalog.ts'
import type { Condition } from './schema/condition.ts'
import type { FactDefinition, FactsFile } from './schema/facts.ts'
import type { VerdictsFile } from './schema/verdicts.ts'
import { normalizeSpelling } from './spelling.ts'

type Located = { file: ValidFile; path: Array<string | number> }

/** Collects problems at positions inside validated files. */
class Reporter {
  readonly problems: Problem[] = []
  error(code: Problem['code'], message: string, at: Located, key = false): void {
    this.problems.push({
      code,
      severity: 'error',
      message,
      file: at.file.file,
      ...at.file.source.locate(at.path, { key }),
      path: at.path,
    })
  }
  where(at: Located): string {
    const { line, column } = at.file.source.locate(at.path)
    return `${at.file.file}:${line}:${column}`
  }
}

/** Registers ids of one namespace and reports the second definition of any id. */
function uniqueIds(reporter: Reporter, label: string) {
  const seen = new Map<string, Located>()
  return (id: string, at: Located) => {
    const first = seen.get(id)
    if (first)
      reporter.error(
        'KB_DUPLICATE_ID',
        `Expected ${label} \`${id}\` to be defined once, not again (first at ${reporter.where(first)})`,
        at,
      )
    else seen.set(id, at)
  }
}

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

  const articleId = uniqueIds(reporter, 'article')
  const articles: ArticleModel[] = []
  const verdictFiles = ofKind<VerdictsFile>('verdicts')
  for (const { file, data } of ofKind<ArticleFile>('article')) {
    articleId(data.id, { file, path: ['id'] })
    const product = (id: string, path: Array<string | number>) => {
      if (!products.has(id))
        reporter.error(
          'KB_UNKNOWN_REFERENCE',
          `Expected a product of the catalog, not \`${id}\`${suggest(id, [...products.keys()])}`,
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
      product(entry.through, ['products', 'conditional', i, 'through'])
    })
    product(data.products.prerequisite, ['products', 'prerequisite'])
    data.fix.products.forEach((id, i) => {
      product(id, ['fix', 'products', i])
    })
    data.workaround.products.forEach((id, i) => {
      product(id, ['workaround', 'products', i])
    })
    product(data.component.product, ['component', 'product'])

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
    const issueId = uniqueIds(reporter, 'known issue')
    data.knownIssues.forEach((issue, index) => {
      issueId(issue.id, { file, path: ['knownIssues', index, 'id'] })
      if (issue.procedure && !stepPaths.has(issue.procedure)) {
        reporter.error(
          'KB_UNKNOWN_REFERENCE',
          `Expected a procedure of this article, not \`${issue.procedure}\``,
          { file, path: ['knownIssues', index, 'procedure'] },
        )
      }
    })
    const referenceId = uniqueIds(reporter, 'reference')
    for (const [index, reference] of data.references.entries()) {
      referenceId(reference.id, { file, path: ['references', index, 'id'] })
    }
    const revisionId = uniqueIds(reporter, 'revision')
    for (const [index, revision] of data.advisory.revisions.entries()) {
      revisionId(revision.id, { file, path: ['advisory', 'revisions', index, 'id'] })
    }

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
        !['catalog', 'facts', 'article', 'verdicts'].includes(extra.kind) &&
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
    articles,
  }
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

function checkVerdicts(
  reporter: Reporter,
  file: ValidFile,
  verdicts: VerdictsFile,
  article: ArticleFile,
  facts: Map<string, FactDefinition>,
  stepPaths: Set<string>,
) {
  const ruleId = uniqueIds(reporter, 'rule, derivation or action')
  const condition = (node: Condition, path: Array<string | number>) =>
    checkCondition(reporter, file, node, path, article, facts)
  verdicts.derive.forEach((derivation, index) => {
    ruleId(derivation.id, { file, path: ['derive', index, 'id'] })
    condition(derivation.when, ['derive', index, 'when'])
    for (const [name, value] of Object.entries(derivation.set)) {
      checkValue(reporter, facts, name, value, { file, path: ['derive', index, 'set', name] })
    }
  })
  const actionIds = new Set(verdicts.actions.map((action) => action.id))
  verdicts.rules.forEach((rule, index) => {
    ruleId(rule.id, { file, path: ['rules', index, 'id'] })
    condition(rule.when, ['rules', index, 'when'])
    rule.onConflict.forEach((id, i) => {
      if (!actionIds.has(id)) {
        reporter.error(
          'KB_UNKNOWN_REFERENCE',
          `Expected an action of this file, not \`${id}\`${suggest(id, [...actionIds])}`,
          { file, path: ['rules', index, 'onConflict', i] },
        )
      }
    })
  })
  verdicts.actions.forEach((action, index) => {
    ruleId(action.id, { file, path: ['actions', index, 'id'] })
    if (action.when) condition(action.when, ['actions', index, 'when'])
    if (action.step !== undefined && !stepPaths.has(action.step)) {
      reporter.error(
        'KB_UNKNOWN_REFERENCE',
        `Expected \`step\` to name a procedure or step of the article, not \`${action.step}\`${suggest(action.step, [...stepPaths])}`,
        {
          file,
          path: ['actions', index, 'step'],
        },
      )
    }
  })
}

function checkCondition(
  reporter: Reporter,
  file: ValidFile,
  node: Condition,
  path: Array<string | number>,
  article: ArticleFile,
  facts: Map<string, FactDefinition>,
) {
  if ('all' in node || 'any' in node) {
    const kind = 'all' in node ? 'all' : 'any'
    const children = 'all' in node ? node.all : node.any
    for (const [i, child] of children.entries())
      checkCondition(reporter, file, child, [...path, kind, i], article, facts)
    return
  }
  if ('not' in node) return checkCondition(reporter, file, node.not, [...path, 'not'], article, facts)
  const fact = facts.get(node.fact)
  if (!fact) {
    reporter.error(
      'KB_UNKNOWN_REFERENCE',
      `Expected a fact of the vocabulary, not \`${node.fact}\`${suggest(node.fact, [...facts.keys()])}`,
      { file, path: [...path, 'fact'] },
    )
    return
  }
  const versionOperator = node.operator.startsWith('version')
  if (versionOperator !== (fact.type === 'version')) {
    reporter.error(
      'KB_INVALID_VALUE',
      versionOperator
        ? `Expected \`${node.operator}\` only on version facts, not on the ${fact.type} fact \`${fact.name}\``
        : `Expected a \`version…\` operator for the version fact \`${fact.name}\`, not \`${node.operator}\``,
      { file, path: [...path, 'operator'] },
    )
  }
  if (node.valueRef !== undefined) {
    const value = resolveArticlePath(article, node.valueRef)
    if (typeof value !== 'string') {
      reporter.error(
        'KB_UNKNOWN_REFERENCE',
        `Expected \`valueRef\` to name a text field of the article, not \`${node.valueRef}\``,
        { file, path: [...path, 'valueRef'] },
      )
    } else checkValue(reporter, facts, fact.name, value, { file, path: [...path, 'valueRef'] })
    return
  }
  const values = Array.isArray(node.value) ? node.value : [node.value]
  for (const [i, value] of values.entries()) {
    checkValue(reporter, facts, fact.name, value, {
      file,
      path: Array.isArray(node.value) ? [...path, 'value', i] : [...path, 'value'],
    })
  }
}

function checkValue(
  reporter: Reporter,
  facts: Map<string, FactDefinition>,
  name: string,
  value: unknown,
  at: Located,
) {
  const fact = facts.get(name)
  if (!fact) {
    reporter.error(
      'KB_UNKNOWN_REFERENCE',
      `Expected a fact of the vocabulary, not \`${name}\`${suggest(name, [...facts.keys()])}`,
      at,
      true,
    )
    return
  }
  const ok =
    fact.type === 'boolean'
      ? typeof value === 'boolean'
      : fact.type === 'version'
        ? typeof value === 'string' && /^\d+(\.\d+){0,3}$/.test(value)
        : fact.values!.some((candidate) => candidate.value === value)
  if (!ok) {
    const expected =
      fact.type === 'boolean'
        ? '`true` or `false`'
        : fact.type === 'version'
          ? 'a dotted version such as `3.1.6001.66`'
          : `one of ${fact.values!.map((candidate) => `\`${candidate.value}\``).join(', ')}`
    reporter.error('KB_INVALID_VALUE', `Expected \`${name}\` to be ${expected}, not \`${String(value)}\``, at)
  }
}

/** ", did you mean `x`?" when a known name is close. */
export function suggest(name: string, known: string[]): string {
  const best = closest(name, known)
  return best ? `; did you mean \`${best}\`?` : ''
}

/** The known name within a small edit distance of `name`, if any. */
export function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Number.POSITIVE_INFINITY
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    previous = current
  }
  return previous[b.length]!
}
