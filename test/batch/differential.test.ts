// The fast path (prepared facts + generated verdict function) must give json-rules-engine's answer:
// `engine.run()` read with three-valued logic, i.e. `checker.check()`, on every fact set we can think of.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handWrittenVerdict } from '../../bench/predicate.ts'
import { FactPreparer, presentFacts } from '../../src/batch/prepare-facts.ts'
import { FactsError } from '../../src/engine/facts-error.ts'
import type { FactDefinition } from '../../src/kb/schema/facts.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { copyBatchFixtureRules, removeCopies } from '../helpers/temp-rules.ts'

let kb: KnowledgeBase
let tricky: KnowledgeBase
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  // The fictional article with rules where order, unknowns, `not`, `notIn` and `notEqual` change verdicts.
  const dir = await copyBatchFixtureRules()
  tricky = await loadKnowledgeBase(dir)
})
afterAll(removeCopies)

// Versions on both sides of the fixed version 3.1.6001.66, with other spellings of the same numbers.
const versions = [
  '3.1.6001.65',
  '3.1.6001.66',
  '3.1.6001.066',
  '3.1.6001.67',
  '3.1.6001.100',
  '3.1.6001.7',
  '3.1.6000.999',
  '3.1.6002.0',
  '3.1.6001',
  '3.1',
  '3',
  '4.0.0.0',
  '03.01.6001.66',
  '9.0.1',
  '9.0.2',
  '9.0.10',
]

function spellings(definition: FactDefinition): unknown[] {
  if (definition.type === 'boolean') return [true, false, 'yes', 'no', 'TRUE', '0', 1, 0]
  if (definition.type === 'version') return versions
  return definition.values!.flatMap((value) => [value.value, ...value.aliases, value.value.toUpperCase()])
}

// Values no fact accepts, so the error path is compared too.
const invalid: unknown[] = ['3.1.6001.66.1', 'maybe', 42.5, [], {}, '']

function rawFacts(vocabulary: readonly FactDefinition[], invalidWeight: number) {
  const entries = vocabulary.map((definition) => [
    definition.name,
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 2 },
      { arbitrary: fc.constant(null), weight: 1 },
      { arbitrary: fc.constantFrom(...spellings(definition)), weight: 6 },
      { arbitrary: fc.constantFrom(...invalid), weight: invalidWeight },
    ),
  ])
  return fc
    .record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] })
    .chain((facts) =>
      fc.oneof(
        fc.constant(facts),
        fc.constant({ id: 'pc-1', ...facts }),
        fc.constant({ ...facts, unknownFact: 'x' }),
      ),
    )
}

async function expectSameAnswer(kb: KnowledgeBase, raw: Record<string, unknown>, preparer: FactPreparer) {
  const fast = preparer.prepare(raw)
  let reference: ReturnType<KnowledgeBase['prepareFacts']>
  try {
    reference = kb.prepareFacts(raw, { ignore: ['id'] })
  } catch (error) {
    expect(error).toBeInstanceOf(FactsError)
    expect(fast.ok).toBe(false)
    if (!fast.ok) expect(fast.errors).toEqual((error as FactsError).problems)
    return
  }
  expect(fast.ok).toBe(true)
  if (!fast.ok) return
  expect(presentFacts(fast.facts)).toEqual(reference.facts)
  expect(fast.warnings).toEqual(reference.warnings)
  for (const checker of kb.checkers.values()) {
    const slow = await checker.check(reference.facts)
    expect(checker.verdictOf(fast.facts), JSON.stringify(raw)).toBe(slow.verdict)
    expect(checker.verdictOf(reference.facts), JSON.stringify(raw)).toBe(slow.verdict)
  }
}

describe('the batch fast path against engine.run() with three-valued logic', () => {
  it('generated fact sets (valid, missing, aliases, invalid)', async () => {
    const preparer = new FactPreparer(kb, ['id'])
    await fc.assert(
      fc.asyncProperty(rawFacts(kb.model.facts, 1), (raw) => expectSameAnswer(kb, raw, preparer)),
      { numRuns: 1500 },
    )
  })

  it('generated fact sets on rules where order and unknowns decide', async () => {
    const preparer = new FactPreparer(tricky, ['id'])
    const verdicts = new Set<string>()
    await fc.assert(
      fc.asyncProperty(rawFacts(tricky.model.facts, 1), async (raw) => {
        await expectSameAnswer(tricky, raw, preparer)
        const prepared = preparer.prepare(raw)
        if (prepared.ok) verdicts.add(tricky.checkers.get('contoso-1001')!.verdictOf(prepared.facts))
      }),
      {
        numRuns: 3000,
        // One fact set per verdict, so the coverage check below never depends on the random seed.
        examples: [
          [{ alarm: 'confirmed' }],
          [{ site: 'cloud' }],
          [{ site: 'lab', widgetServerVersion: '4.2', brewerFirmware: '9.0.2' }],
          [{}],
        ],
      },
    )
    expect([...verdicts].sort()).toEqual(['affected', 'fixed', 'not_affected', 'unknown'])
  })

  it('every combination of the facts the decisions read', async () => {
    const preparer = new FactPreparer(kb, ['id'])
    const axes: Array<[string, unknown[]]> = [
      ['product', [undefined, 'wsus', 'sbs2003', 'sce2007', 'sccm2007']],
      ['wsusVersion', [undefined, '2.0', '3.0', '3.0 SP1', '3.0 SP2']],
      ['office2003OnClients', [undefined, true, false]],
      ['webServicesClientDllVersion', [undefined, '3.1.6001.65', '3.1.6001.66', '3.1.6001.100']],
      ['sbsWsusUpgraded', [undefined, true, false]],
      ['clientSymptom', [undefined, 'confirmed', 'partial', 'none']],
      ['serverSymptom', [undefined, 'confirmed', 'none']],
    ]
    let combinations: Array<Record<string, unknown>> = [{}]
    for (const [name, values] of axes) {
      combinations = combinations.flatMap((facts) =>
        values.map((value) => (value === undefined ? facts : { ...facts, [name]: value })),
      )
    }
    expect(combinations.length).toBe(5 * 5 * 3 * 4 * 3 * 4 * 3)
    for (const raw of combinations) await expectSameAnswer(kb, raw, preparer)
  })
})

describe('the hand-written predicate of the benchmark', () => {
  it('agrees with the rules it copies, so "the limit" is honest', async () => {
    const checker = kb.checkers.get('954960')!
    await fc.assert(
      fc.asyncProperty(rawFacts(kb.model.facts, 0), async (raw) => {
        let facts: ReturnType<KnowledgeBase['prepareFacts']>['facts']
        try {
          facts = kb.prepareFacts(raw, { ignore: ['id'] }).facts
        } catch {
          return
        }
        expect(handWrittenVerdict(facts), JSON.stringify(raw)).toBe((await checker.check(facts)).verdict)
      }),
      { numRuns: 1500 },
    )
  })
})
