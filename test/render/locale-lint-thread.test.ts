// The translation QA in a worker thread gives what it gives on the main thread.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest'
import { lintLocalesFor } from '../../src/render/locale-lint.ts'
import { lintLocalesInThread } from '../../src/render/locale-lint-thread.ts'
import { kb } from './helpers.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-'))
  await cp('test/fixtures/fictional', dir, { recursive: true })
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

test('finds the problems of the translations beside a rules folder, equal and in the same order', async () => {
  await writeFile(path.join(dir, 'locales', 'nl', 'contoso-1001.yaml'), 'title: [unclosed\n')
  await writeFile(path.join(dir, 'locales', 'nb', 'contoso-1001.yaml'), '- a\n')
  const rules = path.join(dir, 'rules')
  const inThread = await lintLocalesInThread(rules).problems
  expect(inThread.map((problem) => problem.code)).toEqual(
    expect.arrayContaining(['KB_YAML_SYNTAX', 'KB_LOCALE_NOT_STRING', 'KB_LOCALE_MISSING_KEY']),
  )
  expect(inThread).toEqual(await lintLocalesFor({ rules }))
})

test('finds nothing when the rules do not validate (the rules checks report them), and can be stopped', async () => {
  const broken = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-broken-'))
  await cp('test/fixtures/fictional', broken, { recursive: true })
  await writeFile(path.join(broken, 'rules', 'facts.yaml'), 'kind: facts\nfacts: [\n')
  try {
    const rules = path.join(broken, 'rules')
    expect(await lintLocalesInThread(rules).problems).toEqual([])
    expect(await lintLocalesFor({ rules })).toEqual([])
  } finally {
    await rm(broken, { recursive: true, force: true })
  }
  // Stopped long before it could answer (it loads its modules first).
  const stopped = lintLocalesInThread(path.join(dir, 'rules'))
  await stopped.cancel()
  await expect(stopped.problems).rejects.toThrow('not to exit with code')
})

test('kb lint prints the same problems with the translations on another thread as without', async () => {
  const copy = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-cli-'))
  const cache = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-cache-'))
  try {
    await cp('test/fixtures/fictional', copy, { recursive: true })
    await writeFile(path.join(copy, 'locales', 'nb', 'contoso-1001.yaml'), '- a\n')
    const rules = path.join(copy, 'rules')
    vi.stubEnv('KB_CACHE_DIR', 'off')
    const alone = await kb(['lint', '--rules', rules, '--json'])
    // With the rules compiled into the cache folder by a check, the translations go to a worker thread.
    vi.stubEnv('KB_CACHE_DIR', cache)
    await kb(['check', '--rules', rules, '--json'])
    const aside = await kb(['lint', '--rules', rules, '--json'])
    expect(JSON.parse(alone.stdout).map((problem: { code: string }) => problem.code)).toContain(
      'KB_LOCALE_NOT_STRING',
    )
    expect([aside.status, aside.stdout, aside.stderr]).toEqual([alone.status, alone.stdout, alone.stderr])
  } finally {
    await rm(copy, { recursive: true, force: true })
    await rm(cache, { recursive: true, force: true })
  }
})
