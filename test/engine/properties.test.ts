import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { FactsError } from '../../src/engine/facts-error.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'

let kb: KnowledgeBase
beforeAll(async () => {
  kb = await loadKnowledgeBase()
})

// Valid facts, each possibly absent, with spelling variants as integrators send them.
const dllVersions = [
  '3.1.6001.65',
  '3.1.6001.66',
  '3.1.6001.7',
  '3.1.6001.100',
  '3.1.6000.999',
  '3.2',
  '3',
  '4.0.0.0',
  '03.01.6001.066',
]
const validFacts = fc.record(
  {
    product: fc.constantFrom('wsus', 'sbs2003', 'sce2007', 'sccm2007', 'SBS-2003'),
    wsusVersion: fc.constantFrom('2.0', '3.0', '3.0 SP1', '3.0 SP2', '3.0sp1', '3.0-SP1', '3.0 RTM'),
    webServicesClientDllVersion: fc.constantFrom(...dllVersions),
    office2003OnClients: fc.boolean(),
    sbsWsusUpgraded: fc.boolean(),
    serverArchitecture: fc.constantFrom('x86', 'x64'),
    serverLocaleMatchesInstall: fc.boolean(),
    serverRole: fc.constantFrom('standalone', 'upstream', 'replica', 'autonomous'),
    clientSymptom: fc.constantFrom('confirmed', 'partial', 'none'),
    serverSymptom: fc.constantFrom('confirmed', 'partial', 'none'),
  },
  { requiredKeys: [] },
)

/** An independent, hand-written reading of the seeds (not the rules): the oracle. */
function oracle(facts: Record<string, unknown>): string {
  const spelling = (value: unknown) =>
    String(value)
      .toLowerCase()
      .replace(/[\s_-]+/g, '')
  if (facts.clientSymptom === 'confirmed' || facts.serverSymptom === 'confirmed') return 'affected'
  let version = facts.wsusVersion === undefined ? undefined : spelling(facts.wsusVersion).replace(/rtm$/, '')
  if (spelling(facts.product) === 'sbs2003' && facts.sbsWsusUpgraded === false) version = '2.0'
  const dll = facts.webServicesClientDllVersion as string | undefined
  const patched = dll === undefined ? undefined : atLeast(dll, [3, 1, 6001, 66])
  // A patched SP1 server is fixed whatever the clients run (issue 12), so it comes before the Office question.
  if (version === '3.0sp1' && patched === true) return 'fixed'
  const mayBePatched = (version === undefined || version === '3.0sp1') && patched !== false
  if (facts.office2003OnClients === false) return mayBePatched ? 'unknown' : 'not_affected'
  if (version === '2.0' || version === '3.0sp2') return 'not_affected'
  if (version === undefined || facts.office2003OnClients === undefined) return 'unknown'
  if (version === '3.0') return 'affected'
  return patched === undefined ? 'unknown' : 'affected'
}

function atLeast(version: string, threshold: number[]): boolean {
  const parts = version.split('.').map(Number)
  for (let index = 0; index < 5; index++) {
    const difference = (parts[index] ?? 0) - (threshold[index] ?? 0)
    if (difference !== 0) return difference > 0
  }
  return true
}

const verdictOf = async (facts: unknown) => (await kb.check(facts, { article: '954960' })).results[0]!

describe('properties of evaluation', () => {
  it('never throws for any JSON object, except FactsError naming facts that were sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.object(),
          fc.dictionary(
            fc.constantFrom('wsusVersion', 'office2003OnClients', 'serverRole', 'x'),
            fc.jsonValue(),
          ),
        ),
        async (facts) => {
          try {
            await kb.check(facts)
          } catch (error) {
            expect(error).toBeInstanceOf(FactsError)
            for (const problem of (error as FactsError).problems)
              expect(Object.keys(facts)).toContain(problem.fact)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('valid facts always give an answer', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts, async (facts) => {
        expect(['affected', 'not_affected', 'fixed', 'unknown']).toContain((await verdictOf(facts)).verdict)
      }),
    )
  })

  it('the verdict does not depend on key order', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts, fc.infiniteStream(fc.nat()), async (facts, seeds) => {
        const entries = Object.entries(facts)
        const shuffled = Object.fromEntries(
          entries
            .map((entry) => [seeds.next().value, entry] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, entry]) => entry),
        )
        const [a, b] = [await verdictOf(facts), await verdictOf(shuffled)]
        expect(b.verdict).toBe(a.verdict)
        expect(b.missingFacts).toEqual(a.missingFacts)
        expect(b.actions).toEqual(a.actions)
      }),
    )
  })

  it('adding a fact never turns a definite verdict into unknown', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts, validFacts, async (base, extra) => {
        const before = await verdictOf(base)
        fc.pre(before.verdict !== 'unknown')
        for (const [name, value] of Object.entries(extra)) {
          if (name in base) continue
          expect((await verdictOf({ ...base, [name]: value })).verdict).not.toBe('unknown')
        }
      }),
      { numRuns: 300 },
    )
  })

  it('matches an independent hand-written oracle on generated facts', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts, async (facts) => {
        expect((await verdictOf(facts)).verdict).toBe(oracle(facts))
      }),
      { numRuns: 1000 },
    )
  })

  it('an unknown verdict always names missing facts that were not sent', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts, async (facts) => {
        const result = await verdictOf(facts)
        if (result.verdict !== 'unknown') {
          expect(result.missingFacts).toEqual([])
          return
        }
        expect(result.missingFacts.length).toBeGreaterThan(0)
        for (const name of result.missingFacts) expect(Object.keys(facts)).not.toContain(name)
      }),
    )
  })

  it('the compiled fast path agrees with json-rules-engine', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts, async (facts) => {
        const prepared = kb.prepareFacts(facts).facts
        expect(kb.verdicts(prepared, { article: '954960' })[0]?.verdict).toBe(
          (await verdictOf(facts)).verdict,
        )
      }),
      { numRuns: 500 },
    )
  })
})
