import { beforeAll, describe, expect, it } from 'vitest'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'

let kb: KnowledgeBase
beforeAll(async () => {
  kb = await loadKnowledgeBase()
})

async function answer(facts: Record<string, unknown>) {
  const { results } = await kb.check(facts, { article: '954960' })
  return results[0]!
}

describe('the semantics of 954960, from the seeds', () => {
  it.each([
    [{ office2003OnClients: false, wsusVersion: '3.0' }],
    [{ office2003OnClients: false, wsusVersion: '3.0 SP2' }],
    [{ office2003OnClients: false, wsusVersion: '3.0 SP1', webServicesClientDllVersion: '3.1.6001.65' }],
    [{ office2003OnClients: false, webServicesClientDllVersion: '3.1.6001.65' }],
  ])('clients without Office 2003 are not affected unless the server is a patched SP1: %j', async (facts) => {
    const result = await answer(facts)
    expect(result.verdict).toBe('not_affected')
    expect(result.reasons[0]?.rule).toBe('no-office-2003-clients')
    expect(result.missingFacts).toEqual([])
  })

  it('without Office 2003 and nothing about the server, it asks only what tells fixed from not affected', async () => {
    const result = await answer({ office2003OnClients: false })
    expect(result.verdict).toBe('unknown')
    expect(result.reasons.map((reason) => [reason.rule, reason.verdict])).toEqual([
      ['wsus-3-sp1-patched', 'fixed'],
    ])
    expect(result.missingFacts).toEqual([
      'wsusVersion',
      'webServicesClientDllVersion',
      'product',
      'sbsWsusUpgraded',
    ])
  })

  it.each([
    [{ wsusVersion: '3.0 SP1', webServicesClientDllVersion: '3.1.6001.66' }],
    [{ wsusVersion: '3.0 SP1', webServicesClientDllVersion: '3.1.6001.66', office2003OnClients: false }],
    [{ wsusVersion: '3.0 SP1', webServicesClientDllVersion: '3.2', office2003OnClients: true }],
  ])(
    'a patched SP1 server is fixed whatever the clients run, with no step to check the DLL again: %j',
    async (facts) => {
      const result = await answer(facts)
      expect(result.verdict).toBe('fixed')
      expect(result.reasons.map((reason) => reason.rule)).toEqual(['wsus-3-sp1-patched'])
      expect(result.missingFacts).toEqual([])
      expect(result.actions.map((action) => action.id)).toEqual(['verify-fix'])
    },
  )

  it.each([['2.0'], ['3.0 SP2']])(
    'WSUS %s is not affected, even without knowing about Office',
    async (version) => {
      const result = await answer({ wsusVersion: version })
      expect(result.verdict).toBe('not_affected')
    },
  )

  it('SBS 2003 whose WSUS was not upgraded runs WSUS 2.0 and is not affected', async () => {
    const result = await answer({ product: 'sbs2003', sbsWsusUpgraded: false })
    expect(result.verdict).toBe('not_affected')
    expect(result.reasons[0]?.facts[0]).toMatchObject({
      fact: 'wsusVersion',
      actual: '2.0',
      derivedBy: 'sbs-not-upgraded-runs-wsus-2',
    })
  })

  it('a derivation overrides a contradicting input and says so', async () => {
    const result = await answer({ product: 'sbs2003', sbsWsusUpgraded: false, wsusVersion: '3.0 SP1' })
    expect(result.verdict).toBe('not_affected')
    expect(result.overridden).toEqual([
      { fact: 'wsusVersion', given: '3.0 SP1', derived: '2.0', derivedBy: 'sbs-not-upgraded-runs-wsus-2' },
    ])
  })

  it('WSUS 3.0 RTM with Office 2003 clients is affected: upgrade to SP1 (recommended) or the workaround', async () => {
    const result = await answer({ wsusVersion: '3.0', office2003OnClients: true })
    expect(result.verdict).toBe('affected')
    expect(result.actions.map((action) => action.id)).toEqual([
      'upgrade-to-sp1',
      'apply-workaround',
      'hierarchy-procedure',
      'verify-fix',
    ])
    expect(result.actions[0]).toMatchObject({
      recommended: true,
      conditional: false,
      step: 'resolve-rtm/upgrade-to-sp1',
    })
    expect(result.actions.find((action) => action.id === 'hierarchy-procedure')).toMatchObject({
      conditional: true,
      waitingFor: ['serverRole'],
    })
    expect(result.actions.some((action) => action.id.startsWith('install-kb954960'))).toBe(false)
  })

  it.each([
    ['3.1.6001.65', 'affected'],
    ['3.1.6001.7', 'affected'],
    ['3.1.6001.66', 'fixed'],
    ['3.1.6001.100', 'fixed'],
    ['3.2', 'fixed'],
  ])('WSUS 3.0 SP1 with Office 2003 clients and DLL %s is %s', async (dll, verdict) => {
    const result = await answer({
      wsusVersion: '3.0 SP1',
      office2003OnClients: true,
      webServicesClientDllVersion: dll,
    })
    expect(result.verdict).toBe(verdict)
  })

  it('WSUS 3.0 SP1 with Office 2003 clients and an unknown DLL version is unknown, asking for the DLL', async () => {
    const result = await answer({ wsusVersion: '3.0 SP1', office2003OnClients: true })
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts).toEqual(['webServicesClientDllVersion'])
    expect(result.actions.map((action) => action.id)).toContain('check-dll-version')
  })

  it.each([
    ['sbs2003', { sbsWsusUpgraded: true }],
    ['sce2007', {}],
    ['sccm2007', {}],
  ])('%s is decided by the WSUS version underneath', async (product, extra) => {
    const base = { product, office2003OnClients: true, ...extra }
    expect((await answer(base)).verdict).toBe('unknown')
    expect((await answer(base)).missingFacts[0]).toBe('wsusVersion')
    expect((await answer({ ...base, wsusVersion: '3.0' })).verdict).toBe('affected')
    expect(
      (await answer({ ...base, wsusVersion: '3.0 SP1', webServicesClientDllVersion: '3.1.6001.66' })).verdict,
    ).toBe('fixed')
    expect((await answer({ ...base, wsusVersion: '3.0 SP2' })).verdict).toBe('not_affected')
  })

  it('SP1 actions follow the server: language first, the package for its architecture, language back, verify', async () => {
    const result = await answer({
      wsusVersion: '3.0 SP1',
      office2003OnClients: true,
      webServicesClientDllVersion: '3.1.6001.65',
      serverArchitecture: 'x64',
      serverLocaleMatchesInstall: false,
    })
    expect(result.actions.map((action) => [action.id, action.conditional])).toEqual([
      ['match-language', false],
      ['install-kb954960-x64', false],
      ['restore-language', false],
      ['verify-fix', false],
    ])
  })

  it('with the architecture unknown, both packages are offered, each on its condition', async () => {
    const result = await answer({
      wsusVersion: '3.0 SP1',
      office2003OnClients: true,
      webServicesClientDllVersion: '3.1.6001.65',
      serverLocaleMatchesInstall: true,
    })
    const packages = result.actions.filter((action) => action.id.startsWith('install-kb954960'))
    expect(packages.map((action) => [action.id, action.waitingFor])).toEqual([
      ['install-kb954960-x86', ['serverArchitecture']],
      ['install-kb954960-x64', ['serverArchitecture']],
    ])
    expect(result.actions.some((action) => action.id === 'match-language')).toBe(false)
  })

  it('nothing known: unknown, asking first for what settles most', async () => {
    const result = await answer({})
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts).toEqual([
      'wsusVersion',
      'office2003OnClients',
      'webServicesClientDllVersion',
      'product',
      'sbsWsusUpgraded',
    ])
    expect(result.missingFacts).not.toContain('clientSymptom')
  })

  it('a confirmed symptom is affected without any inventory, and a contradiction is reported', async () => {
    expect((await answer({ clientSymptom: 'confirmed' })).verdict).toBe('affected')
    const result = await answer({
      clientSymptom: 'confirmed',
      wsusVersion: '3.0 SP1',
      office2003OnClients: true,
      webServicesClientDllVersion: '3.1.6001.66',
    })
    expect(result.verdict).toBe('affected')
    expect(result.conflicts.map((reason) => [reason.rule, reason.verdict])).toEqual([
      ['wsus-3-sp1-patched', 'fixed'],
    ])
    const conflictActions = result.actions.filter((action) => action.conflict).map((action) => action.id)
    expect(conflictActions).toEqual(['check-dll-version', 'run-detection-twice', 'look-for-second-revision'])
  })

  it('partial evidence alone decides nothing', async () => {
    expect((await answer({ clientSymptom: 'partial' })).verdict).toBe('unknown')
  })
})
