// `kb lint` after a `kb check` of the same rules takes their warnings from the cache instead of reading and
// validating the folder again; what it prints must not change, from the folder or from a copy of it elsewhere.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest'
import { folderEntries } from '../../src/kb/compiled-cache.ts'
import { filedRulesLint } from '../../src/kb/filed-rules-lint.ts'
import { lintRules } from '../../src/kb/load.ts'
import { kb } from '../helpers/run-cli.ts'
import { removeCopies, undecidedValueRules } from '../helpers/temp-rules.ts'

let rules: string
const caches: string[] = []
beforeAll(async () => {
  // A value neither article decides (a warning of the decidability checks, which `kb check` does not run) and
  // a rules file without its schema comment (a warning of reading the files, which `kb check` files).
  rules = await undecidedValueRules()
  const catalog = path.join(rules, 'catalog', 'products.yaml')
  const text = await readFile(catalog, 'utf8')
  await writeFile(catalog, text.split('\n').slice(1).join('\n'))
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await removeCopies()
  for (const cache of caches) await rm(cache, { recursive: true, force: true })
})

async function freshCache(): Promise<string> {
  const cache = await mkdtemp(path.join(tmpdir(), 'kb-lint-filed-'))
  caches.push(cache)
  vi.stubEnv('KB_CACHE_DIR', cache)
  return cache
}

test('prints what it prints with the cache off: the filed warnings and the decidability warnings', async () => {
  vi.stubEnv('KB_CACHE_DIR', 'off')
  const alone = await kb(['lint', '--rules', rules, '--json'])
  const codes = JSON.parse(alone.stdout).map((problem: { code: string }) => problem.code)
  expect(codes).toEqual(expect.arrayContaining(['KB_SCHEMA_COMMENT', 'KB_UNDECIDED_VALUE']))
  const cache = await freshCache()
  expect((await kb(['check', '--rules', rules, '--json'])).status).toBe(0)
  expect((await readdir(cache)).filter((name) => name.startsWith('warnings-'))).toHaveLength(1)
  expect(await kb(['lint', '--rules', rules, '--json'])).toEqual(alone)
})

test('takes the rules warnings from the cache when a check filed them', async () => {
  const cache = await freshCache()
  await kb(['check', '--rules', rules, '--json'])
  const [filed] = (await readdir(cache)).filter((name) => name.startsWith('warnings-'))
  const warnings = JSON.parse(await readFile(path.join(cache, filed!), 'utf8'))
  // Relative to the rules folder, so that any copy of the same content reads them.
  expect(warnings.map((problem: { file: string }) => problem.file)).toContain('catalog/products.yaml')
  const marked = { ...warnings[0], message: 'Expected the warning filed by the check' }
  await writeFile(path.join(cache, filed!), JSON.stringify([...warnings, marked]))
  const run = await kb(['lint', '--rules', rules, '--json'])
  expect(run.stdout).toContain('Expected the warning filed by the check')
})

test('a copy of the folder elsewhere reads the same warnings, shown with its own paths', async () => {
  await freshCache()
  await kb(['check', '--rules', rules, '--json'])
  const copy = path.join(await mkdtemp(path.join(tmpdir(), 'kb-lint-filed-copy-')), 'rules')
  caches.push(path.dirname(copy))
  await cp(rules, copy, { recursive: true })
  const entries = folderEntries(copy)
  const filed = entries && filedRulesLint(copy, entries)
  expect(filed?.problems).toEqual((await lintRules(copy)).problems)
  expect(filed?.problems.every((problem) => problem.file.startsWith(copy))).toBe(true)
  expect(filed?.model.dir).toBe(path.resolve(copy))
})
