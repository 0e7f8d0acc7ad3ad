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
  // two open rules that disagree stay unknown even when the winner agrees with the later one
  [[U, U, T], [A, N, N], { verdict: 'unknown', winner: -1, open: [0, 1], conflicts: [] }],
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

/** Whether some answer to the unknown `index`, the other unknowns given any values, changes decide()'s verdict. */
function changesVerdict(tris: Tri[], verdicts: Verdict[], index: number): boolean {
  const others = tris.flatMap((tri, at) => (tri === U && at !== index ? [at] : []))
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const completion = [...tris]
    others.forEach((at, bit) => {
      completion[at] = mask & (1 << bit) ? T : F
    })
    const verdictWith = (tri: Tri) => {
      completion[index] = tri
      return decide(completion, verdicts).verdict
    }
    if (verdictWith(T) !== verdictWith(F)) return true
  }
  return false
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
    // No rule decides and none is open: the answer says which case the rules leave undecided.
    const undecided = {
      rule: '',
      verdict: 'unknown',
      status: 'undecided',
      messageKey: 'check.undecided',
      facts: tris.map((tri, index) => {
        const actual = tri === TRUE
        return { fact: `r${index}`, operator: 'equal', value: actual, actual, result: 'true' }
      }),
    }
    expect(result.reasons).toEqual(
      expected.winner >= 0
        ? [reasonOf(expected.winner, 'decided')]
        : expected.open.length > 0
          ? expected.open.map((index) => reasonOf(index, 'open'))
          : [undecided],
    )
    expect(result.conflicts).toEqual(expected.conflicts.map((index) => reasonOf(index, 'conflict')))
    expect(result.overridden).toEqual([])
    expect(result.facts).toEqual(facts)
    expect(result.actions).toEqual([])
    // only facts of open rules are asked, and only those whose answer can change the verdict
    expect([...result.missingFacts].sort()).toEqual(
      expected.verdict === 'unknown'
        ? expected.open.filter((index) => changesVerdict(tris, verdicts, index)).map((index) => `r${index}`)
        : [],
    )
  })
})
