/** @module Cross-checks of a verdicts file: unique ids, conditions over known facts, actions and steps that exist. */
import { checkValue } from './check-value.ts'
import type { ValidFile } from './read-files.ts'
import type { Reporter } from './reporter.ts'
import { uniqueIds } from './reporter.ts'
import type { ArticleFile } from './schema/article.ts'
import type { Condition } from './schema/condition.ts'
import type { FactDefinition } from './schema/facts.ts'
import type { VerdictsFile } from './schema/verdicts.ts'
import { suggest } from './suggest.ts'

/**
 * Check the verdicts file of an article: ids unique across derivations, rules and actions; every condition
 * names a fact of the vocabulary with an operator and value it accepts (`valueRef` names a value of the
 * article's `values:`; a version is never a literal `value`);
 * `onConflict` names actions of the file; an action's `step` names a procedure or step of the article and its
 * `checks` name facts.
 *
 * @example
 * checkVerdicts(reporter, verdicts.file, verdicts.data, article, facts, stepPaths)
 */
export function checkVerdicts(
  reporter: Reporter,
  file: ValidFile,
  verdicts: VerdictsFile,
  article: ArticleFile,
  facts: Map<string, FactDefinition>,
  stepPaths: Set<string>,
): void {
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
    action.checks.forEach((name, i) => {
      if (!facts.has(name)) {
        reporter.error(
          'KB_UNKNOWN_REFERENCE',
          `Expected \`checks\` to name a fact of the vocabulary, not \`${name}\`${suggest(name, [...facts.keys()])}`,
          { file, path: ['actions', index, 'checks', i] },
        )
      }
    })
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
  if (fact.article !== undefined && fact.article !== article.id) {
    reporter.error(
      'KB_UNKNOWN_REFERENCE',
      `Expected a fact this article may read, not \`${fact.name}\`: it is log evidence of article \`${fact.article}\`, which counts for that article alone; declare a \`fact\` on a symptom of this article's signatures`,
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
    const names = Object.keys(article.values)
    if (!Object.hasOwn(article.values, node.valueRef)) {
      reporter.error(
        'KB_UNKNOWN_REFERENCE',
        `Expected \`valueRef\` to name a value of the article's \`values:\`, not \`${node.valueRef}\`${suggest(node.valueRef, names)}`,
        { file, path: [...path, 'valueRef'] },
      )
    } else {
      const value = article.values[node.valueRef]
      checkValue(reporter, facts, fact.name, typeof value === 'number' ? String(value) : value, {
        file,
        path: [...path, 'valueRef'],
      })
    }
    return
  }
  const values = Array.isArray(node.value) ? node.value : [node.value]
  for (const [i, value] of values.entries()) {
    const at = { file, path: Array.isArray(node.value) ? [...path, 'value', i] : [...path, 'value'] }
    if (fact.type === 'enum' || fact.type === 'boolean') checkValue(reporter, facts, fact.name, value, at)
    else reporter.error('KB_LITERAL_VALUE', literalMessage(fact, value, article), at)
  }
}

// Enum and boolean values are the fact vocabulary itself; versions (and later dates, numbers) are the
// article's facts and live once in `values:`.
function literalMessage(fact: FactDefinition, value: unknown, article: ArticleFile): string {
  const same = Object.entries(article.values).find(([, candidate]) => String(candidate) === String(value))
  const fix = same
    ? `use \`valueRef: ${same[0]}\``
    : `declare it under \`values:\` in article.yaml and use \`valueRef: <name>\``
  return `Expected \`valueRef\` for the ${fact.type} fact \`${fact.name}\`, not the literal \`${String(value)}\`; ${fix}`
}
