/**
 * KB 4096317 (error 80244007 when a WSUS client scans): expected verdicts written from the article's text
 * (MicrosoftDocs/SupportArticles-docs, error-80244007-when-wsus-client-scans-updates.md).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'

let kb: KnowledgeBase
beforeAll(async () => {
  kb = await loadKnowledgeBase()
})

async function answer(facts: Record<string, unknown>) {
  const { results } = await kb.check(facts, { article: '4096317' })
  expect(results).toHaveLength(1)
  return results[0]!
}

const fault = { scanError: '0x80244007', soapFaultParameter: 'parameters.InstalledNonLeafUpdateIDs' }

describe('KB 4096317: am I affected?', () => {
  it.each([
    // "the following error message in the WindowsUpdate.log": the fault names InstalledNonLeafUpdateIDs.
    ['the fault that names InstalledNonLeafUpdateIDs', fault, 'affected', 'installed-nonleaf-fault'],
    [
      'that fault with the limit still at 400',
      { ...fault, maxInstalledPrerequisites: '400' },
      'affected',
      'installed-nonleaf-fault',
    ],
    // "Change the value from 400 to 800": the resolution is in place.
    [
      'the limit raised to 800 with a scan that succeeds',
      { maxInstalledPrerequisites: '800', scanError: 'none', updateSource: 'wsus' },
      'fixed',
      'limit-raised',
    ],
    [
      'a limit above 800',
      { maxInstalledPrerequisites: '1000', updateSource: 'wsus', scanError: 'none' },
      'fixed',
      'limit-raised',
    ],
    [
      'a scan that succeeds at the old limit',
      { maxInstalledPrerequisites: '400', scanError: 'none', updateSource: 'wsus' },
      'not_affected',
      'scan-succeeds',
    ],
    [
      'another scan error',
      { scanError: 'other', updateSource: 'wsus', maxInstalledPrerequisites: '400' },
      'not_affected',
      'other-scan-error',
    ],
    // The same code with parameters.OtherCachedUpdateIDs is another cause (0x80244007 troubleshooter).
    [
      'another fault parameter',
      { scanError: '80244007', soapFaultParameter: 'OtherCachedUpdateIDs', maxInstalledPrerequisites: '400' },
      'not_affected',
      'other-soap-fault',
    ],
    [
      'a client that scans Microsoft Update',
      { updateSource: 'microsoft-update', maxInstalledPrerequisites: '400' },
      'not_affected',
      'scans-microsoft-update',
    ],
  ])('%s', async (_name, facts, verdict, rule) => {
    const result = await answer(facts)
    expect(result.verdict).toBe(verdict)
    expect(result.reasons[0]?.rule).toBe(rule)
  })

  it('offers the configuration change for the fault, and IIS again when the limit is already raised', async () => {
    const atOldLimit = await answer({ ...fault, maxInstalledPrerequisites: '400' })
    expect(atOldLimit.actions.map((action) => action.id)).toContain('raise-limit')
    expect(atOldLimit.actions.map((action) => action.id)).not.toContain('restart-iis-after-change')
    const raised = await answer({ ...fault, maxInstalledPrerequisites: '800' })
    expect(raised.verdict).toBe('affected')
    expect(raised.actions.map((action) => action.id)).toContain('restart-iis-after-change')
  })

  it('with the code alone, the cause is not known: it asks for the fault parameter', async () => {
    const result = await answer({
      scanError: '0x80244007',
      updateSource: 'wsus',
      maxInstalledPrerequisites: '400',
    })
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts).toEqual(['soapFaultParameter'])
    expect(result.actions.map((action) => action.id)).toContain('read-fault-detail')
  })

  it('a raised limit answers fixed only for a WSUS client: it asks where the client scans', async () => {
    const result = await answer({ maxInstalledPrerequisites: '800' })
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts[0]).toBe('updateSource')
  })

  it('a limit of 400 is no failure by itself', async () => {
    const result = await answer({ updateSource: 'wsus', maxInstalledPrerequisites: '400' })
    expect(result.verdict).toBe('unknown')
    expect(result.missingFacts).toContain('scanError')
  })
})
