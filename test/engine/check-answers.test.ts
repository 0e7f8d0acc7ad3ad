// More whole answers of ArticleChecker.check() on rules written in code: derivations that change nothing or
// fill a missing fact, a derivation json-rules-engine alone would fire on a missing fact, facts asked for
// because a derivation could supply them, undecided answers and their reasons, conflict steps.
import { describe, expect, it } from 'vitest'
import { ArticleChecker, articleFactsRead } from '../../src/engine/article-checker.ts'
import type { Facts } from '../../src/engine/facts.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

const isServer = (value: string) => ({ fact: 'server', operator: 'equal' as const, value })
const vocabulary = [
  FactDefinition.parse({
    name: 'server',
    type: 'enum',
    values: [{ value: '4.1' }, { value: '4.2' }, { value: '4.3' }],
  }),
  ...booleanFacts('connected', 'legacy', 'other'),
]
const rules: Parameters<typeof syntheticArticle>[0] = [
  {
    id: 'old-connected',
    verdict: 'affected',
    when: { all: [isServer('4.1'), holds('connected')] },
    onConflict: ['investigate'],
  },
  { id: 'new', verdict: 'not_affected', when: isServer('4.2') },
  {
    id: 'offline',
    verdict: 'not_affected',
    when: { fact: 'connected', operator: 'equal' as const, value: false },
  },
]
const checker = (options: Parameters<typeof syntheticArticle>[1] = {}, ruleList = rules) =>
  new ArticleChecker(syntheticArticle(ruleList, options), vocabulary)
const legacyRunsOld = { id: 'legacy-runs-old', when: holds('legacy'), set: { server: '4.1' } }
const leaf = (fact: string, value: unknown, actual?: unknown, derivedBy?: string) => ({
  fact,
  operator: 'equal',
  value,
  ...(actual === undefined ? {} : { actual }),
  result: actual === undefined ? 'unknown' : actual === value ? 'true' : 'false',
  ...(derivedBy ? { derivedBy } : {}),
})
const decided = (rule: string, verdict: string, facts: unknown[]) => ({
  rule,
  verdict,
  status: 'decided',
  messageKey: `verdicts.rules.${rule}`,
  facts,
})

describe('derivations in the answer', () => {
  it('factsRead lists every fact a rule reads, sorted, once', () => {
    expect(checker().factsRead).toStrictEqual(['connected', 'server'])
    expect(checker({ derive: [legacyRunsOld] }).factsRead).toStrictEqual(['connected', 'legacy', 'server'])
    // The same list without compiling the article (the page lists every article's facts).
    for (const options of [{}, { derive: [legacyRunsOld] }]) {
      const article = syntheticArticle(rules, options)
      expect(articleFactsRead(article)).toStrictEqual(new ArticleChecker(article, vocabulary).factsRead)
    }
    expect(articleFactsRead(syntheticArticle(rules, { derive: [legacyRunsOld] }))).toStrictEqual([
      'connected',
      'legacy',
      'server',
    ])
  })

  it('a derivation that fills a missing fact overrides nothing, and its fact carries derivedBy', async () => {
    const result = await checker({ derive: [legacyRunsOld] }).check({ legacy: true, connected: true })
    expect(result).toStrictEqual({
      article: 'synthetic',
      verdict: 'affected',
      missingFacts: [],
      reasons: [
        decided('old-connected', 'affected', [
          leaf('server', '4.1', '4.1', 'legacy-runs-old'),
          leaf('connected', true, true),
        ]),
      ],
      actions: [],
      conflicts: [],
      overridden: [],
      facts: { legacy: true, connected: true, server: '4.1' },
    })
  })

  it('a derivation that sets the value already given overrides nothing', async () => {
    const result = await checker({ derive: [legacyRunsOld] }).check({
      legacy: true,
      server: '4.1',
      connected: true,
    })
    expect(result.overridden).toStrictEqual([])
    expect(result.reasons[0]!.facts[0]).toStrictEqual(leaf('server', '4.1', '4.1', 'legacy-runs-old'))
  })

  it('a derivation whose notEqual meets a missing fact does not fire (json-rules-engine alone would)', async () => {
    const notShop = {
      id: 'not-shop-runs-old',
      when: { fact: 'other', operator: 'notEqual' as const, value: true },
      set: { server: '4.1' },
    }
    const derived = checker({ derive: [notShop] })
    const unknown = await derived.check({ connected: true })
    expect(unknown.verdict).toBe('unknown')
    expect(unknown.facts).toStrictEqual({ connected: true })
    expect(unknown.reasons.map((reason) => reason.facts)).toStrictEqual([
      [leaf('server', '4.1')],
      [leaf('server', '4.2')],
    ])
    expect(derived.verdictOf({ connected: true })).toBe('unknown')
    const fired = await derived.check({ connected: true, other: false })
    expect([fired.verdict, fired.facts.server]).toEqual(['affected', '4.1'])
  })

  it('asks for the facts of a derivation that could supply a missing fact, after the fact itself', async () => {
    const result = await checker({ derive: [legacyRunsOld] }).check({ connected: true })
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts).toStrictEqual(['server', 'legacy'])
    // Known not to apply, the derivation supplies nothing: only the rules' own fact is asked for.
    expect(
      (await checker({ derive: [legacyRunsOld] }).check({ connected: true, legacy: false })).missingFacts,
    ).toStrictEqual(['server'])
    // A derivation that also sets a fact nobody waits for still supplies the one that is missing.
    const twoFacts = { ...legacyRunsOld, set: { server: '4.1', other: true } }
    expect((await checker({ derive: [twoFacts] }).check({ connected: true })).missingFacts).toStrictEqual([
      'server',
      'legacy',
    ])
    // Without a derivation that sets it, legacy is never asked for.
    expect((await checker().check({ connected: true })).missingFacts).toStrictEqual(['server'])
  })
})

describe('undecided answers', () => {
  it('a value the rules name is not blamed: the reason names every known fact the rules read instead', async () => {
    const named: Parameters<typeof syntheticArticle>[0] = [
      { id: 'old', verdict: 'affected', when: isServer('4.1') },
      { id: 'newest', verdict: 'not_affected', when: isServer('4.3') },
      { id: 'new-connected', verdict: 'not_affected', when: { all: [isServer('4.2'), holds('connected')] } },
    ]
    const result = await checker({}, named).check({ server: '4.2', connected: false })
    expect(
      result.reasons.map((reason) => [reason.status, reason.facts.map((leaf) => leaf.fact)]),
    ).toStrictEqual([['undecided', ['server', 'connected']]])
  })

  it('a fact the rules read but nobody gave is not among the facts of an undecided reason', async () => {
    const onlyOld = checker({ derive: [legacyRunsOld] }, [rules[0]!, rules[2]!])
    const result = await onlyOld.check({ server: '4.3', connected: true })
    expect(
      result.reasons.map((reason) => [reason.status, reason.facts.map((leaf) => leaf.fact)]),
    ).toStrictEqual([['undecided', ['server', 'connected']]])
  })

  it('blames the value no rule names when every other value is decided', async () => {
    const result = await checker().check({ server: '4.3', connected: true, other: true })
    expect(result).toStrictEqual({
      article: 'synthetic',
      verdict: 'unknown',
      missingFacts: [],
      reasons: [
        {
          rule: '',
          verdict: 'unknown',
          status: 'undecided',
          messageKey: 'check.undecided',
          facts: [{ fact: 'server', operator: 'equal', value: '4.3', actual: '4.3', result: 'true' }],
        },
      ],
      actions: [],
      conflicts: [],
      overridden: [],
      // `other` is read by no rule of the article: not part of its answer.
      facts: { connected: true, server: '4.3' },
    })
  })

  it('names every known fact the rules read (decisions and derivations) when only the combination is undecided', async () => {
    const onlyOld = checker({ derive: [legacyRunsOld] }, [rules[0]!, rules[2]!])
    const result = await onlyOld.check({ server: '4.3', connected: true, legacy: false, other: true })
    expect(result.verdict).toBe('unknown')
    expect(result.reasons).toStrictEqual([
      {
        rule: '',
        verdict: 'unknown',
        status: 'undecided',
        messageKey: 'check.undecided',
        facts: [
          { fact: 'server', operator: 'equal', value: '4.3', actual: '4.3', result: 'true' },
          { fact: 'connected', operator: 'equal', value: true, actual: true, result: 'true' },
          { fact: 'legacy', operator: 'equal', value: false, actual: false, result: 'true' },
        ],
      },
    ])
  })
})

describe('steps', () => {
  const actions = [
    { id: 'investigate', verdicts: [], when: holds('other') },
    { id: 'patch', verdicts: ['affected' as const], step: 'fix/patch', recommended: true },
    {
      id: 'verify',
      verdicts: ['affected' as const],
      when: { any: [holds('other'), { not: holds('other') }] },
    },
  ]

  it('a conflict step is offered only with a conflict, unconditionally, even when its own condition is open', async () => {
    const conflicting = checker({ actions }, [rules[0]!, { ...rules[2]!, when: holds('connected') }])
    const result = await conflicting.check({ server: '4.1', connected: true })
    expect(result.verdict).toBe('affected')
    expect(result.conflicts.map((reason) => [reason.rule, reason.status])).toStrictEqual([
      ['offline', 'conflict'],
    ])
    expect(result.actions).toStrictEqual([
      {
        id: 'investigate',
        recommended: false,
        conditional: false,
        waitingFor: [],
        conflict: true,
        messageKey: 'verdicts.actions.investigate',
      },
      {
        id: 'patch',
        step: 'fix/patch',
        recommended: true,
        conditional: false,
        waitingFor: [],
        conflict: false,
        messageKey: 'verdicts.actions.patch',
      },
      {
        id: 'verify',
        recommended: false,
        conditional: true,
        waitingFor: ['other'],
        conflict: false,
        messageKey: 'verdicts.actions.verify',
      },
    ])
    const quiet = await checker({ actions }).check({ server: '4.1', connected: true, other: true })
    expect(quiet.conflicts).toStrictEqual([])
    expect(quiet.actions.map((action) => [action.id, action.conflict, action.conditional])).toStrictEqual([
      ['patch', false, false],
      ['verify', false, false],
    ])
  })

  it('a step whose own condition is false is not offered', async () => {
    const notify = { id: 'notify', verdicts: ['affected' as const], when: holds('other') }
    const result = await checker({ actions: [notify] }).check({
      server: '4.1',
      connected: true,
      other: false,
    })
    expect(result.verdict).toBe('affected')
    expect(result.actions).toStrictEqual([])
  })

  it('no step for another verdict', async () => {
    const result = await checker({ actions }).check({ server: '4.2' } as Facts)
    expect(result.verdict).toBe('not_affected')
    expect(result.actions).toStrictEqual([])
  })
})
