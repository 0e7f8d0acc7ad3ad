/**
 * Each article's answer for the defaults is filed in the cache with the compiled rules, so that a cold process
 * answers the articles a query does not concern without evaluating (or compiling) them: the answers must be
 * exactly those of evaluating, and never those of other content.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { copyRules, patchFile, removeCopies } from '../helpers/temp-rules.ts'

let cache: string
beforeAll(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'kb-answers-'))
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await removeCopies()
  await rm(cache, { recursive: true, force: true })
})

const queries = [
  {},
  { wsusVersion: '3.0 SP1' },
  { wsusVersion: '3.0 SP1', office2003OnClients: true, webServicesClientDllVersion: '3.1.6001.65' },
  { updateSource: 'wsus' },
  { product: 'sbs2003', sbsWsusUpgraded: false },
]

// Evaluated in this process, nothing filed or read.
const evaluating = (kb: KnowledgeBase) => new KnowledgeBase(kb.model)

describe('answers for the defaults, filed across runs', () => {
  it('answers every query as evaluating does, when the answers are filed and when they are read', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules()
    const filing = await loadKnowledgeBase(dir)
    const first = await filing.check({})
    expect((await readdir(cache)).filter((name) => name.startsWith('answers-'))).toHaveLength(1)
    expect(first).toStrictEqual(await evaluating(filing).check({}))
    for (const query of queries) {
      const reading = await loadKnowledgeBase(dir)
      expect(await reading.check(query)).toStrictEqual(await evaluating(reading).check(query))
    }
  })

  it('gives a log diagnosis the same answers as evaluating', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules()
    await (await loadKnowledgeBase(dir)).check({})
    const log = { text: 'nothing of any article here\r\n', name: 'WindowsUpdate.log' }
    const reading = await loadKnowledgeBase(dir)
    const results = await reading.diagnose({ client: log })
    expect(results.length).toBeGreaterThan(0)
    expect(results).toStrictEqual(await evaluating(reading).diagnose({ client: log }))
  })

  it('never answers from answers filed for other content', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules()
    const before = await (await loadKnowledgeBase(dir)).check({})
    await patchFile(
      dir,
      'articles/954960/verdicts.yaml',
      'id: wsus-3-sp2-not-affected\n    verdict: not_affected',
      'id: wsus-3-sp2-not-affected\n    verdict: fixed',
    )
    const reading = await loadKnowledgeBase(dir)
    const after = await reading.check({})
    expect(after).toStrictEqual(await evaluating(reading).check({}))
    expect(after).not.toStrictEqual(before)
  })

  it('evaluates when the cache is off', async () => {
    vi.stubEnv('KB_CACHE_DIR', 'off')
    const dir = await copyRules()
    const kb = await loadKnowledgeBase(dir)
    expect(await kb.check({})).toStrictEqual(await evaluating(kb).check({}))
  })
})
