// Whole answers of check() on a synthetic article: derivations, conflicts, actions and the reasons of an
// unknown answer, asserted field by field so a dropped or extra entry fails.
import { describe, expect, it } from 'vitest'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { KnowledgeBase } from '../../src/knowledge-base.ts'
import { syntheticArticle } from '../helpers/synthetic-article.ts'

const vocabulary = [
  { name: 'site', type: 'enum', source: 'inventory', values: [{ value: 'lab' }, { value: 'shop' }] },
  { name: 'legacy', type: 'boolean', source: 'inventory' },
  { name: 'server', type: 'enum', source: 'inventory', values: [{ value: '4.1' }, { value: '4.2' }] },
  { name: 'connected', type: 'boolean', source: 'inventory' },
  {
    name: 'alarm',
    type: 'enum',
    source: 'evidence',
    default: 'none',
    values: [{ value: 'none' }, { value: 'seen' }],
  },
].map((definition) => FactDefinition.parse(definition))

const article = syntheticArticle(
  [
    {
      id: 'alarm-seen',
      verdict: 'affected',
      when: { fact: 'alarm', operator: 'equal', value: 'seen' },
      onConflict: ['investigate'],
    },
    {
      id: 'old-server-connected',
      verdict: 'affected',
      when: {
        all: [
          { fact: 'server', operator: 'equal', value: '4.1' },
          { fact: 'connected', operator: 'equal', value: true },
        ],
      },
    },
    { id: 'new-server', verdict: 'not_affected', when: { fact: 'server', operator: 'equal', value: '4.2' } },
  ],
  {
    id: 'contoso-1',
    derive: [
      {
        id: 'legacy-lab-runs-4-1',
        when: {
          all: [
            { fact: 'site', operator: 'equal', value: 'lab' },
            { fact: 'legacy', operator: 'equal', value: true },
          ],
        },
        set: { server: '4.1' },
      },
    ],
    actions: [
      { id: 'fix', verdicts: ['affected'], step: 'resolve/fix', recommended: true },
      { id: 'unplug', verdicts: ['affected'], when: { fact: 'connected', operator: 'equal', value: true } },
      { id: 'collect', verdicts: ['unknown'] },
      { id: 'investigate', verdicts: [] },
    ],
  },
)
// Built in each test (not at load), so mutation testing links the compiled rules to the tests that use them.
const knowledgeBase = () =>
  new KnowledgeBase({ dir: '/nowhere', products: [], facts: vocabulary, logKinds: [], articles: [article] })

const fix = {
  id: 'fix',
  step: 'resolve/fix',
  recommended: true,
  conditional: false,
  waitingFor: [],
  conflict: false,
  messageKey: 'verdicts.actions.fix',
}

describe('check() answers in full', () => {
  it('a derivation that overrides an input says so, and its facts carry derivedBy', async () => {
    const { results, warnings } = await knowledgeBase().check({
      site: 'lab',
      legacy: true,
      server: '4.2',
      connected: true,
    })
    expect(warnings).toEqual([])
    expect(results).toEqual([
      {
        article: 'contoso-1',
        verdict: 'affected',
        missingFacts: [],
        reasons: [
          {
            rule: 'old-server-connected',
            verdict: 'affected',
            status: 'decided',
            messageKey: 'verdicts.rules.old-server-connected',
            facts: [
              {
                fact: 'server',
                operator: 'equal',
                value: '4.1',
                actual: '4.1',
                result: 'true',
                derivedBy: 'legacy-lab-runs-4-1',
              },
              { fact: 'connected', operator: 'equal', value: true, actual: true, result: 'true' },
            ],
          },
        ],
        actions: [
          fix,
          {
            id: 'unplug',
            recommended: false,
            conditional: false,
            waitingFor: [],
            conflict: false,
            messageKey: 'verdicts.actions.unplug',
          },
        ],
        conflicts: [],
        overridden: [{ fact: 'server', given: '4.2', derived: '4.1', derivedBy: 'legacy-lab-runs-4-1' }],
        facts: { site: 'lab', legacy: true, server: '4.1', connected: true, alarm: 'none' },
      },
    ])
  })

  it('evidence against inventory: the later rule is a conflict and adds the onConflict action', async () => {
    const [result] = (await knowledgeBase().check({ alarm: 'seen', server: '4.2' })).results
    expect(result!.verdict).toBe('affected')
    expect(result!.reasons.map((reason) => [reason.rule, reason.status])).toEqual([['alarm-seen', 'decided']])
    expect(result!.conflicts).toEqual([
      {
        rule: 'new-server',
        verdict: 'not_affected',
        status: 'conflict',
        messageKey: 'verdicts.rules.new-server',
        facts: [{ fact: 'server', operator: 'equal', value: '4.2', actual: '4.2', result: 'true' }],
      },
    ])
    expect(result!.actions).toEqual([
      fix,
      {
        id: 'unplug',
        recommended: false,
        conditional: true,
        waitingFor: ['connected'],
        conflict: false,
        messageKey: 'verdicts.actions.unplug',
      },
      {
        id: 'investigate',
        recommended: false,
        conditional: false,
        waitingFor: [],
        conflict: true,
        messageKey: 'verdicts.actions.investigate',
      },
    ])
    expect(result!.overridden).toEqual([])
  })

  it('an unknown answer gives every open rule with the leaves it waits for, and no conflicts', async () => {
    const [result] = (await knowledgeBase().check({})).results
    expect(result!.verdict).toBe('unknown')
    // strict: a leaf waiting for its fact has no `actual` at all
    expect(result!.reasons).toStrictEqual([
      {
        rule: 'old-server-connected',
        verdict: 'affected',
        status: 'open',
        messageKey: 'verdicts.rules.old-server-connected',
        facts: [
          { fact: 'server', operator: 'equal', value: '4.1', result: 'unknown' },
          { fact: 'connected', operator: 'equal', value: true, result: 'unknown' },
        ],
      },
      {
        rule: 'new-server',
        verdict: 'not_affected',
        status: 'open',
        messageKey: 'verdicts.rules.new-server',
        facts: [{ fact: 'server', operator: 'equal', value: '4.2', result: 'unknown' }],
      },
    ])
    expect(result!.conflicts).toEqual([])
    expect(result!.actions).toEqual([
      {
        id: 'collect',
        recommended: false,
        conditional: false,
        waitingFor: [],
        conflict: false,
        messageKey: 'verdicts.actions.collect',
      },
    ])
    // server settles the answer (4.2 is not affected); evidence facts are never asked for
    expect(result!.missingFacts[0]).toBe('server')
    expect(result!.missingFacts).not.toContain('alarm')
    for (const fact of result!.missingFacts) expect(['server', 'connected', 'site', 'legacy']).toContain(fact)
  })

  it('a false leaf decides a false all: only that leaf is the reason', async () => {
    const [result] = (await knowledgeBase().check({ server: '4.2', connected: false })).results
    expect(result!.verdict).toBe('not_affected')
    expect(result!.reasons[0]!.facts).toEqual([
      { fact: 'server', operator: 'equal', value: '4.2', actual: '4.2', result: 'true' },
    ])
  })

  it('verdicts() and check() leave the facts they are given as they were', async () => {
    const facts = { site: 'lab', legacy: true, server: '4.2', connected: true }
    const copy = structuredClone(facts)
    const kb = knowledgeBase()
    expect(kb.verdicts(facts)).toEqual([{ article: 'contoso-1', verdict: 'affected' }])
    await kb.check(facts)
    expect(facts).toEqual(copy)
  })

  it('names the articles it knows when asked for another', async () => {
    expect(() => knowledgeBase().verdicts({}, { article: 'nope' })).toThrow(
      'Expected an article of the knowledge base (`contoso-1`), not `nope`',
    )
    await expect(knowledgeBase().check({}, { article: 'nope' })).rejects.toThrow(RangeError)
  })

  it('a rule whose `any` holds gives the first leaf that holds as its reason', async () => {
    const either = syntheticArticle([
      {
        id: 'either',
        verdict: 'affected',
        when: {
          any: [
            { fact: 'server', operator: 'equal', value: '4.1' },
            { fact: 'connected', operator: 'equal', value: true },
          ],
        },
      },
    ])
    const kb = new KnowledgeBase({
      dir: '/nowhere',
      products: [],
      facts: vocabulary,
      logKinds: [],
      articles: [either],
    })
    const [result] = (await kb.check({ server: '4.1', connected: true })).results
    expect(result!.reasons[0]!.facts).toStrictEqual([
      { fact: 'server', operator: 'equal', value: '4.1', actual: '4.1', result: 'true' },
    ])
  })
})
