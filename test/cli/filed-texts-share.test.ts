// The texts of the answers for the defaults are filed for every article at once: worth it when those answers
// are a good share of the knowledge base (a check of every article), not for a diagnosis that two articles of
// ten read. Either way the output is that of localizing every answer.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { generateKnowledgeBase } from '../../bench/kb-generator.ts'
import { kb } from '../helpers/run-cli.ts'

let dir: string
let rules: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-texts-share-'))
  // Eight copies of an article that reads no client log, then the two built-in articles that do.
  const generated = generateKnowledgeBase(8, { dataDir: dir, sources: ['4482416'] })
  rules = generated.rules
  for (const id of ['954960', '4096317']) {
    await cp(path.join('rules/articles', id), path.join(rules, 'articles', id), { recursive: true })
    for (const language of ['en', 'nl', 'pl', 'nb'])
      await cp(
        path.join('locales', language, `${id}.yaml`),
        path.join(generated.locales, language, `${id}.yaml`),
      )
  }
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const texts = async (cache: string) => (await readdir(cache)).filter((name) => name.startsWith('texts-'))

describe('the filed texts of the answers for the defaults, by their share of the articles', () => {
  it('are not filed for a diagnosis that two articles of ten read', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'))
    const diagnose = () =>
      kb(['diagnose', '--rules', rules, '--client', 'test/fixtures/logs/client-954960-classic.log', '--json'])
    vi.stubEnv('KB_CACHE_DIR', 'off')
    const fresh = await diagnose()
    expect(fresh.status).toBe(0)
    expect((JSON.parse(fresh.stdout) as { results: unknown[] }).results).toHaveLength(2)
    vi.stubEnv('KB_CACHE_DIR', cache)
    expect((await diagnose()).stdout).toBe(fresh.stdout)
    expect(await texts(cache)).toEqual([])
  })

  it('are filed for a check of every article', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'))
    const check = () => kb(['check', '--rules', rules, '--fact', 'wsusVersion=3.0 SP1', '--json'])
    vi.stubEnv('KB_CACHE_DIR', 'off')
    const fresh = await check()
    expect(fresh.status).toBe(0)
    vi.stubEnv('KB_CACHE_DIR', cache)
    expect((await check()).stdout).toBe(fresh.stdout)
    expect(await texts(cache)).toHaveLength(1)
  })
})
