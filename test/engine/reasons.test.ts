// Which leaves a reason lists: the ones that decided the rule (a false leaf for a false `all`, a true one
// for a true `any`, every leaf otherwise) and, for an open rule, only the leaves still waiting for a fact.
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import type { Facts } from '../../src/engine/facts.ts'
import type { Condition } from '../../src/kb/schema/condition.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

// Rule 0 is the condition under test; rule 1 holds when z is true, so z: false leaves rule 0 alone.
async function reason(when: Condition, facts: Facts) {
  const article = syntheticArticle([
    { id: 'under-test', verdict: 'affected', when },
    { id: 'otherwise', verdict: 'not_affected', when: holds('z') },
  ])
  const result = await new ArticleChecker(article, booleanFacts('a', 'b', 'c', 'z')).check({
    ...facts,
    z: false,
  })
  expect(result.reasons).toHaveLength(1)
  const [only] = result.reasons
  return { verdict: result.verdict, status: only!.status, rule: only!.rule, facts: only!.facts }
}

const leaf = (fact: string, actual?: boolean) => ({
  fact,
  operator: 'equal',
  value: true,
  ...(actual === undefined ? {} : { actual }),
  result: actual === undefined ? 'unknown' : String(actual),
})

describe('the leaves of a reason', () => {
  it.each<[string, Condition, Facts, ReturnType<typeof leaf>[]]>([
    [
      'NOT (a AND b), both false: the first false leaf',
      { not: { all: [holds('a'), holds('b')] } },
      { a: false, b: false },
      [leaf('a', false)],
    ],
    [
      'NOT (a AND b), b false: that leaf',
      { not: { all: [holds('a'), holds('b')] } },
      { a: true, b: false },
      [leaf('b', false)],
    ],
    [
      'NOT (a OR b), both false: every leaf',
      { not: { any: [holds('a'), holds('b')] } },
      { a: false, b: false },
      [leaf('a', false), leaf('b', false)],
    ],
    [
      'a OR b, both true: the first true leaf',
      { any: [holds('a'), holds('b')] },
      { a: true, b: true },
      [leaf('a', true)],
    ],
    [
      'a AND (b OR c): a and the leaf that made the OR true',
      { all: [holds('a'), { any: [holds('b'), holds('c')] }] },
      { a: true, b: false, c: true },
      [leaf('a', true), leaf('c', true)],
    ],
  ])('decided, %s', async (_, when, facts, leaves) => {
    expect(await reason(when, facts)).toStrictEqual({
      verdict: 'affected',
      status: 'decided',
      rule: 'under-test',
      facts: leaves,
    })
  })

  it.each<[string, Condition, Facts, ReturnType<typeof leaf>[]]>([
    ['a AND b, a true: only b, still missing', { all: [holds('a'), holds('b')] }, { a: true }, [leaf('b')]],
    ['a OR b, b false: only a, still missing', { any: [holds('a'), holds('b')] }, { b: false }, [leaf('a')]],
    ['NOT (a AND b), a true: only b', { not: { all: [holds('a'), holds('b')] } }, { a: true }, [leaf('b')]],
    [
      'a AND b AND c, nothing known: every leaf',
      { all: [holds('a'), holds('b'), holds('c')] },
      {},
      [leaf('a'), leaf('b'), leaf('c')],
    ],
  ])('open, %s', async (_, when, facts, leaves) => {
    expect(await reason(when, facts)).toStrictEqual({
      verdict: 'unknown',
      status: 'open',
      rule: 'under-test',
      facts: leaves,
    })
  })
})
