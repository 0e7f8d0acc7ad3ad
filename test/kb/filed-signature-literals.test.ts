// `kb.diagnose` files the analysis of every article's patterns with the compiled rules, so that a later process
// does not analyse a thousand articles' patterns again: the findings must be those of analysing, and what is
// filed is what a later diagnosis goes by.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { copyRules, removeCopies } from '../helpers/temp-rules.ts'

let cache: string
beforeAll(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'kb-signature-literals-'))
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await removeCopies()
  await rm(cache, { recursive: true, force: true })
})

const client = { client: 'test/fixtures/logs/client-954960-classic.log' }
const filed = async () =>
  (await readdir(cache))
    .filter((name) => name.startsWith('signature-literals-'))
    .map((name) => path.join(cache, name))
const levels = (results: Awaited<ReturnType<KnowledgeBase['diagnose']>>) =>
  results.map((result) => [result.article, result.diagnosis.logs.windowsupdate?.level])

describe('the analysis of the signatures, filed across runs', () => {
  it('gives the findings of analysing, when filing and when reading', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules()
    const filing = await loadKnowledgeBase(dir)
    const first = await filing.diagnose(client)
    expect(await filed()).toHaveLength(1)
    expect(levels(first)).toContainEqual(['954960', 'confirmed'])
    // Nothing filed or read: the patterns analysed during the pass.
    expect(first).toStrictEqual(await new KnowledgeBase(filing.model).diagnose(client))
    expect(await (await loadKnowledgeBase(dir)).diagnose(client)).toStrictEqual(first)
  })

  it('is what a later diagnosis searches the log for', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyRules()
    await (await loadKnowledgeBase(dir)).diagnose(client)
    const [file] = await filed()
    const literals = JSON.parse(await readFile(file!, 'utf8')) as Record<string, string[] | null>
    // Every pattern said to need a literal no log holds: no line can be found.
    await writeFile(
      file!,
      JSON.stringify(Object.fromEntries(Object.keys(literals).map((key) => [key, ['\u0001']]))),
    )
    const results = await (await loadKnowledgeBase(dir)).diagnose(client)
    expect(levels(results).every(([, level]) => level === 'none')).toBe(true)
  })
})
