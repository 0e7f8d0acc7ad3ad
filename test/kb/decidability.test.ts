// A value added to a shared fact for one article must not silently leave another without an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDecidabilityLazily, decidabilityProblems } from '../../src/kb/check-decidability.ts'
import { displayPath } from '../../src/kb/display-path.ts'
import { lintRules } from '../../src/kb/load.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { kb } from '../helpers/run-cli.ts'
import { removeCopies, undecidedValueRules } from '../helpers/temp-rules.ts'

let rules: string
beforeAll(async () => {
  rules = await undecidedValueRules()
})
afterAll(removeCopies)

describe('a shared vocabulary stays sound', () => {
  it('kb lint warns at the new value in facts.yaml, naming every article that cannot decide it', async () => {
    const { problems } = await lintRules(rules, { decidability: true })
    const undecided = problems.filter((problem) => problem.code === 'KB_UNDECIDED_VALUE')
    expect(undecided).toHaveLength(1)
    expect(undecided[0]).toMatchObject({
      severity: 'warning',
      line: 10,
      column: 18,
      path: ['facts', 0, 'values', 3, 'value'],
    })
    expect(undecided[0]!.file).toMatch(/facts\.yaml$/)
    expect(undecided[0]!.message).toBe(
      'Expected the rules of articles `contoso-1001`, `contoso-2002` to decide `widgetServerVersion` = `4.4`, not to leave it without a verdict (for example with brewerConnected = true); add a decision rule that covers it, or remove the value if those articles cannot meet it',
    )
  })

  it('kb lint prints it as file:line:column and still exits 0 (a warning)', async () => {
    const run = await kb(['lint', '--rules', rules])
    expect(run.stdout).toMatch(
      /facts\.yaml:10:18 warning Expected the rules of articles `contoso-1001`, `contoso-2002` to decide `widgetServerVersion` = `4\.4`/,
    )
    expect(run.status).toBe(0)
  })

  it('names an undecided combination at the article rules when every value is named', async () => {
    const { problems } = await lintRules(rules, { decidability: true })
    expect(
      problems
        .filter((problem) => problem.code === 'KB_UNDECIDED_CASE')
        .map((problem) => [problem.file.split('/').slice(-2).join('/'), problem.line]),
    ).toEqual([['0-second/verdicts.yaml', 4]])
  })

  it('a filed model whose files changed since gives the warnings at the folder, not a crash', async () => {
    const { model } = await lintRules(rules)
    // The files as read after the model was filed: the facts file and the article rules are gone.
    const problems = await checkDecidabilityLazily(model!, async () => [])
    expect(problems.map((problem) => [problem.code, problem.file, problem.line])).toEqual([
      ['KB_UNDECIDED_CASE', displayPath(rules), 0],
      ['KB_UNDECIDED_VALUE', displayPath(rules), 0],
    ])
    // With the files at hand: where `kb lint` puts them.
    const placed = await decidabilityProblems(model!)
    expect(placed.map((problem) => problem.code)).toEqual(['KB_UNDECIDED_CASE', 'KB_UNDECIDED_VALUE'])
    expect(placed.every((problem) => problem.line > 0)).toBe(true)
  })

  it('the fictional fixture and loading without the option report nothing of the kind', async () => {
    const fixture = await lintRules('test/fixtures/fictional/rules', { decidability: true })
    expect(fixture.problems.filter((problem) => problem.code.startsWith('KB_UNDECIDED'))).toEqual([])
    const plain = await lintRules(rules)
    expect(plain.problems.filter((problem) => problem.code.startsWith('KB_UNDECIDED'))).toEqual([])
  })

  it('at run time the case answers unknown with a reason that names the value, never an empty explanation', async () => {
    const base = await loadKnowledgeBase(rules)
    const { results } = await base.check({ widgetServerVersion: '4.4', brewerConnected: true })
    for (const result of results) {
      expect(result.verdict).toBe('unknown')
      expect(result.missingFacts).toEqual([])
      expect(result.reasons).toEqual([
        {
          rule: '',
          verdict: 'unknown',
          status: 'undecided',
          messageKey: 'check.undecided',
          facts: [
            { fact: 'widgetServerVersion', operator: 'equal', value: '4.4', actual: '4.4', result: 'true' },
          ],
        },
      ])
    }
    const run = await kb([
      'check',
      '--rules',
      rules,
      '--article',
      'contoso-1001',
      '--fact',
      'widgetServerVersion=4.4',
      '--fact',
      'brewerConnected=true',
    ])
    expect(run.stdout).toContain('The rules of article contoso-1001 do not decide widgetServerVersion = 4.4')
  })
})
