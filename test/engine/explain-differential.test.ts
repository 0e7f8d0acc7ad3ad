// `explain` (closures) must give exactly the answer `check` (json-rules-engine) gives: verdict, reasons with
// their leaves, missing facts, actions, conflicts, derived facts. Random articles make the rule shapes vary
// (nesting, `not`, derivations feeding each other, actions waiting for facts); the real ones make sure the
// shipped content agrees too.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import type { Facts } from '../../src/engine/facts.ts'
import type { Condition } from '../../src/kb/schema/condition.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { syntheticArticle } from '../helpers/synthetic-article.ts'
import { copyBatchFixtureRules, removeCopies } from '../helpers/temp-rules.ts'

const colours = ['red', 'green', 'blue']
const vocabulary = [
  ...['a', 'b', 'c'].map((name) => FactDefinition.parse({ name, type: 'boolean' })),
  ...['x', 'y'].map((name) =>
    FactDefinition.parse({ name, type: 'enum', values: colours.map((value) => ({ value })) }),
  ),
  FactDefinition.parse({ name: 'v', type: 'version' }),
]

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    fact: fc.constantFrom('a', 'b', 'c'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.boolean(),
  }),
  fc.record({
    fact: fc.constantFrom('x', 'y'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.constantFrom(...colours),
  }),
  fc.record({
    fact: fc.constantFrom('x', 'y'),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.subarray(colours, { minLength: 1 }),
  }),
  fc.record({
    fact: fc.constant('v'),
    operator: fc.constantFrom('versionLessThan', 'versionGreaterThanInclusive', 'versionEqual'),
    value: fc.constantFrom('1.2', '1.10', '2.0.1'),
  }),
) as fc.Arbitrary<Condition>

const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node

const article = fc
  .record({
    rules: fc.array(
      fc.record({ verdict: fc.constantFrom('affected', 'not_affected', 'fixed'), when: condition }),
      { minLength: 1, maxLength: 4 },
    ),
    derive: fc.array(
      fc.record({
        when: condition,
        set: fc.oneof(
          fc.record({ a: fc.boolean() }),
          fc.record({ x: fc.constantFrom(...colours) }),
          fc.record({ c: fc.boolean(), y: fc.constantFrom(...colours) }),
        ),
      }),
      { maxLength: 3 },
    ),
    actions: fc.array(
      fc.record({
        verdicts: fc.subarray(['affected', 'not_affected', 'fixed', 'unknown'] as const, { minLength: 1 }),
        when: fc.option(condition, { nil: undefined }),
        checks: fc.subarray(['a', 'b', 'x']),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ rules, derive, actions }) =>
    syntheticArticle(
      rules.map((rule, index) => ({ id: `rule-${index}`, ...rule })),
      {
        derive: derive.map((derivation, index) => ({ id: `derive-${index}`, ...derivation })),
        actions: actions.map(({ when, ...action }, index) => ({
          id: `action-${index}`,
          ...action,
          ...(when ? { when } : {}),
        })),
      },
    ),
  )

const facts: fc.Arbitrary<Facts> = fc.record(
  {
    a: fc.boolean(),
    b: fc.boolean(),
    c: fc.boolean(),
    x: fc.constantFrom(...colours),
    y: fc.constantFrom(...colours),
    v: fc.constantFrom('1.2', '1.9', '1.10', '2.0.1', '3'),
  },
  { requiredKeys: [] },
)

async function expectSameAnswer(checker: ArticleChecker, given: Facts) {
  const reference = await checker.check(given)
  expect(checker.explain(given), JSON.stringify(given)).toEqual(reference)
}

describe('explain() against json-rules-engine', () => {
  it('gives the same answer on random articles and fact sets', async () => {
    await fc.assert(
      fc.asyncProperty(article, fc.array(facts, { minLength: 1, maxLength: 8 }), async (model, sets) => {
        const checker = new ArticleChecker(model, vocabulary)
        for (const given of sets) await expectSameAnswer(checker, given)
      }),
      { numRuns: 400 },
    )
  })

  it('gives the engine’s order of derivations: a later one sees what an earlier one set', async () => {
    const chained = syntheticArticle(
      [{ id: 'red', verdict: 'affected', when: { fact: 'x', operator: 'equal', value: 'red' } }],
      {
        derive: [
          { id: 'first', when: { fact: 'a', operator: 'equal', value: true }, set: { c: true } },
          { id: 'second', when: { fact: 'c', operator: 'equal', value: true }, set: { x: 'red' } },
        ],
      },
    )
    const checker = new ArticleChecker(chained, vocabulary)
    const answer = checker.explain({ a: true, x: 'blue' })
    expect(answer.verdict).toBe('affected')
    expect(answer.overridden).toEqual([{ fact: 'x', given: 'blue', derived: 'red', derivedBy: 'second' }])
    await expectSameAnswer(checker, { a: true, x: 'blue' })
  })

  it('hands out copies: changing an answer changes no later answer', () => {
    const model = syntheticArticle([
      { id: 'warm', verdict: 'affected', when: { fact: 'x', operator: 'in', value: ['red', 'green'] } },
    ])
    const checker = new ArticleChecker(model, vocabulary)
    const first = checker.explain({ x: 'red' })
    ;(first.reasons[0]!.facts[0]!.value as string[]).push('blue')
    expect(checker.explain({ x: 'blue' }).verdict).toBe('unknown')
    expect(checker.explain({ x: 'red' }).reasons[0]!.facts[0]!.value).toEqual(['red', 'green'])
  })
})

describe('explain() on the shipped articles and the batch fixture', () => {
  let kb: KnowledgeBase
  let tricky: KnowledgeBase
  beforeAll(async () => {
    kb = await loadKnowledgeBase()
    tricky = await loadKnowledgeBase(await copyBatchFixtureRules())
  })
  afterAll(removeCopies)

  // Every fact of the vocabulary missing or set to one of its values (or, for versions, a few around the fixes).
  function vocabularyFacts(base: KnowledgeBase): fc.Arbitrary<Record<string, unknown>> {
    const entries = base.model.facts.map((definition) => {
      const values: unknown[] =
        definition.type === 'boolean'
          ? [true, false]
          : definition.type === 'version'
            ? ['3.1.6001.65', '3.1.6001.66', '3.1.6001.100', '4.2', '9.0.2', '9.0.10']
            : definition.values!.map((value) => value.value)
      return [definition.name, fc.constantFrom(...values)] as const
    })
    return fc.record(Object.fromEntries(entries), { requiredKeys: [] })
  }

  it.each(['kb', 'tricky'] as const)('the %s articles give the engine’s answers', async (which) => {
    const base = which === 'kb' ? kb : tricky
    await fc.assert(
      fc.asyncProperty(vocabularyFacts(base), async (raw) => {
        const { facts } = base.prepareFacts(raw)
        for (const checker of base.checkers.values()) await expectSameAnswer(checker, facts)
      }),
      { numRuns: 300 },
    )
  })
})
