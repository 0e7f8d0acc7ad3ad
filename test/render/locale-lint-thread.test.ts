// The translation QA shared with a worker thread gives what it gives on the main thread alone.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import { lintLocalesFor } from '../../src/render/locale-lint.ts'
import { SharedLocaleLint } from '../../src/render/locale-lint-thread.ts'
import { kb } from './helpers.ts'

let dir: string
let cache: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-'))
  cache = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-cache-'))
  await cp('test/fixtures/fictional', dir, { recursive: true })
})
beforeEach(() => {
  // The worker thread files what it compiles in the cache folder it sees: not the user's.
  vi.stubEnv('KB_CACHE_DIR', cache)
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(cache, { recursive: true, force: true })
})

/**
 * The fixture's rules and the locales beside them, with a broken translation in two languages, a Polish one
 * without a string a decision rule uses, an English one without a fact's label, English files not translated
 * and a Dutch file English does not have: five namespaces.
 */
async function brokenTranslations() {
  const file = (language: string) => path.join(dir, 'locales', language, 'contoso-1001.yaml')
  for (const [language, line] of [
    ['pl', /\n {4}other-versions: [^\n]*/],
    ['en', /\n {4}label: Brewer 9000 connected/],
  ] as const)
    await writeFile(file(language), (await readFile(file(language), 'utf8')).replace(line, ''))
  await writeFile(path.join(dir, 'locales', 'nl', 'contoso-1001.yaml'), 'title: [unclosed\n')
  await writeFile(path.join(dir, 'locales', 'nb', 'contoso-1001.yaml'), '- a\n')
  for (const name of ['extra-a', 'extra-b', 'extra-c'])
    await writeFile(path.join(dir, 'locales', 'en', `${name}.yaml`), 'title: Extra **bold\n')
  await writeFile(path.join(dir, 'locales', 'nl', 'only-dutch.yaml'), 'title: Alleen\n')
  const rules = path.join(dir, 'rules')
  return { rules, locales: path.join(dir, 'locales'), model: await loadRules(rules) }
}

test('the worker alone finds the problems of the translations, equal and in the same order', async () => {
  const { rules, locales, model } = await brokenTranslations()
  const shared = await SharedLocaleLint.start(rules, locales)
  // Done before the main thread joins in: every unit is the worker's.
  const delivered = await shared.delivered
  const { problems, unitsByWorker } = await shared.join(model)
  expect(delivered).toHaveLength(5)
  expect(unitsByWorker).toBe(5)
  expect(problems.map((problem) => problem.code)).toEqual(
    expect.arrayContaining([
      ...['KB_YAML_SYNTAX', 'KB_LOCALE_NOT_STRING', 'KB_LOCALE_MISSING_KEY', 'KB_LOCALE_MARKDOWN'],
      ...['KB_LOCALE_MISSING_FILE', 'KB_LOCALE_EXTRA_FILE', 'KB_OUTLINE_MISSING_KEY'],
    ]),
  )
  // Placed in the English text the worker read and handed over.
  expect(problems.find((problem) => problem.code === 'KB_LOCALE_MISSING_FACT_TEXT')).toMatchObject({
    file: expect.stringMatching(/en[\\/]contoso-1001\.yaml$/),
    line: 15,
    path: ['facts', 'brewerConnected', 'label'],
  })
  expect(problems).toEqual(await lintLocalesFor({ rules }))
})

test('the main thread joining at once, or alone when the worker is stopped, finds the same', async () => {
  const { rules, locales, model } = await brokenTranslations()
  const alone = await lintLocalesFor({ rules })
  const together = await SharedLocaleLint.start(rules, locales)
  expect((await together.join(model)).problems).toEqual(alone)
  // Stopped long before it could answer (it loads its modules first): nothing of it is lost.
  const stopped = await SharedLocaleLint.start(rules, locales)
  await stopped.cancel()
  await expect(stopped.delivered).rejects.toThrow('not to exit with code')
  expect(await stopped.join(model)).toEqual({ problems: alone, unitsByWorker: 0 })
})

test('the worker reads the model from the file it is given, or finds it itself when that is gone', async () => {
  const { rules, locales, model } = await brokenTranslations()
  const alone = await lintLocalesFor({ rules })
  const file = path.join(cache, 'given-model.json')
  await writeFile(file, JSON.stringify({ ...model, dir: undefined }))
  for (const given of [file, path.join(cache, 'missing-model.json')]) {
    const shared = await SharedLocaleLint.start(rules, locales, given)
    expect(await shared.delivered).toHaveLength(5)
    expect((await shared.join(model)).problems).toEqual(alone)
  }
})

test('says so when the rules do not validate (the rules checks report them)', async () => {
  const broken = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-broken-'))
  await cp('test/fixtures/fictional', broken, { recursive: true })
  await writeFile(path.join(broken, 'rules', 'facts.yaml'), 'kind: facts\nfacts: [\n')
  try {
    const rules = path.join(broken, 'rules')
    expect(
      await (await SharedLocaleLint.start(rules, path.join(broken, 'locales'))).delivered,
    ).toBeUndefined()
    expect(await lintLocalesFor({ rules })).toEqual([])
  } finally {
    await rm(broken, { recursive: true, force: true })
  }
})

// With one core the lint never starts the thread; the test would pass without testing it.
test.skipIf(availableParallelism() < 2)(
  'kb lint files the rules it validated, and then lints the translations beside them on another thread',
  async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-cli-'))
    const ownCache = await mkdtemp(path.join(tmpdir(), 'kb-lint-thread-cli-cache-'))
    const lint = async (cached: boolean) => {
      vi.stubEnv('KB_CACHE_DIR', cached ? ownCache : 'off')
      const { status, stdout, stderr } = await kb(['lint', '--rules', path.join(copy, 'rules'), '--json'])
      return [status, stdout, stderr]
    }
    try {
      await cp('test/fixtures/fictional', copy, { recursive: true })
      await writeFile(path.join(copy, 'locales', 'nb', 'contoso-1001.yaml'), '- a\n')
      // Enough namespaces for the thread to pay (fewer are linted on one thread), each missing in translation.
      for (let index = 0; index < 64; index++)
        await writeFile(path.join(copy, 'locales', 'en', `extra-${index}.yaml`), 'title: Extra\n')
      // One thread: no validated rules are filed yet. The lint files them.
      expect(await lint(true)).toEqual(await lint(false))
      expect((await readdir(ownCache)).filter((name) => name.startsWith('rules-'))).toHaveLength(1)
      // A translation changed, the rules did not: their filed model goes to a worker thread.
      await writeFile(path.join(copy, 'locales', 'pl', 'contoso-1001.yaml'), '')
      const aside = await lint(true)
      const alone = await lint(false)
      expect(JSON.parse(alone[1] as string).map((problem: { message: string }) => problem.message)).toContain(
        'Expected the file to map keys to strings, not an empty file',
      )
      expect(aside).toEqual(alone)
    } finally {
      await rm(copy, { recursive: true, force: true })
      await rm(ownCache, { recursive: true, force: true })
    }
  },
)
