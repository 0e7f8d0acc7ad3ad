import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { KnowledgeBaseError } from '../../src/kb/errors.ts'
import { loadRules } from '../../src/kb/load.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { Renderer } from '../../src/render/renderer.ts'
import { copyRules, patchFile, removeCopies } from '../helpers/temp-rules.ts'

const fictional = 'test/fixtures/fictional/rules'
let cache: string
beforeAll(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'kb-cache-'))
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await removeCopies()
  await rm(cache, { recursive: true, force: true })
})

describe('compiled copy of a rules folder, reused across runs', () => {
  it('gives the model a fresh validation gives, first compiled and then from the cache', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules(fictional)
    const fresh = await loadRules(dir)
    const first = await loadKnowledgeBase(dir)
    expect((await readdir(cache)).filter((name) => name.startsWith('rules-'))).toHaveLength(1)
    // A cache entry that is not what the loader would give shows up as a different model.
    const second = await loadKnowledgeBase(dir)
    expect(second.model).toEqual(fresh)
    expect(first.model).toEqual(fresh)
    expect((await second.check({}, { article: 'contoso-1001' })).results[0]).toEqual(
      (await first.check({}, { article: 'contoso-1001' })).results[0],
    )
  })

  it('serves a copy of the folder elsewhere with the files of that copy', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const [one, other] = [await copyRules(fictional), await copyRules(fictional)]
    await loadKnowledgeBase(one)
    const { model } = await loadKnowledgeBase(other)
    expect(model.articles[0]!.files.slice(0, 2)).toEqual([
      'articles/contoso-1001/article.yaml',
      'articles/contoso-1001/verdicts.yaml',
    ])
    expect(model).toEqual(await loadRules(other))
  })

  it('marks the entries it reads as used, so a bounded cache lets go of them last', async () => {
    const own = await mkdtemp(path.join(tmpdir(), 'kb-cache-'))
    vi.stubEnv('KB_CACHE_DIR', own)
    try {
      const dir = await copyRules(fictional)
      await loadKnowledgeBase(dir)
      const entries = (await readdir(own)).filter((name) => /^(rules|folder)-/.test(name))
      expect(entries).toHaveLength(2)
      const long = new Date(Date.now() - 3600_000)
      for (const name of entries) await utimes(path.join(own, name), long, long)
      await loadKnowledgeBase(dir)
      for (const name of entries)
        expect((await stat(path.join(own, name))).mtimeMs, name).toBeGreaterThan(Date.now() - 60_000)
    } finally {
      await rm(own, { recursive: true, force: true })
    }
  })

  it('validates again when a file changes, and reports its error', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules(fictional)
    await loadKnowledgeBase(dir)
    await writeFile(path.join(dir, 'facts.yaml'), 'kind: facts\nfacts: 7\n')
    await expect(loadKnowledgeBase(dir)).rejects.toBeInstanceOf(KnowledgeBaseError)
  })

  it('serves the changed content after an edit', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules()
    const before = await loadKnowledgeBase(dir)
    await patchFile(
      dir,
      'articles/954960/article.yaml',
      'fixedVersion: 3.1.6001.66',
      'fixedVersion: 3.1.6001.70',
    )
    const after = await loadKnowledgeBase(dir)
    const values = (kb: typeof before) =>
      kb.model.articles.find((article) => article.id === '954960')!.article.values
    expect(values(before)).toMatchObject({ fixedVersion: '3.1.6001.66' })
    expect(values(after)).toMatchObject({ fixedVersion: '3.1.6001.70' })
  })

  it('works without a cache when it is turned off or cannot be written', async () => {
    const dir = await copyRules(fictional)
    vi.stubEnv('KB_CACHE_DIR', 'off')
    expect((await loadKnowledgeBase(dir)).articleIds).toEqual(['contoso-1001'])
    const blocked = path.join(cache, 'a-file')
    await writeFile(blocked, '')
    vi.stubEnv('KB_CACHE_DIR', path.join(blocked, 'below'))
    expect((await loadKnowledgeBase(dir)).articleIds).toEqual(['contoso-1001'])
  })
})

describe('documents rendered from the compiled copy', () => {
  it('come from the filed model while the folder is unchanged, and follow an edit', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules()
    const setVersion = (from: string, to: string) =>
      patchFile(dir, 'articles/954960/article.yaml', `fixedVersion: ${from}`, `fixedVersion: ${to}`)
    // Content no other test of this file has, so its compiled copy is not filed yet.
    await setVersion('3.1.6001.66', '3.1.6001.81')
    const render = async () =>
      (await Renderer.load({ rules: dir })).render({ article: '954960', doc: 'kb', lang: 'en', format: 'md' })
    const rulesEntries = async () => (await readdir(cache)).filter((name) => name.startsWith('rules-')).sort()
    const earlier = await rulesEntries()
    const before = await render()
    expect(before).toContain('3.1.6001.81')
    // The first render validated the folder and filed its model; the second reads it, for the same document.
    const filed = await rulesEntries()
    expect(filed).toHaveLength(earlier.length + 1)
    expect(await render()).toBe(before)
    expect(await rulesEntries()).toEqual(filed)
    await setVersion('3.1.6001.81', '3.1.6001.82')
    const after = await render()
    expect(after).toContain('3.1.6001.82')
    expect(after).not.toContain('3.1.6001.81')
  })
})
