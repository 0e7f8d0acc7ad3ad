// decide() on synthetic tri-state vectors, and the same vectors through every evaluator of a whole article:
// the generated function, the closures, and engine.run() + decide() inside check().
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import { decide } from '../../src/engine/decide.ts'
import { FALSE, TRUE, type Tri, UNKNOWN } from '../../src/engine/tri-state.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

const [T, F, U] = [TRUE, FALSE, UNKNOWN] as [Tri, Tri, Tri]
type Verdict = 'affected' | 'not_affected' | 'fixed'
const [A, N, X] = ['affected', 'not_affected', 'fixed'] as const

// [tris, verdicts, expected decision]
const vectors: Array<[Tri[], Verdict[], ReturnType<typeof decide>]> = [
  [[], [], { verdict: 'unknown', winner: -1, open: [], conflicts: [] }],
  [[T], [A], { verdict: A, winner: 0, open: [], conflicts: [] }],
  [[F], [A], { verdict: 'unknown', winner: -1, open: [], conflicts: [] }],
  [[U], [A], { verdict: 'unknown', winner: -1, open: [0], conflicts: [] }],
  [[F, T], [A, N], { verdict: N, winner: 1, open: [], conflicts: [] }],
  // an earlier unknown rule with a different verdict keeps the answer open
  [[U, T], [A, N], { verdict: 'unknown', winner: -1, open: [0], conflicts: [] }],
  // an earlier unknown rule with the same verdict does not
  [[U, T], [N, N], { verdict: N, winner: 1, open: [], conflicts: [] }],
  [[U, U, T], [A, A, A], { verdict: A, winner: 2, open: [], conflicts: [] }],
  [[U, U, T], [A, X, A], { verdict: 'unknown', winner: -1, open: [0, 1], conflicts: [] }],
  [[U, F, U, T], [N, A, N, N], { verdict: N, winner: 3, open: [], conflicts: [] }],
  [[F, U, F], [A, N, X], { verdict: 'unknown', winner: -1, open: [1], conflicts: [] }],
  // later rules never reopen a decided answer, but those that hold and disagree are conflicts
  [[T, U], [A, N], { verdict: A, winner: 0, open: [], conflicts: [] }],
  [[T, T, F, T, T], [A, N, N, A, X], { verdict: A, winner: 0, open: [], conflicts: [1, 4] }],
  [[U, T, T], [A, A, N], { verdict: A, winner: 1, open: [], conflicts: [2] }],
  // no conflicts are reported for an unknown answer
  [[U, T, T], [N, A, N], { verdict: 'unknown', winner: -1, open: [0], conflicts: [] }],
  [[F, F, F], [A, N, X], { verdict: 'unknown', winner: -1, open: [], conflicts: [] }],
]

describe('decide()', () => {
  it.each(vectors)('%j with verdicts %j', (tris, verdicts, expected) => {
    const before = [...tris]
    expect(decide(tris, verdicts)).toEqual(expected)
    expect(tris).toEqual(before)
  })
})

// One boolean fact per rule: true makes the rule hold, false makes it fail, absent leaves it unknown.
function checkerFor(verdicts: Verdict[], strategy: 'generated' | 'closures') {
  const names = verdicts.map((_, index) => `r${index}`)
  const article = syntheticArticle(
    verdicts.map((verdict, index) => ({ id: `rule-${index}`, verdict, when: holds(names[index]!) })),
  )
  return new ArticleChecker(article, booleanFacts(...names), strategy)
}

function factsFor(tris: Tri[]): Record<string, boolean> {
  const facts: Record<string, boolean> = {}
  tris.forEach((tri, index) => {
    if (tri !== UNKNOWN) facts[`r${index}`] = tri === TRUE
  })
  return facts
}

describe('every evaluator decides as decide() does', () => {
  const cases = vectors.filter(([tris]) => tris.length > 0)
  it.each(cases)('%j with verdicts %j', async (tris, verdicts, expected) => {
    const facts = factsFor(tris)
    const generated = checkerFor(verdicts, 'generated')
    const closures = checkerFor(verdicts, 'closures')
    expect(generated.fastPath).toBe('generated')
    expect(closures.fastPath).toBe('closures')
    expect(generated.verdictOf(facts)).toBe(expected.verdict)
    expect(closures.verdictOf(facts)).toBe(expected.verdict)
    const result = await generated.check(facts)
    expect(result.verdict).toBe(expected.verdict)
    // whole answers: the rule that decided, or every open rule; conflicts only beside a definite verdict
    const reasonOf = (index: number, status: string) => ({
      rule: `rule-${index}`,
      verdict: verdicts[index],
      status,
      messageKey: `verdicts.rules.rule-${index}`,
      facts: [
        tris[index] === UNKNOWN
          ? { fact: `r${index}`, operator: 'equal', value: true, result: 'unknown' }
          : {
              fact: `r${index}`,
              operator: 'equal',
              value: true,
              actual: tris[index] === TRUE,
              result: tris[index] === TRUE ? 'true' : 'false',
            },
      ],
    })
    expect(result.reasons).toEqual(
      expected.winner >= 0
        ? [reasonOf(expected.winner, 'decided')]
        : expected.open.map((index) => reasonOf(index, 'open')),
    )
    expect(result.conflicts).toEqual(expected.conflicts.map((index) => reasonOf(index, 'conflict')))
    expect(result.overridden).toEqual([])
    expect(result.facts).toEqual(facts)
    expect(result.actions).toEqual([])
    // only the facts of open rules can change an unknown answer
    expect([...result.missingFacts].sort()).toEqual(
      expected.verdict === 'unknown' ? expected.open.map((index) => `r${index}`) : [],
    )
  })
})
