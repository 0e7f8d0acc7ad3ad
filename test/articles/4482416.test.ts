/**
 * KB 4482416 (WSUS synchronization fails with SoapException): expected verdicts written from the article's
 * text (MicrosoftDocs/SupportArticles-docs, wsus-synchronization-fails-with-soapexception.md).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'

let kb: KnowledgeBase
beforeAll(async () => {
  kb = await loadKnowledgeBase()
})

async function answer(facts: Record<string, unknown>) {
  const { results } = await kb.check(facts, { article: '4482416' })
  expect(results).toHaveLength(1)
  return results[0]!
}

const ids = (list: Array<{ id: string }>) => list.map((entry) => entry.id)

describe('KB 4482416: am I affected?', () => {
  it.each([
    // "Don't run the scripts on a WSUS server that's not the topmost server."
    ['a replica server', { serverRole: 'replica' }, 'not_affected', 'downstream-server'],
    [
      'an autonomous child, whatever its endpoint',
      { serverRole: 'autonomous', muUrl: 'fe2' },
      'not_affected',
      'downstream-server',
    ],
    // "configured to use the old synchronization endpoint, https://fe2.update.microsoft.com/v6"
    [
      'the old endpoint on the top-level server',
      { serverRole: 'upstream', muUrl: 'https://fe2.update.microsoft.com/v6' },
      'affected',
      'old-endpoint',
    ],
    // "no longer reachable after July 8, 2019": a success report does not clear the old endpoint.
    [
      'the old endpoint even when a sync is said to succeed',
      { serverRole: 'standalone', muUrl: 'fe2', syncResult: 'succeeds' },
      'affected',
      'old-endpoint',
    ],
    // "change the synchronization endpoint in WSUS configuration to https://sws.update.microsoft.com"
    ['the new endpoint', { serverRole: 'standalone', muUrl: 'sws' }, 'fixed', 'new-endpoint'],
    // The SHA-1 settings for Windows Server 2008 without the latest update, or earlier.
    [
      'sws1 on Windows Server 2003',
      { serverRole: 'standalone', muUrl: 'sws1', wsusHostOs: 'earlier-than-windows-server-2008' },
      'fixed',
      'sha1-endpoint-on-old-windows',
    ],
    [
      'a legacy endpoint on an unpatched Windows Server 2008',
      {
        serverRole: 'upstream',
        muUrl: 'update-v6',
        wsusHostOs: 'windows-server-2008',
        hostHasLatestUpdates: false,
      },
      'affected',
      'legacy-endpoint-on-old-windows',
    ],
    [
      'a successful synchronization from sws1 on Windows Server 2012',
      {
        serverRole: 'standalone',
        muUrl: 'sws1',
        wsusHostOs: 'windows-server-2012-or-later',
        syncResult: 'succeeds',
      },
      'not_affected',
      'sync-succeeds',
    ],
  ])('%s', async (_name, facts, verdict, rule) => {
    const result = await answer(facts)
    expect(result.verdict).toBe(verdict)
    expect(result.reasons[0]?.rule).toBe(rule)
  })

  it('the old endpoint on Windows Server 2012 or later: close the consoles, run the 2012 script, verify', async () => {
    const result = await answer({
      serverRole: 'upstream',
      muUrl: 'fe2',
      wsusHostOs: 'windows-server-2012-or-later',
    })
    expect(ids(result.actions)).toEqual(['close-consoles', 'run-script-2012', 'verify-sync'])
  })

  it('the old endpoint on an unpatched Windows Server 2008: the 3.x script with the SHA-1 settings', async () => {
    const result = await answer({
      serverRole: 'upstream',
      muUrl: 'fe2',
      wsusHostOs: 'windows-server-2008',
      hostHasLatestUpdates: false,
    })
    expect(ids(result.actions)).toEqual([
      'close-consoles',
      'run-script-wsus3',
      'use-sha1-settings',
      'verify-sync',
    ])
  })

  it('a downstream server is told to look at the topmost server', async () => {
    const result = await answer({ serverRole: 'replica' })
    expect(ids(result.actions)).toContain('check-topmost-server')
  })

  it('a SoapException alone does not name the endpoint: it asks for MUUrl', async () => {
    const result = await answer({ serverRole: 'standalone', syncResult: 'soap-exception' })
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts[0]).toBe('muUrl')
    expect(ids(result.actions)).toContain('check-endpoint')
  })
})
