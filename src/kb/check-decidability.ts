/**
 * @module Lint across articles: every value of the shared fact vocabulary that some article's rules cannot
 * decide, so a value added for one article never silently leaves another without an answer.
 */
import { ArticleChecker } from '../engine/article-checker.ts'
import { undecidedCases, undecidedValues } from '../engine/completions.ts'
import type { Facts } from '../engine/facts.ts'
import { displayPath } from './display-path.ts'
import type { KnowledgeBaseModel } from './model.ts'
import type { Problem } from './problem.ts'
import type { ValidFile } from './read-files.ts'
import type { FactsFile } from './schema/facts.ts'
import type { VerdictsFile } from './schema/verdicts.ts'

/**
 * Warn, at the value in the facts file, about each fact value for which some article's decision rules give
 * no verdict once every other fact is known (`KB_UNDECIDED_VALUE`, naming the articles and an example), and,
 * at an article's rules, about an undecided combination of values the rules all name (`KB_UNDECIDED_CASE`).
 *
 * @example
 * const problems = checkDecidability(model, files) // after adding `3.1` to `wsusVersion`
 * problems[0].message // 'Expected the rules of article `954960` to decide `wsusVersion` = `3.1`, …'
 */
export function checkDecidability(model: KnowledgeBaseModel, files: readonly ValidFile[]): Problem[] {
  return findingProblems(undecidedFindings(model), files, displayPath(model.dir))
}

/**
 * `checkDecidability` for a model whose files are not at hand (a filed model): they are read, by `readFiles`,
 * only when there is something to report.
 *
 * @example
 * const problems = await checkDecidabilityLazily(model, () => readValidFiles(dir))
 */
export async function checkDecidabilityLazily(
  model: KnowledgeBaseModel,
  readFiles: () => Promise<readonly ValidFile[]>,
): Promise<Problem[]> {
  const findings = undecidedFindings(model)
  if (findings.combinations.length === 0 && findings.undecided.size === 0) return []
  return findingProblems(findings, await readFiles(), displayPath(model.dir))
}

/**
 * The warnings `lintRules(dir, {decidability: true})` adds to what `lintRules(dir)` gave for a valid folder:
 * for a caller that has the model already (a filed one). The files are read only when there is one to place,
 * and the rules reader (with its schemas) is loaded only then.
 *
 * @example
 * const { problems, model } = await lintRules('rules')
 * if (model) problems.push(...(await decidabilityProblems(model)))
 */
export async function decidabilityProblems(model: KnowledgeBaseModel): Promise<Problem[]> {
  return checkDecidabilityLazily(model, async () => (await import('./load.ts')).validFiles(model.dir))
}

interface Findings {
  /** Per article whose rules leave a combination of their values undecided, one example. */
  combinations: Array<{ article: string; example: Facts }>
  /** `fact\u0000value` → the articles that cannot decide it, each with one example case. */
  undecided: Map<string, { fact: string; value: string; cases: Map<string, Facts> }>
}

function undecidedFindings(model: KnowledgeBaseModel): Findings {
  const found: Findings = { combinations: [], undecided: new Map() }
  const { undecided } = found
  for (const article of model.articles) {
    const logic = new ArticleChecker(article, model.facts).logic
    const combinations: Facts[] = []
    for (const found of undecidedCases(logic)) {
      const blamed = undecidedValues(logic, found)
      if (blamed.length === 0) combinations.push(found)
      for (const fact of blamed) {
        const value = String(found[fact])
        const key = `${fact}\u0000${value}`
        if (!undecided.has(key)) undecided.set(key, { fact, value, cases: new Map() })
        const cases = undecided.get(key)!.cases
        if (!cases.has(article.id)) cases.set(article.id, without(found, fact))
      }
    }
    if (combinations.length > 0) found.combinations.push({ article: article.id, example: combinations[0]! })
  }
  return found
}

/** `folder`: where a problem is shown whose file cannot be found (it changed since the model was filed). */
function findingProblems(findings: Findings, files: readonly ValidFile[], folder: string): Problem[] {
  const problems = findings.combinations.map(({ article, example }) =>
    combinationProblem(article, example, files, folder),
  )
  for (const { fact, value, cases } of findings.undecided.values())
    problems.push(valueProblem(fact, value, cases, files, folder))
  return problems
}

function valueProblem(
  fact: string,
  value: string,
  cases: Map<string, Facts>,
  files: readonly ValidFile[],
  folder: string,
) {
  const ids = [...cases.keys()].sort()
  const example = cases.get(ids[0]!)!
  const articles = `${ids.length === 1 ? 'article' : 'articles'} ${ids.map((id) => `\`${id}\``).join(', ')}`
  const message = `Expected the rules of ${articles} to decide \`${fact}\` = \`${value}\`, not to leave it without a verdict${describe(example, ' (for example with ', ')')}; add a decision rule that covers it, or remove the value if those articles cannot meet it`
  for (const file of files) {
    if (file.kind !== 'facts') continue
    const facts = (file.data as FactsFile).facts
    const index = facts.findIndex((definition) => definition.name === fact)
    const valueIndex = facts[index]?.values?.findIndex((entry) => entry.value === value) ?? -1
    if (valueIndex >= 0)
      return located('KB_UNDECIDED_VALUE', message, file, folder, [
        'facts',
        index,
        'values',
        valueIndex,
        'value',
      ])
  }
  return located(
    'KB_UNDECIDED_VALUE',
    message,
    files.find((file) => file.kind === 'facts'),
    folder,
    [],
  )
}

function combinationProblem(article: string, example: Facts, files: readonly ValidFile[], folder: string) {
  const file = files.find(
    (candidate) => candidate.kind === 'verdicts' && (candidate.data as VerdictsFile).article === article,
  )
  const message = `Expected the rules of article \`${article}\` to decide every combination of the values they name, not to leave ${describe(example, '', '')} without a verdict; add a decision rule that covers it`
  return located('KB_UNDECIDED_CASE', message, file, folder, ['rules'], true)
}

function located(
  code: Problem['code'],
  message: string,
  file: ValidFile | undefined,
  folder: string,
  path: Array<string | number>,
  key = false,
): Problem {
  // A filed model's files are read only now: one changed meanwhile (gone, or broken) is shown as the folder.
  if (!file) return { code, severity: 'warning', message, file: folder, line: 0, column: 0, path }
  return { code, severity: 'warning', message, file: file.file, ...file.source.locate(path, { key }), path }
}

function without(facts: Facts, name: string): Facts {
  const rest = { ...facts }
  delete rest[name]
  return rest
}

function describe(facts: Facts, before: string, after: string): string {
  const entries = Object.entries(facts)
  if (entries.length === 0) return ''
  return `${before}${entries.map(([name, value]) => `${name} = ${String(value)}`).join(', ')}${after}`
}
