// The order of `missingFacts` on synthetic rules (test/fixtures/ranking), and which facts are not asked.
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { copyRules, removeCopies } from '../helpers/temp-rules.ts'

let kb: KnowledgeBase
beforeAll(async () => {
  const dir = await copyRules('test/fixtures/fictional/rules')
  await copyFile('test/fixtures/ranking/facts.yaml', path.join(dir, 'facts.yaml'))
  await copyFile('test/fixtures/ranking/verdicts.yaml', path.join(dir, 'articles/contoso-1001/verdicts.yaml'))
  kb = await loadKnowledgeBase(dir)
})
afterAll(removeCopies)

async function answer(facts: Record<string, unknown>) {
  return (await kb.check(facts, { article: 'contoso-1001' })).results[0]!
}

describe('missing facts, ranked', () => {
  it.each([
    // `patched` settles half its answers alone; `tier` and `region` none, `tier` is read by more open rules;
    // `site` and `legacy` only feed the derivation, so they come last, in vocabulary order.
    [{}, ['patched', 'tier', 'region', 'site', 'legacy']],
    // `tier` now settles `basic` alone (one of three answers); `region` settles nothing alone.
    [{ patched: false }, ['tier', 'region', 'site', 'legacy']],
    // With the derivation's facts known not to apply, only the rules' own facts remain.
    [{ patched: false, site: 'shop' }, ['tier', 'region']],
    [{ patched: false, tier: 'pro' }, ['region']],
  ])('for %j: %j', async (facts, expected) => {
    const result = await answer(facts)
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts).toEqual(expected)
  })

  it('does not ask a fact whose every answer gives the same verdict and actions', async () => {
    // Whatever the region, `max-anywhere` holds; only `patched` (fixed or affected) matters.
    const result = await answer({ tier: 'max' })
    expect(result.verdict).toBe('unknown')
    expect(result.reasons.map((reason) => [reason.rule, reason.status])).toEqual([
      ['patched-fixed', 'open'],
      ['max-anywhere', 'open'],
    ])
    expect(result.missingFacts).toEqual(['patched'])
  })

  it('offers a step that finds out a fact only while the fact is unknown', async () => {
    expect((await answer({})).actions.map((action) => action.id)).toEqual(['find-tier'])
    const known = await answer({ patched: false, tier: 'pro', region: 'eu' })
    expect(known.verdict).toBe('affected')
    expect(known.actions.map((action) => action.id)).toEqual(['upgrade'])
  })
})
