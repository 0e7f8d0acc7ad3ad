// Which missing fact is worth asking, on rules written in code: the steps offered count as part of the
// outcome (their verdicts, the facts they check, whether they are conditional), which fact the search
// branches on next, a search with nothing left to branch on, and the search limit to the evaluation.
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import { changesOutcome, undecidedCases } from '../../src/engine/completions.ts'
import type { Condition } from '../../src/kb/schema/condition.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

const isFalse = (fact: string): Condition => ({ fact, operator: 'equal', value: false })
const logicOf = (...args: Parameters<typeof syntheticArticle>) =>
  new ArticleChecker(syntheticArticle(...args), booleanFacts('x', 'y', 'w', 'z')).logic
// `z` decides the verdict alone: given z, every answer for x gives `affected`.
const affectedWhenZ = [{ id: 'z-affected', verdict: 'affected' as const, when: holds('z') }]
// x gives y: y is known when x holds and unknown otherwise.
const xGivesY = [{ id: 'x-gives-y', when: holds('x'), set: { y: true } }]

describe('the steps offered are part of the outcome', () => {
  it('a step for another verdict changes nothing, whatever its condition', () => {
    const logic = logicOf(affectedWhenZ, {
      actions: [{ id: 'patch', verdicts: ['fixed', 'not_affected'], when: holds('x') }],
    })
    expect(changesOutcome(logic, { z: true }, 'x')).toBe(false)
  })

  it('a step that checks a fact: offered only while one of the facts it checks is unknown', () => {
    const checksY = (when?: Condition) =>
      logicOf(affectedWhenZ, {
        derive: xGivesY,
        actions: [{ id: 'find-out', verdicts: ['affected'], checks: ['y', 'w'], ...(when ? { when } : {}) }],
      })
    // x true: y is known, the step is gone; x false: it is offered.
    expect(changesOutcome(checksY(), { z: true }, 'x')).toBe(true)
    // Its condition fails when x is false, and when x holds y is known: offered in neither case.
    expect(changesOutcome(checksY(holds('x')), { z: true }, 'x')).toBe(false)
  })

  it.each<[string, Condition]>([
    ['definite or conditional', holds('y')],
    ['conditional or not offered', isFalse('y')],
    ['definite or not offered', holds('x')],
  ])('a step %s is another outcome', (_, when) => {
    const logic = logicOf(affectedWhenZ, {
      derive: xGivesY,
      actions: [{ id: 'restart', verdicts: ['affected'], when }],
    })
    expect(changesOutcome(logic, { z: true }, 'x')).toBe(true)
  })

  it('steps are compared one by one, not as their ids run together', () => {
    // x true offers `up` and `grade`, x false offers `upgrade`.
    const logic = logicOf(affectedWhenZ, {
      actions: [
        { id: 'up', verdicts: ['affected'], when: holds('x') },
        { id: 'upgrade', verdicts: ['affected'], when: isFalse('x') },
        { id: 'grade', verdicts: ['affected'], when: holds('x') },
      ],
    })
    expect(changesOutcome(logic, { z: true }, 'x')).toBe(true)
  })
})

describe('what the search branches on', () => {
  it('only facts an open rule or an unsettled derivation waits for, in vocabulary order', () => {
    // The derivation is settled false by a = false: d and a no longer matter, only b does.
    const vocabulary = booleanFacts('d', 'a', 'b', 'e')
    const logic = new ArticleChecker(
      syntheticArticle([{ id: 'b-affected', verdict: 'affected', when: holds('b') }], {
        derive: [{ id: 'd-and-a', when: { all: [holds('d'), holds('a')] }, set: { e: true } }],
      }),
      vocabulary,
    ).logic
    const given = { a: false }
    expect(undecidedCases(logic, given)).toEqual([{ a: false, b: false }])
    // The search tries facts on its own object: the caller's is left as it was.
    expect(given).toEqual({ a: false })
  })

  it('a fact that a derivation supplies in some answers is still open in the others', () => {
    // y decides nothing: whether y is true (given, or set by x) or false, the answer is `affected`.
    const logic = logicOf(
      [
        { id: 'y', verdict: 'affected', when: holds('y') },
        { id: 'not-y', verdict: 'affected', when: isFalse('y') },
      ],
      { derive: xGivesY },
    )
    expect(changesOutcome(logic, {}, 'x')).toBe(false)
  })
})

describe('nothing left to branch on', () => {
  // A version fact compared with `equal` has no value to try (the loader refuses such rules; the engine
  // still answers them).
  const vocabulary = [...booleanFacts('x'), FactDefinition.parse({ name: 'v', type: 'version' })]
  const atOne = { fact: 'v', operator: 'equal' as const, value: '1.0' }

  it('an answer that settles while another stays open changes the outcome', async () => {
    const checker = new ArticleChecker(
      syntheticArticle([
        { id: 'x', verdict: 'affected', when: holds('x') },
        { id: 'v-one', verdict: 'not_affected', when: atOne },
      ]),
      vocabulary,
    )
    expect(changesOutcome(checker.logic, {}, 'x')).toBe(true)
    expect(await checker.check({})).toMatchObject({ verdict: 'unknown', missingFacts: ['x'] })
    // x false leaves v-one open, and v cannot be tried: no undecided case can be found.
    expect(undecidedCases(checker.logic)).toEqual([])
  })

  it('answers that all stay open do not', () => {
    const logic = new ArticleChecker(
      syntheticArticle([
        { id: 'x-v', verdict: 'affected', when: { all: [holds('x'), atOne] } },
        { id: 'not-x-v', verdict: 'not_affected', when: { all: [isFalse('x'), atOne] } },
      ]),
      vocabulary,
    ).logic
    expect(changesOutcome(logic, {}, 'x')).toBe(false)
  })
})

describe('the search limit, to the evaluation', () => {
  // server 4.3 with a connection is left without a verdict.
  const server = FactDefinition.parse({
    name: 'server',
    type: 'enum',
    values: [{ value: '4.1' }, { value: '4.2' }, { value: '4.3' }],
  })
  const isServer = (value: string): Condition => ({ fact: 'server', operator: 'equal', value })
  const logic = new ArticleChecker(
    syntheticArticle([
      { id: 'old-connected', verdict: 'affected', when: { all: [isServer('4.1'), holds('connected')] } },
      { id: 'new', verdict: 'not_affected', when: isServer('4.2') },
      { id: 'offline', verdict: 'not_affected', when: isFalse('connected') },
    ]),
    [server, ...booleanFacts('connected')],
  ).logic

  it('changesOutcome: a search of exactly the limit still answers; one more evaluation gives up', () => {
    // Given 4.2, both answers for `connected` settle in one step of two evaluations.
    expect(changesOutcome(logic, { server: '4.2' }, 'connected', 2)).toBe(false)
    expect(changesOutcome(logic, { server: '4.2' }, 'connected', 1)).toBe(true)
  })

  it('undecidedCases: the case found at the last evaluation allowed is kept', () => {
    // Evaluations: {}, then 4.1 (and its two answers for connected), 4.2, 4.3, then 4.3 connected: the 7th.
    expect(undecidedCases(logic, {}, 7)).toEqual([{ server: '4.3', connected: true }])
    expect(undecidedCases(logic, {}, 6)).toEqual([])
  })
})
