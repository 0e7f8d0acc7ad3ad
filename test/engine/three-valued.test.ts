// Three-valued AND, OR and NOT against their truth tables, in the tri-state helpers and in every evaluator:
// engine.run() read by outcomeOf(), the compiled closures, the generated verdict function and its closure
// fallback. A missing fact is unknown, whatever json-rules-engine itself answers for it.
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import type { Facts } from '../../src/engine/facts.ts'
import { outcomeOf } from '../../src/engine/outcome.ts'
import { FALSE, TRUE, type Tri, triAll, triAny, triNot, UNKNOWN } from '../../src/engine/tri-state.ts'
import type { Condition } from '../../src/kb/schema/condition.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

const [T, F, U] = [TRUE, FALSE, UNKNOWN] as [Tri, Tri, Tri]
const all: Array<[Tri, Tri, Tri]> = [
  [T, T, T],
  [T, F, F],
  [T, U, U],
  [F, T, F],
  [F, F, F],
  [F, U, F],
  [U, T, U],
  [U, F, F],
  [U, U, U],
]
const any: Array<[Tri, Tri, Tri]> = [
  [T, T, T],
  [T, F, T],
  [T, U, T],
  [F, T, T],
  [F, F, F],
  [F, U, U],
  [U, T, T],
  [U, F, U],
  [U, U, U],
]
const not: Array<[Tri, Tri]> = [
  [T, F],
  [F, T],
  [U, U],
]

describe('the tri-state helpers', () => {
  it.each(all)('all(%i, %i) = %i', (a, b, expected) => expect(triAll([a, b])).toBe(expected))
  it.each(any)('any(%i, %i) = %i', (a, b, expected) => expect(triAny([a, b])).toBe(expected))
  it.each(not)('not(%i) = %i', (a, expected) => expect(triNot(a)).toBe(expected))
  it('all of nothing is true, any of nothing is false', () => {
    expect(triAll([])).toBe(TRUE)
    expect(triAny([])).toBe(FALSE)
    expect(triAll([T, U, F, U])).toBe(FALSE)
    expect(triAny([F, U, T, U])).toBe(TRUE)
  })
})

const factNames = ['a', 'b', 'c', 'z']
// Rule 0 (affected) is the condition under test; rule 1 (not_affected) always holds (z is true). So the
// verdict is affected when the condition is true, not_affected when false, unknown when unknown.
function checkers(when: Condition) {
  const article = syntheticArticle([
    { id: 'under-test', verdict: 'affected', when },
    { id: 'otherwise', verdict: 'not_affected', when: holds('z') },
  ])
  const vocabulary = booleanFacts(...factNames)
  return {
    generated: new ArticleChecker(article, vocabulary, 'generated'),
    closures: new ArticleChecker(article, vocabulary, 'closures'),
  }
}

const verdictTri = { affected: T, not_affected: F, unknown: U } as const

/** The condition's value in each evaluator; all must agree with `expected`. */
async function expectEverywhere(when: Condition, facts: Facts, expected: Tri): Promise<void> {
  const { generated, closures } = checkers(when)
  const input = { ...facts, z: true }
  const run = await generated.engine.run({ ...input })
  const result = [...run.results, ...run.failureResults].find((entry) => entry.name === 'decide:under-test')
  const seen = {
    engine: outcomeOf(result!.conditions as never).tri,
    closure: generated.compiled.decisions[0]!.when(input),
    generated: verdictTri[generated.verdictOf(input) as keyof typeof verdictTri],
    closureVerdict: verdictTri[closures.verdictOf(input) as keyof typeof verdictTri],
    check: verdictTri[(await generated.check(input)).verdict as keyof typeof verdictTri],
  }
  expect(seen).toEqual({
    engine: expected,
    closure: expected,
    generated: expected,
    closureVerdict: expected,
    check: expected,
  })
}

const factsOf = (...values: Tri[]): Facts => {
  const facts: Facts = {}
  values.forEach((value, index) => {
    if (value !== U) facts[factNames[index]!] = value === T
  })
  return facts
}

describe('every evaluator', () => {
  it.each(all)('all(a=%i, b=%i) = %i', async (a, b, expected) => {
    await expectEverywhere({ all: [holds('a'), holds('b')] }, factsOf(a, b), expected)
  })
  it.each(any)('any(a=%i, b=%i) = %i', async (a, b, expected) => {
    await expectEverywhere({ any: [holds('a'), holds('b')] }, factsOf(a, b), expected)
  })
  it.each(not)('not(a=%i) = %i', async (a, expected) => {
    await expectEverywhere({ not: holds('a') }, factsOf(a), expected)
  })

  const values = [T, F, U]
  const triples = values.flatMap((a) => values.flatMap((b) => values.map((c) => [a, b, c] as const)))
  it.each(triples)('any(all(a=%i, not b=%i), not c=%i) as the helpers compute it', async (a, b, c) => {
    const when: Condition = { any: [{ all: [holds('a'), { not: holds('b') }] }, { not: holds('c') }] }
    const expected = triAny([triAll([a, triNot(b)]), triNot(c)])
    await expectEverywhere(when, factsOf(a, b, c), expected)
  })

  it.each([
    ['notEqual', 'x'],
    ['notIn', ['x']],
    ['equal', 'x'],
    ['in', ['x']],
  ] as const)(
    'treats a missing fact as unknown for %s, which json-rules-engine alone calls true or false',
    async (operator, value) => {
      await expectEverywhere({ fact: 'a', operator, value } as Condition, {}, U)
      await expectEverywhere({ not: { fact: 'a', operator, value } as Condition }, {}, U)
    },
  )
})
