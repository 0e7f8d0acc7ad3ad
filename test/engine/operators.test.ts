// Every operator of the rule language: the built-in names keep json-rules-engine's own semantics (compared
// with an engine that has only its built-ins, through its public API), the version operators compare dotted
// versions, and each gives the same leaf value in every evaluator.
import { Engine } from 'json-rules-engine'
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import { evaluateOperator, operatorDefinition, operators } from '../../src/engine/operators.ts'
import type { Condition } from '../../src/kb/schema/condition.ts'
import { booleanFacts, syntheticArticle } from '../helpers/synthetic-article.ts'

const builtIn = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]
const versions = [
  'versionEqual',
  'versionLessThan',
  'versionLessThanInclusive',
  'versionGreaterThan',
  'versionGreaterThanInclusive',
]

it('defines exactly the operators the rule schema allows', () => {
  expect([...operators.keys()]).toEqual([...builtIn, ...versions])
  expect(() => operatorDefinition('contains')).toThrow(
    'Expected an operator of the rule language, not `contains`',
  )
})

async function builtInAnswer(operator: string, fact: unknown, value: unknown): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true })
  engine.addRule({ conditions: { all: [{ fact: 'x', operator, value }] }, event: { type: 'held' } })
  const { events } = await engine.run({ x: fact })
  return events.length === 1
}

describe('the built-in operators, as json-rules-engine 7.3.1 defines them', () => {
  const facts = [3, '3', 2.5, '2.5', 10, '10', 'abc', '', true, false, 0]
  const scalars = [3, '3', 2.5, 10, 'abc', true]
  const cases = builtIn.flatMap((operator) =>
    facts.flatMap((fact) =>
      (operator === 'in' || operator === 'notIn' ? [[3, 'abc'], ['3', true], []] : scalars).map(
        (value) => [operator, fact, value] as [string, unknown, unknown],
      ),
    ),
  )
  it(`agree with the engine's own on ${cases.length} fact and value pairs`, async () => {
    const differences: unknown[] = []
    for (const [operator, fact, value] of cases) {
      const ours = evaluateOperator(operatorDefinition(operator), fact, value)
      if (ours !== (await builtInAnswer(operator, fact, value)))
        differences.push([operator, fact, value, ours])
    }
    expect(differences).toEqual([])
  })

  it.each([
    ['equal', 3, 3, true],
    ['equal', '3', 3, false],
    ['notEqual', '3', 3, true],
    ['notEqual', true, true, false],
    ['in', 'b', ['a', 'b'], true],
    ['in', 'c', ['a', 'b'], false],
    ['notIn', 'c', ['a', 'b'], true],
    ['notIn', 'a', ['a'], false],
    ['lessThan', 2, 3, true],
    ['lessThan', 3, 3, false],
    ['lessThanInclusive', 3, 3, true],
    ['lessThanInclusive', 4, 3, false],
    ['greaterThan', 4, 3, true],
    ['greaterThan', 3, 3, false],
    ['greaterThanInclusive', 3, 3, true],
    ['greaterThanInclusive', 2, 3, false],
    ['lessThan', 'abc', 3, false],
    ['greaterThanInclusive', 'abc', 'abc', false],
    ['lessThanInclusive', '2', 3, true],
  ] as const)('%s(%j, %j) is %s', (operator, fact, value, expected) => {
    expect(evaluateOperator(operatorDefinition(operator), fact, value)).toBe(expected)
  })
})

describe('the version operators', () => {
  it.each([
    // [fact, value, equal, less, lessOrEqual, greater, greaterOrEqual]
    ['3.1.6001.65', '3.1.6001.66', false, true, true, false, false],
    ['3.1.6001.66', '3.1.6001.66', true, false, true, false, true],
    ['3.1.6001.67', '3.1.6001.66', false, false, false, true, true],
    ['3.1.6001.066', '3.1.6001.66', true, false, true, false, true],
    ['1.2', '1.2.0.0', true, false, true, false, true],
    ['1.2.0.1', '1.2', false, false, false, true, true],
    ['10.0', '9.0', false, false, false, true, true],
    ['9.10', '9.9', false, false, false, true, true],
    ['2', '10', false, true, true, false, false],
    ['999999999999.1', '999999999999.2', false, true, true, false, false],
  ] as const)('%s against %s', (fact, value, ...expected) => {
    expect(versions.map((name) => evaluateOperator(operatorDefinition(name), fact, value))).toEqual(expected)
  })

  it.each([
    ['3.0 SP1'],
    ['1.2.3.4.5'],
    ['1234567890123'],
    [''],
    ['1.'],
    ['.1'],
    ['v1.2'],
    [3],
    [true],
    [null],
  ])('a fact that is not a dotted version (%j) makes every version leaf false', (fact) => {
    expect(versions.map((name) => evaluateOperator(operatorDefinition(name), fact, '3.0'))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })
})

describe('every operator gives the same leaf value in every evaluator', () => {
  const cases: Array<[string, unknown, unknown, boolean]> = [
    ['equal', 'x', 'x', true],
    ['equal', 'x', 'y', false],
    ['notEqual', 'x', 'y', true],
    ['notEqual', 'x', 'x', false],
    ['in', 'x', ['x', 'y'], true],
    ['in', 'z', ['x', 'y'], false],
    ['notIn', 'z', ['x'], true],
    ['notIn', 'x', ['x'], false],
    ['lessThan', 1, 2, true],
    ['lessThan', 2, 2, false],
    ['lessThanInclusive', 2, 2, true],
    ['lessThanInclusive', 3, 2, false],
    ['greaterThan', 3, 2, true],
    ['greaterThan', 2, 2, false],
    ['greaterThanInclusive', 2, 2, true],
    ['greaterThanInclusive', 1, 2, false],
    ['versionEqual', '1.0', '1.0.0', true],
    ['versionEqual', '1.0', '1.1', false],
    ['versionLessThan', '1.0', '1.1', true],
    ['versionLessThan', '1.1', '1.1', false],
    ['versionLessThanInclusive', '1.1', '1.1', true],
    ['versionLessThanInclusive', '1.2', '1.1', false],
    ['versionGreaterThan', '1.2', '1.1', true],
    ['versionGreaterThan', '1.1', '1.1', false],
    ['versionGreaterThanInclusive', '1.1', '1.1', true],
    ['versionGreaterThanInclusive', '1.0', '1.1', false],
    ['versionEqual', '1.0 beta', '1.0', false],
  ]
  it.each(cases)('%s(%j, %j) is %s', async (operator, fact, value, expected) => {
    const when = { fact: 'x', operator, value } as Condition
    const article = syntheticArticle([
      { id: 'leaf', verdict: 'affected', when },
      { id: 'else', verdict: 'not_affected', when: { fact: 'z', operator: 'equal', value: true } },
    ])
    const facts = { x: fact as string, z: true }
    const verdict = expected ? 'affected' : 'not_affected'
    for (const strategy of ['generated', 'closures'] as const) {
      const checker = new ArticleChecker(article, booleanFacts('z'), strategy)
      expect(checker.verdictOf(facts)).toBe(verdict)
      expect(checker.compiled.decisions[0]!.when(facts)).toBe(expected ? 1 : 0)
      const result = await checker.check(facts)
      expect(result.verdict).toBe(verdict)
      expect(result.reasons[0]!.facts).toEqual(
        expected
          ? [{ fact: 'x', operator, value, actual: fact, result: 'true' }]
          : [{ fact: 'z', operator: 'equal', value: true, actual: true, result: 'true' }],
      )
    }
  })
})
