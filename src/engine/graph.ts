/**
 * @module An article's logic as a Mermaid flowchart: facts → derivations → decision rules (in order, each
 * falling through to the next) → verdicts, so reviewers see the logic instead of reading YAML.
 */
import type { ArticleModel } from '../kb/model.ts'
import type { FactDefinition } from '../kb/schema/facts.ts'
import { factsRead } from './completions.ts'
import { type EngineCondition, toEngineRules } from './engine-rules.ts'

const symbols: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  in: 'in',
  notIn: 'not in',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  versionEqual: '=',
  versionLessThan: '<',
  versionLessThanInclusive: '≤',
  versionGreaterThan: '>',
  versionGreaterThanInclusive: '≥',
}

/**
 * A condition as one line of text: `wsusVersion = 3.0 SP1 AND webServicesClientDllVersion ≥ 3.1.6001.66`.
 *
 * @example
 * conditionText({any: [{fact: 'a', operator: 'equal', value: 'x'}, {fact: 'b', operator: 'in', value: [1, 2]}]}) // 'a = x OR b in [1, 2]'
 */
export function conditionText(condition: EngineCondition, nested = false): string {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any
    if (parts.length === 0) return 'always'
    const text = parts.map((part) => conditionText(part, true)).join('all' in condition ? ' AND ' : ' OR ')
    return nested && parts.length > 1 ? `(${text})` : text
  }
  if ('not' in condition) return `NOT ${conditionText(condition.not, true)}`
  const value = Array.isArray(condition.value)
    ? `[${condition.value.map(String).join(', ')}]`
    : String(condition.value)
  return `${condition.fact} ${symbols[condition.operator] ?? condition.operator} ${value}`
}

// Quoted Mermaid labels: these characters would end the label or be read as HTML.
function label(text: string): string {
  return `"${text.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`
}

/**
 * The Mermaid flowchart of an article's derivations and decision rules. Facts are the vocabulary's, in its
 * order, limited to those the rules read or set; rules keep their file order and each falls through to the
 * next ("else") when it does not hold.
 *
 * @example
 * articleGraph(model.articles[0], model.facts).startsWith('flowchart LR') // true
 */
export function articleGraph(article: ArticleModel, vocabulary: readonly FactDefinition[]): string {
  const rules = toEngineRules(article)
  const derivations = rules.filter((rule) => rule.role === 'derive')
  const decisions = rules.filter((rule) => rule.role === 'decide')
  const conditionOf = (rule: (typeof rules)[number]) => rule.json.conditions as EngineCondition
  const setBy = (rule: (typeof rules)[number]) =>
    (rule.json.event.params as { set: Record<string, unknown> }).set
  const used = new Set<string>()
  for (const rule of [...derivations, ...decisions])
    for (const fact of factsRead(conditionOf(rule))) used.add(fact)
  for (const rule of derivations) for (const fact of Object.keys(setBy(rule))) used.add(fact)
  const factId = (name: string) => `fact_${name}`
  const lines = ['flowchart LR']

  lines.push('  subgraph facts [Facts]')
  for (const definition of vocabulary) {
    if (!used.has(definition.name)) continue
    const source = definition.source === 'evidence' ? ', from logs' : ''
    lines.push(
      `    ${factId(definition.name)}[/${label(`${definition.name} (${definition.type}${source})`)}/]`,
    )
  }
  lines.push('  end')

  if (derivations.length > 0) {
    lines.push('  subgraph derive [Derivations]')
    derivations.forEach((rule, index) => {
      const sets = Object.entries(setBy(rule)).map(([name, value]) => `${name} = ${String(value)}`)
      lines.push(
        `    d${index}[${label(`${rule.id}: if ${conditionText(conditionOf(rule))}, set ${sets.join(', ')}`)}]`,
      )
    })
    lines.push('  end')
  }

  lines.push('  subgraph rules [Decision rules: the first that holds decides]')
  decisions.forEach((rule, index) => {
    lines.push(`    r${index}[${label(`${index + 1}. ${rule.id}: ${conditionText(conditionOf(rule))}`)}]`)
  })
  lines.push('  end')

  const verdicts = [
    ...new Set(decisions.map((rule) => (rule.json.event.params as { verdict: string }).verdict)),
  ]
  for (const verdict of verdicts) lines.push(`  verdict_${verdict}([${label(verdict)}])`)
  lines.push(`  verdict_unknown([${label('unknown: a fact is missing, or no rule decides')}])`)

  derivations.forEach((rule, index) => {
    for (const fact of factsRead(conditionOf(rule))) lines.push(`  ${factId(fact)} --> d${index}`)
    for (const fact of Object.keys(setBy(rule))) lines.push(`  d${index} -- sets --> ${factId(fact)}`)
  })
  decisions.forEach((rule, index) => {
    for (const fact of factsRead(conditionOf(rule))) lines.push(`  ${factId(fact)} --> r${index}`)
    lines.push(`  r${index} -- holds --> verdict_${(rule.json.event.params as { verdict: string }).verdict}`)
    lines.push(
      `  r${index} -. else .-> ${index + 1 < decisions.length ? `r${index + 1}` : 'verdict_unknown'}`,
    )
  })
  return `${lines.join('\n')}\n`
}

/**
 * The Markdown page committed as `docs/articles/<id>.md`: a heading, how to read the chart, and the chart.
 *
 * @example
 * await writeFile(`docs/articles/${article.id}.md`, articleGraphPage(article, model.facts))
 */
export function articleGraphPage(article: ArticleModel, vocabulary: readonly FactDefinition[]): string {
  return `# Article ${article.id}: how the rules decide

Generated from the article's \`verdicts.yaml\` by \`kb graph ${article.id}\`
(\`npm run docs:articles\` rewrites every page; a test fails when this one is stale). Facts feed the
derivations and the decision rules; rules are tried in order, the first that holds decides, and a rule
that does not hold falls through to the next ("else"). While a fact a rule needs is missing, an earlier
rule that might still hold with another verdict makes the answer \`unknown\` (see docs/rules.md).

\`\`\`mermaid
${articleGraph(article, vocabulary)}\`\`\`
`
}
