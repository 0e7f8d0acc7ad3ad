// `kb check` and `kb diagnose` about many articles take the localized answers of the articles the facts (or the
// logs) do not concern from the cache, where an earlier run of the same rules and strings filed them: the output
// must be exactly that of localizing every answer, in JSON and as text, and a filed text is what a later run shows.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { kb } from '../helpers/run-cli.ts'
import { copyRules, removeCopies } from '../helpers/temp-rules.ts'

let cache: string
let rules: string
beforeAll(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'kb-filed-texts-'))
  rules = await copyRules()
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await removeCopies()
  await rm(cache, { recursive: true, force: true })
})

// Concerns 954960 only: the other articles answer as for the defaults.
const check = (...args: string[]) => kb(['check', '--rules', rules, '--fact', 'wsusVersion=3.0 SP1', ...args])
const textFiles = async () => (await readdir(cache)).filter((name) => name.startsWith('texts-'))

describe('kb check with the localized answers filed', () => {
  it('prints what localizing every answer prints, when filing and when reading, in JSON and as text', async () => {
    for (const args of [['--json'], ['--lang', 'nl'], ['--json', '--lang', 'pl']]) {
      vi.stubEnv('KB_CACHE_DIR', 'off')
      const fresh = await check(...args)
      expect(fresh.status).toBe(0)
      vi.stubEnv('KB_CACHE_DIR', cache)
      const filing = await check(...args)
      const reading = await check(...args)
      expect(filing.stdout).toBe(fresh.stdout)
      expect(reading.stdout).toBe(fresh.stdout)
    }
    // One per language: English, Dutch, Polish.
    expect(await textFiles()).toHaveLength(3)
  })

  it('shows the filed text in a later run', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    await check('--json')
    const before = JSON.parse((await check('--json')).stdout) as { results: { verdictLabel: string }[] }
    expect(before.results.map((result) => result.verdictLabel)).toContain('Unknown')
    // The texts are JSON inside JSON: their quotes are escaped. Only the answers for the defaults come from them.
    for (const name of await textFiles()) {
      const file = path.join(cache, name)
      const text = await readFile(file, 'utf8')
      await writeFile(file, text.replaceAll(String.raw`\"Unknown\"`, String.raw`\"Filed unknown\"`))
    }
    const after = JSON.parse((await check('--json')).stdout) as {
      results: { article: string; verdictLabel: string }[]
    }
    const changed = after.results.filter((result) => result.verdictLabel === 'Filed unknown')
    expect(changed.map((result) => result.article)).not.toContain('954960')
    expect(changed.length).toBeGreaterThan(0)
  })

  it('gives kb diagnose the output of localizing every answer, the articles the log concerns included', async () => {
    // A cache of its own: the test before changed the texts filed in the shared one.
    const own = await mkdtemp(path.join(cache, 'diagnose-'))
    const diagnose = (...args: string[]) =>
      kb(['diagnose', '--rules', rules, '--client', 'test/fixtures/logs/client-954960-classic.log', ...args])
    for (const args of [['--json'], ['--lang', 'nb']]) {
      vi.stubEnv('KB_CACHE_DIR', 'off')
      const fresh = await diagnose(...args)
      expect(fresh.status).toBe(0)
      vi.stubEnv('KB_CACHE_DIR', own)
      expect((await diagnose(...args)).stdout).toBe(fresh.stdout)
      expect((await diagnose(...args)).stdout).toBe(fresh.stdout)
    }
    vi.stubEnv('KB_CACHE_DIR', own)
    for (const name of (await readdir(own)).filter((name) => name.startsWith('texts-'))) {
      const file = path.join(own, name)
      const text = await readFile(file, 'utf8')
      await writeFile(file, text.replaceAll(String.raw`\"Unknown\"`, String.raw`\"Filed unknown\"`))
    }
    const after = JSON.parse((await diagnose('--json')).stdout) as {
      results: { article: string; verdict: string; verdictLabel: string }[]
    }
    // 954960's answer comes from its evidence; the others answer as for the defaults, from the filed texts.
    expect(after.results.find((result) => result.article === '954960')?.verdict).toBe('affected')
    const filed = after.results.filter((result) => result.verdictLabel === 'Filed unknown')
    expect(filed.length).toBeGreaterThan(0)
    expect(filed.map((result) => result.article)).not.toContain('954960')
  })
})
