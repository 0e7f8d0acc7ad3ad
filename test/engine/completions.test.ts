// The completion search on synthetic rules: which facts the rules read and name, which values are tried,
// which missing fact can change the answer, and which cases no rule decides.
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import {
  changesOutcome,
  factsRead,
  namedValues,
  probeValues,
  undecidedCases,
  undecidedValues,
} from '../../src/engine/completions.ts'
import { toEngineRules } from '../../src/engine/engine-rules.ts'
import { versionThresholds } from '../../src/engine/missing-facts.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

const isServer = (value: string) => ({ fact: 'server', operator: 'equal' as const, value })
const server = FactDefinition.parse({
  name: 'server',
  type: 'enum',
  values: [{ value: '4.1' }, { value: '4.2' }, { value: '4.3' }],
})
const vocabulary = [server, ...booleanFacts('connected', 'legacy')]

// 4.1 with a connection is affected, 4.2 is not, nothing without a connection is; 4.3 connected is left
// without a verdict (a value added for another article).
const rules = [
  {
    id: 'old-connected',
    verdict: 'affected' as const,
    when: { all: [isServer('4.1'), holds('connected')] },
  },
  { id: 'new', verdict: 'not_affected' as const, when: isServer('4.2') },
  {
    id: 'offline',
    verdict: 'not_affected' as const,
    when: { fact: 'connected', operator: 'equal' as const, value: false },
  },
]
const logicOf = (options: Parameters<typeof syntheticArticle>[1] = {}) =>
  new ArticleChecker(syntheticArticle(rules, options), vocabulary).logic

describe('what the rules read and name', () => {
  it('factsRead lists each fact once, in order of appearance, through all, any and not', () => {
    expect(
      factsRead({
        all: [
          { fact: 'b', operator: 'equal', value: 1 },
          {
            any: [
              { fact: 'a', operator: 'equal', value: 2 },
              { not: { fact: 'c', operator: 'equal', value: 3 } },
            ],
          },
          { fact: 'b', operator: 'equal', value: 4 },
        ],
      }),
    ).toEqual(['b', 'a', 'c'])
  })

  it('namedValues collects compared values, list members and the values derivations set', () => {
    const article = syntheticArticle(
      [
        {
          id: 'r',
          verdict: 'affected',
          when: {
            any: [
              { fact: 'server', operator: 'in', value: ['4.1', '4.2'] },
              { not: { fact: 'connected', operator: 'equal', value: true } },
            ],
          },
        },
      ],
      { derive: [{ id: 'd', when: { all: [holds('legacy')] }, set: { server: '4.3', patched: false } }] },
    )
    const named = namedValues(toEngineRules(article))
    expect([...named.keys()].sort()).toEqual(['connected', 'legacy', 'patched', 'server'])
    expect([...named.get('server')!].sort()).toEqual(['4.1', '4.2', '4.3'])
    expect([...named.get('connected')!]).toEqual([true])
    expect([...named.get('patched')!]).toEqual([false])
  })

  it('versionThresholds lists every version each fact is compared with, through all, any and not', () => {
    expect(
      versionThresholds([
        {
          all: [
            { fact: 'firmware', operator: 'versionLessThan', value: '9.0.2' },
            { any: [{ not: { fact: 'firmware', operator: 'versionGreaterThanInclusive', value: '10.1' } }] },
            { fact: 'firmware', operator: 'equal', value: '8' },
            { fact: 'server', operator: 'in', value: ['4.1'] },
          ],
        },
        { fact: 'agent', operator: 'versionEqual', value: '2.0' },
        // not a version string: nothing to probe around
        { fact: 'agent', operator: 'versionEqual', value: 3 },
      ]),
    ).toEqual(
      new Map([
        ['firmware', ['9.0.2', '10.1']],
        ['agent', ['2.0']],
      ]),
    )
  })
})

describe('probeValues', () => {
  it('tries both booleans and every enum value in order', () => {
    expect(probeValues(booleanFacts('x')[0]!, [])).toEqual([true, false])
    expect(probeValues(server, ['9'])).toEqual(['4.1', '4.2', '4.3'])
  })

  it('tries a version fact at its examples and just below, at and just above each threshold', () => {
    const firmware = FactDefinition.parse({ name: 'firmware', type: 'version', examples: ['0.5', 'beta'] })
    expect(probeValues(firmware, ['2.3', '0.0', '1.10.0'])).toEqual([
      '0.5',
      '2.2',
      '2.3',
      '2.4',
      '0.0',
      '0.1',
      '1.9.0',
      '1.10.0',
      '1.10.1',
    ])
    expect(probeValues(FactDefinition.parse({ name: 'firmware', type: 'version' }), [])).toEqual([])
  })
})

describe('changesOutcome', () => {
  it('is true for a fact whose answers lead to different verdicts', () => {
    const logic = logicOf()
    expect(changesOutcome(logic, {}, 'server')).toBe(true)
    expect(changesOutcome(logic, {}, 'connected')).toBe(true)
    expect(changesOutcome(logic, { server: '4.1' }, 'connected')).toBe(true)
    expect(changesOutcome(logic, { connected: true }, 'server')).toBe(true)
  })

  it('is false for a fact whose every answer gives the same verdict, and for a fact the vocabulary lacks', () => {
    const logic = logicOf()
    expect(changesOutcome(logic, { server: '4.2' }, 'connected')).toBe(false)
    expect(changesOutcome(logic, { connected: false }, 'server')).toBe(false)
    expect(changesOutcome(logic, {}, 'legacy')).toBe(false)
    expect(changesOutcome(logic, {}, 'colour')).toBe(false)
  })

  it('counts the actions offered: the same verdict with another step is another outcome', () => {
    const logic = logicOf({
      actions: [{ id: 'upgrade-new', verdicts: ['not_affected'], when: isServer('4.2') }],
    })
    expect(changesOutcome(logic, { connected: false }, 'server')).toBe(true)
  })

  it('offers a case no rule decides the actions of the verdict unknown, as the engine does', () => {
    const undecided = { server: '4.3', connected: true }
    expect(changesOutcome(logicOf(), undecided, 'legacy')).toBe(false)
    const logic = logicOf({ actions: [{ id: 'ask-vendor', verdicts: ['unknown'], when: holds('legacy') }] })
    expect(changesOutcome(logic, undecided, 'legacy')).toBe(true)
  })

  it('a fact that feeds a derivation changes the outcome when the derivation decides', () => {
    const logic = logicOf({
      derive: [{ id: 'legacy-runs-old', when: holds('legacy'), set: { server: '4.1' } }],
    })
    // Given 4.2 the answer is not_affected, unless legacy replaces it with 4.1 (then connected decides).
    expect(changesOutcome(logic, { server: '4.2', connected: true }, 'legacy')).toBe(true)
    expect(changesOutcome(logic, { server: '4.2', connected: false }, 'legacy')).toBe(false)
  })
})

describe('undecided cases', () => {
  it('undecidedCases finds the completions no rule decides, and none where the rules decide them all', () => {
    const logic = logicOf()
    expect(undecidedCases(logic)).toEqual([{ server: '4.3', connected: true }])
    expect(undecidedCases(logic, { connected: false })).toEqual([])
    expect(undecidedCases(logic, { server: '4.3' })).toEqual([{ server: '4.3', connected: true }])
  })

  it('undecidedValues blames an enum value no rule names when every other value decides the case', () => {
    const logic = logicOf()
    expect(undecidedValues(logic, { server: '4.3', connected: true })).toEqual(['server'])
    // A named value, a boolean and a missing fact are never blamed.
    expect(undecidedValues(logic, { server: '4.1', connected: true })).toEqual([])
    expect(undecidedValues(logic, { connected: true })).toEqual([])
    expect(undecidedValues(logic, { connected: false })).toEqual([])
    // An enum fact no rule reads is never blamed, whatever its value.
    const colour = FactDefinition.parse({
      name: 'colour',
      type: 'enum',
      values: [{ value: 'red' }, { value: 'blue' }],
    })
    const wider = new ArticleChecker(syntheticArticle(rules), [...vocabulary, colour]).logic
    expect(undecidedValues(wider, { server: '4.3', connected: true, colour: 'red' })).toEqual(['server'])
  })

  it('undecidedValues blames nothing when another value of the fact is undecided too', () => {
    const onlyOld = new ArticleChecker(syntheticArticle([rules[0]!, rules[2]!]), vocabulary).logic
    expect(undecidedCases(onlyOld)).toEqual([
      { server: '4.2', connected: true },
      { server: '4.3', connected: true },
    ])
    expect(undecidedValues(onlyOld, { server: '4.3', connected: true })).toEqual([])
  })
})

describe('versions tried', () => {
  // Old versions are affected; nothing decides 3.0 and later. The examples come first among the versions tried.
  const dll = FactDefinition.parse({ name: 'dll', type: 'version', examples: ['3.5', '4.0'] })
  const old = {
    id: 'old',
    verdict: 'affected' as const,
    when: { fact: 'dll', operator: 'versionLessThan' as const, value: '3.0' },
  }
  const logic = new ArticleChecker(syntheticArticle([old]), [dll]).logic

  it('undecidedCases reports one case for each way the rules see a version, the example first', () => {
    // 4.0 and 3.1 compare with 3.0 as 3.5 does: the rules cannot tell them apart, and they are not tried.
    expect(probeValues(dll, ['3.0'])).toEqual(['3.5', '4.0', '2.0', '3.0', '3.1'])
    expect(undecidedCases(logic)).toEqual([{ dll: '3.5' }, { dll: '3.0' }])
  })
})

describe('the search limit', () => {
  // x never matters (`in [true, false]`), but 14 other facts keep the rule open on both of their values:
  // the complete search would try about 65,000 cases, past the limit.
  const others = Array.from({ length: 14 }, (_, index) => `b${index}`)
  const either = (fact: string) => ({ fact, operator: 'in' as const, value: [true, false] })
  const wide = new ArticleChecker(
    syntheticArticle([{ id: 'wide', verdict: 'affected', when: { all: ['x', ...others].map(either) } }]),
    booleanFacts('x', ...others),
  ).logic

  it('past it, a fact counts as one that may change the answer: asking is safe', () => {
    expect(changesOutcome(wide, {}, 'x')).toBe(true)
    // With most facts known the search is small and finds that x changes nothing.
    const known = Object.fromEntries(others.slice(2).map((name) => [name, true]))
    expect(changesOutcome(wide, known, 'x')).toBe(false)
  })

  it('undecidedCases stops there too: some of the cases, not all 16,384 of them', () => {
    // Every completion with x false is undecided; x comes last in the vocabulary, so each is found deep.
    const deep = new ArticleChecker(
      syntheticArticle([
        { id: 'deep', verdict: 'affected', when: { all: [...others.map(either), holds('x')] } },
      ]),
      booleanFacts(...others, 'x'),
    ).logic
    const found = undecidedCases(deep)
    expect(found.length).toBeGreaterThan(0)
    expect(found.length).toBeLessThan(2 ** others.length)
    expect(found.every((facts) => facts.x === false)).toBe(true)
  })
})
