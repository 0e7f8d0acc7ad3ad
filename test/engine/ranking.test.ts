// The order of `missingFacts` on rules written in code, checked in process: a fact that settles alone,
// facts that matter only together, facts that only feed a derivation, a fact whose every answer gives the
// same result, and evidence that is never asked for.
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import type { Facts } from '../../src/engine/facts.ts'
import { rankMissingFacts } from '../../src/engine/missing-facts.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { syntheticArticle } from '../helpers/synthetic-article.ts'

const equal = (fact: string, value: string | boolean) => ({ fact, operator: 'equal' as const, value })
const enumFact = (name: string, ...values: string[]) =>
  FactDefinition.parse({ name, type: 'enum', values: values.map((value) => ({ value })) })

const vocabulary = [
  enumFact('region', 'eu', 'us'),
  enumFact('tier', 'basic', 'pro', 'max'),
  FactDefinition.parse({ name: 'patched', type: 'boolean' }),
  enumFact('site', 'lab', 'shop'),
  FactDefinition.parse({ name: 'legacy', type: 'boolean' }),
]

const article = syntheticArticle(
  [
    { id: 'patched-fixed', verdict: 'fixed', when: equal('patched', true) },
    { id: 'basic-not-affected', verdict: 'not_affected', when: equal('tier', 'basic') },
    { id: 'pro-in-eu', verdict: 'affected', when: { all: [equal('tier', 'pro'), equal('region', 'eu')] } },
    {
      id: 'pro-in-us',
      verdict: 'not_affected',
      when: { all: [equal('tier', 'pro'), equal('region', 'us')] },
    },
    {
      id: 'max-anywhere',
      verdict: 'affected',
      when: { all: [equal('tier', 'max'), { fact: 'region', operator: 'in', value: ['eu', 'us'] }] },
    },
  ],
  {
    derive: [
      {
        id: 'legacy-lab-runs-basic',
        when: { all: [equal('site', 'lab'), equal('legacy', true)] },
        set: { tier: 'basic' },
      },
    ],
    actions: [
      { id: 'find-tier', verdicts: ['unknown', 'affected'], checks: ['tier'] },
      { id: 'upgrade', verdicts: ['affected'] },
    ],
  },
)
const answer = (facts: Facts) => new ArticleChecker(article, vocabulary).check(facts)

describe('missing facts, ranked (in process)', () => {
  it.each<[Facts, string[]]>([
    // `patched` settles half its answers alone; `tier` and `region` none, `tier` is read by more open
    // rules; `site` and `legacy` only feed the derivation, so they come last, in vocabulary order.
    [{}, ['patched', 'tier', 'region', 'site', 'legacy']],
    // `tier` now settles `basic` alone (one of three answers); `region` settles nothing alone.
    [{ patched: false }, ['tier', 'region', 'site', 'legacy']],
    // With the derivation's facts known not to apply, only the rules' own facts remain.
    [{ patched: false, site: 'shop' }, ['tier', 'region']],
    [{ patched: false, legacy: false }, ['tier', 'region']],
    [{ patched: false, tier: 'pro' }, ['region']],
  ])('for %j: %j', async (facts, expected) => {
    const result = await answer(facts)
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts).toEqual(expected)
  })

  it('does not ask a fact whose every answer gives the same verdict and actions', async () => {
    const result = await answer({ tier: 'max' })
    expect(result.verdict).toBe('unknown')
    expect(result.reasons.map((reason) => [reason.rule, reason.status])).toEqual([
      ['patched-fixed', 'open'],
      ['max-anywhere', 'open'],
    ])
    expect(result.missingFacts).toEqual(['patched'])
  })

  it('a definite answer asks for nothing, and a step that finds out a fact is offered only while it is unknown', async () => {
    const open = await answer({})
    expect(open.actions.map((action) => action.id)).toEqual(['find-tier'])
    const known = await answer({ patched: false, tier: 'pro', region: 'eu' })
    expect(known.verdict).toBe('affected')
    expect(known.missingFacts).toEqual([])
    expect(known.actions.map((action) => action.id)).toEqual(['upgrade'])
  })

  it('asks the same questions again for the same facts (the relevance memo changes nothing)', async () => {
    const checker = new ArticleChecker(article, vocabulary)
    const first = await checker.check({ patched: false })
    const again = await checker.check({ patched: false, unrelated: true } as Facts)
    expect(again.missingFacts).toEqual(first.missingFacts)
    expect((await checker.check({ patched: false, site: 'shop' })).missingFacts).toEqual(['tier', 'region'])
    // region was worth asking above; with tier max it is not, on the same checker
    expect((await checker.check({ tier: 'max' })).missingFacts).toEqual(['patched'])
  })

  it('never asks for evidence, which comes from logs, not from the user', async () => {
    const evidence = syntheticArticle([
      {
        id: 'alarm-on-pro',
        verdict: 'affected',
        when: { all: [equal('alarm', true), equal('tier', 'pro')] },
      },
      { id: 'otherwise', verdict: 'not_affected', when: { not: equal('tier', 'pro') } },
    ])
    const withAlarm = [
      ...vocabulary,
      FactDefinition.parse({ name: 'alarm', type: 'boolean', source: 'evidence' }),
    ]
    const result = await new ArticleChecker(evidence, withAlarm).check({ tier: 'pro' })
    expect(result.verdict).toBe('unknown')
    expect(result.reasons.map((reason) => reason.facts.map((leaf) => leaf.fact))).toEqual([['alarm']])
    expect(result.missingFacts).toEqual([])
    expect((await new ArticleChecker(evidence, withAlarm).check({})).missingFacts).toEqual(['tier'])
  })

  it('ranks by the share of answers that settle, then by the rules that read the fact, then vocabulary order', async () => {
    const facts = [
      FactDefinition.parse({ name: 'c', type: 'boolean' }),
      FactDefinition.parse({ name: 'b', type: 'boolean' }),
      FactDefinition.parse({ name: 'a', type: 'boolean' }),
    ]
    const rank = async (rules: Parameters<typeof syntheticArticle>[0], given: Facts = {}) =>
      (await new ArticleChecker(syntheticArticle(rules), facts).check(given)).missingFacts
    // Ties everywhere: vocabulary order.
    expect(
      await rank([
        {
          id: 'all',
          verdict: 'affected',
          when: { all: [equal('a', true), equal('b', true), equal('c', true)] },
        },
      ]),
    ).toEqual(['c', 'b', 'a'])
    // a settles one answer of two (true decides); b none, because a, open before it, says something else.
    expect(
      await rank([
        { id: 'a', verdict: 'affected', when: equal('a', true) },
        { id: 'b', verdict: 'not_affected', when: equal('b', true) },
      ]),
    ).toEqual(['a', 'b'])
  })
})

describe('missing facts, ranked: shares of answers and version facts', () => {
  const version = (name: string) => FactDefinition.parse({ name, type: 'version' })
  const versionIs = (operator: 'versionLessThan' | 'versionGreaterThanInclusive', value: string) => ({
    fact: 'v',
    operator,
    value,
  })

  it('a version fact is tried around its thresholds: 2 of its 3 answers settle, none of the boolean’s', async () => {
    // v is tried at 1.9, 2.0 and 2.1; p alone settles nothing, since the first rule stays open.
    const checker = new ArticleChecker(
      syntheticArticle([
        { id: 'new', verdict: 'fixed', when: versionIs('versionGreaterThanInclusive', '2.0') },
        {
          id: 'old-p',
          verdict: 'affected',
          when: { all: [equal('p', true), versionIs('versionLessThan', '2.0')] },
        },
        { id: 'no-p', verdict: 'not_affected', when: equal('p', false) },
      ]),
      [FactDefinition.parse({ name: 'p', type: 'boolean' }), version('v')],
    )
    expect((await checker.check({})).missingFacts).toEqual(['v', 'p'])
  })

  it('compares shares, not counts: one answer of two settles more often than one of three', async () => {
    // p true settles (fixed); tier basic settles too (fixed, as the open rule before it would say).
    const checker = new ArticleChecker(
      syntheticArticle([
        { id: 'p-fixed', verdict: 'fixed', when: equal('p', true) },
        { id: 'basic-fixed', verdict: 'fixed', when: equal('tier', 'basic') },
        {
          id: 'other-tiers',
          verdict: 'affected',
          when: { all: [equal('p', false), { fact: 'tier', operator: 'in', value: ['pro', 'max'] }] },
        },
      ]),
      [enumFact('tier', 'basic', 'pro', 'max'), FactDefinition.parse({ name: 'p', type: 'boolean' })],
    )
    expect((await checker.check({})).missingFacts).toEqual(['p', 'tier'])
  })

  it('a version fact with no value to try settles nothing, whatever the rules that read it', () => {
    // Only through rankMissingFacts: the checker never asks a fact it cannot try (no threshold, no example).
    const vocabulary = [FactDefinition.parse({ name: 'p', type: 'boolean' }), version('v')]
    const checker = new ArticleChecker(
      syntheticArticle([{ id: 'p-fixed', verdict: 'fixed', when: equal('p', true) }]),
      vocabulary,
    )
    const ranked = rankMissingFacts(
      checker.compiled,
      {},
      new Set(['p', 'v']),
      vocabulary,
      new Map(),
      new Map([
        ['p', 1],
        ['v', 3],
      ]),
    )
    expect(ranked).toEqual(['p', 'v'])
  })
})
