// The batch fast path on synthetic rules: which kind of verdict function is built, and the verdicts of both
// kinds (generated code, closures) with derivations that hold, do not hold or are unknown.
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import { compileVerdictFunctions, type VerdictStrategy } from '../../src/engine/compiled-verdict.ts'
import { toEngineRules } from '../../src/engine/engine-rules.ts'
import type { Facts } from '../../src/engine/facts.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

const isServer = (value: string) => ({ fact: 'server', operator: 'equal' as const, value })

// `legacy` sites run 4.1 whatever was sent; 4.1 with a connection is affected, 4.2 is not.
const article = syntheticArticle(
  [
    { id: 'old-connected', verdict: 'affected', when: { all: [isServer('4.1'), holds('connected')] } },
    { id: 'new', verdict: 'not_affected', when: isServer('4.2') },
  ],
  {
    derive: [{ id: 'legacy-runs-old', when: holds('legacy'), set: { server: '4.1' } }],
    // A step that always holds: never a decision, so a record no rule decides stays unknown.
    actions: [{ id: 'patch', verdicts: ['affected'] }],
  },
)
const vocabulary = [
  ...booleanFacts('legacy', 'connected'),
  FactDefinition.parse({ name: 'server', type: 'enum', values: [{ value: '4.1' }, { value: '4.2' }] }),
]
const strategies: VerdictStrategy[] = ['generated', 'closures']

describe('the kind of fast path', () => {
  it('generates code by default where the runtime allows it, and closures when asked', () => {
    const rules = toEngineRules(article)
    expect(compileVerdictFunctions(rules, 'auto').kind).toBe('generated')
    expect(compileVerdictFunctions(rules, 'generated').kind).toBe('generated')
    expect(compileVerdictFunctions(rules, 'closures').kind).toBe('closures')
    expect(new ArticleChecker(article, vocabulary).fastPath).toBe('generated')
    expect(new ArticleChecker(article, vocabulary, 'closures').fastPath).toBe('closures')
  })
})

describe.each(strategies)('the %s verdict functions', (strategy) => {
  const functions = () => compileVerdictFunctions(toEngineRules(article), strategy)

  it.each<[Facts, string]>([
    [{ legacy: false, server: '4.1', connected: true }, 'affected'],
    [{ legacy: false, server: '4.2' }, 'not_affected'],
    [{ server: '4.2', connected: true }, 'not_affected'],
    [{ legacy: false, server: '4.1' }, 'unknown'],
    [{ legacy: false, server: '4.1', connected: false }, 'unknown'],
  ])('verdict(%j) decides when no derivation holds: %s', (facts, verdict) => {
    expect(functions().verdict(facts)).toBe(verdict)
  })

  it('verdict() leaves a record on which a derivation holds to the caller, even if it changes nothing', () => {
    expect(functions().verdict({ legacy: true, server: '4.2', connected: true })).toBeUndefined()
    expect(functions().verdict({ legacy: true, server: '4.1', connected: true })).toBeUndefined()
  })

  it('decisionsOnly() decides on the facts as given, whatever the derivations say', () => {
    const { decisionsOnly } = functions()
    expect(decisionsOnly({ legacy: true, server: '4.1', connected: true })).toBe('affected')
    expect(decisionsOnly({ legacy: true, server: '4.2', connected: true })).toBe('not_affected')
    expect(decisionsOnly({ legacy: true })).toBe('unknown')
  })

  it('verdictOf applies the derivation and decides, as check() does', async () => {
    const checker = new ArticleChecker(article, vocabulary, strategy)
    for (const facts of [
      { legacy: true, server: '4.2', connected: true },
      { legacy: true, connected: false },
      { legacy: true },
      { legacy: false, server: '4.2' },
    ] as Facts[]) {
      expect(checker.verdictOf(facts)).toBe((await checker.check(facts)).verdict)
    }
    expect(checker.verdictOf({ legacy: true, server: '4.2', connected: true })).toBe('affected')
    expect(checker.verdictOf({ legacy: true, connected: false })).toBe('unknown')
  })
})

describe.each(strategies)('the %s verdict functions with earlier unknown rules', (strategy) => {
  const isFalse = (fact: string) => ({ fact, operator: 'equal' as const, value: false })
  const verdictOf = (rules: Parameters<typeof syntheticArticle>[0], facts: Facts) => {
    const functions = compileVerdictFunctions(toEngineRules(syntheticArticle(rules)), strategy)
    expect(functions.decisionsOnly(facts)).toBe(functions.verdict(facts))
    return functions.verdict(facts)
  }

  it('two unknown rules with different verdicts before the one that holds: unknown', () => {
    // `a` is read by both first rules (a repeated leaf, evaluated once per record by generated code).
    const rules: Parameters<typeof syntheticArticle>[0] = [
      { id: 'a-b', verdict: 'affected', when: { all: [holds('a'), holds('b')] } },
      { id: 'a-not-b', verdict: 'not_affected', when: { all: [holds('a'), isFalse('b')] } },
      { id: 'c', verdict: 'not_affected', when: holds('c') },
    ]
    expect(verdictOf(rules, { a: true, c: true })).toBe('unknown')
    expect(verdictOf(rules, { a: true, b: false })).toBe('not_affected')
    expect(verdictOf(rules, { a: false, c: true })).toBe('not_affected')
  })

  it('unknown rules that all agree with the one that holds: its verdict', () => {
    const rules: Parameters<typeof syntheticArticle>[0] = [
      { id: 'a', verdict: 'affected', when: holds('a') },
      { id: 'b', verdict: 'affected', when: holds('b') },
      { id: 'c', verdict: 'affected', when: holds('c') },
    ]
    expect(verdictOf(rules, { c: true })).toBe('affected')
    expect(verdictOf(rules, { b: false })).toBe('unknown')
  })
})
