import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import type { KnowledgeBaseModel } from '../../src/kb/model.ts'
import { defaultLocalesDir, languages } from '../../src/render/i18n.ts'
import { lintLocales } from '../../src/render/locale-lint.ts'
import { localValueNames, placeholderMismatch, placeholders } from '../../src/render/placeholder-check.ts'
import { flattenStrings, replaceMetaBlock, sourceHash } from '../../src/render/source-hashes.ts'
import { copyRules, kb } from './helpers.ts'

const fixture = 'test/fixtures/locales-bad/locales'
const nl = 'test/fixtures/locales-bad/locales/nl/954960.yaml'
let model: KnowledgeBaseModel
beforeAll(async () => {
  model = await loadRules()
})

test('lint finds each translation error of the fixture at its file:line:column', async () => {
  // The fixture holds only the strings under test, not every key of the 954960 outlines.
  const errors = (await lintLocales(fixture, model)).filter(
    (problem) => problem.severity === 'error' && problem.code !== 'KB_OUTLINE_MISSING_KEY',
  )
  const found = errors.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.code}`)
  expect(found.sort()).toEqual(
    [
      `${nl}:3:10 KB_LOCALE_MARKDOWN`,
      `${nl}:4:10 KB_LOCALE_PLACEHOLDERS`,
      `${nl}:4:10 KB_LOCALE_FACT`,
      `${nl}:5:9 KB_LOCALE_HTML`,
      `${nl}:6:9 KB_LOCALE_PLACEHOLDERS`,
      `${nl}:6:9 KB_LOCALE_UNSAFE_LINK`,
      `${nl}:7:12 KB_LOCALE_STALE`,
      `${nl}:8:11 KB_LOCALE_HASH_MISSING`,
      `${nl}:9:3 KB_LOCALE_EXTRA_KEY`,
      `${nl}:3:3 KB_LOCALE_MISSING_KEY`,
    ].sort(),
  )
})

test('the messages name what is wrong and how to fix it', async () => {
  const problems = await lintLocales(fixture, model)
  const message = (code: string) => problems.find((problem) => problem.code === code)!.message
  expect(message('KB_LOCALE_FACT')).toBe(
    'Expected a version number to be interpolated from rules/, not typed as `3.1.6001.66`; use `{{fixedVersion}}`',
  )
  expect(message('KB_LOCALE_STALE')).toContain('kb locale-hashes --lang nl')
  expect(message('KB_LOCALE_MISSING_KEY')).toContain('`kb.status`')
})

test('facts of the rules typed into a string are errors, placeholders are not', async () => {
  const { factPatterns, findFact } = await import('../../src/render/fact-literals.ts')
  const patterns = factPatterns(model, 'nl')
  expect(findFact('Installeer update 954960 nu.', patterns)?.what).toBe('a KB or advisory number')
  expect(findFact('Update KB954960 en {{kbNumber}}', patterns)).toBeUndefined()
  expect(findFact('ID D359F493-0AAD-43FA-AF5C-6763326CD98F', patterns)?.what).toBe('an id')
  expect(findFact('Sinds 30 juni 2008', patterns)?.what).toBe('a date')
  expect(findFact('Zie http://example.com', patterns)?.what).toBe('a URL')
  expect(findFact('Open %ProgramFiles%\\Update Services', patterns)?.what).toBe('a file path')
  expect(findFact('Fout 0x8024400E', patterns)?.what).toBe('an error code')
  expect(findFact('Item has already been added', patterns)?.what).toBe('an error message or log line')
  expect(findFact('WSUS 3.0 SP1 en Windows Server 2008', patterns)).toBeUndefined()
})

// Errors only: the warnings (value labels, schema comments) are advice that `kb lint` prints.
test('the real locales pass the translation QA', async () => {
  const problems = (await lintLocales(defaultLocalesDir, model)).filter(
    (problem) =>
      problem.severity === 'error' &&
      (/\/(954960|common)\.yaml$/.test(problem.file) ||
        problem.code === 'KB_LOCALE_MISSING_LANGUAGE' ||
        problem.code === 'KB_LOCALE_MISSING_FACT_TEXT'),
  )
  expect(problems.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([])
})

test('placeholders are compared by name, whatever their format', () => {
  expect(placeholders('{{a, datetime(dateStyle: full)}} {{- b}} {{a}}')).toEqual(['a', 'b'])
})

test('a translation may add a value of its article that its source names, nothing else, and keeps every English placeholder', () => {
  const local = localValueNames(model, '954960')
  const english = 'Support: [PSS]({{supportPssUrl}}).'
  expect(
    placeholderMismatch(english, 'Ondersteuning: [PSS]({{supportPssUrl}}), {{supportPhoneNl}}.', local),
  ).toBe(undefined)
  expect(placeholderMismatch(english, 'Ondersteuning: {{supportPhoneNl}}.', local)).toContain(
    'not `{{supportPhoneNl}}`',
  )
  expect(placeholderMismatch(english, '[PSS]({{supportPssUrl}}) {{supportPhone}}', local)).toContain(
    'only values of the article',
  )
  // Shared strings belong to no article: they interpolate exactly what the English does.
  expect(
    placeholderMismatch(
      english,
      '[PSS]({{supportPssUrl}}) {{supportPhoneNl}}',
      localValueNames(model, 'common'),
    ),
  ).toBeDefined()
})

test('refreshing hashes rewrites only the _meta block', () => {
  const text = '# comment\nkb:\n  title: Titel\n\n_meta:\n  source:\n    kb.title: 00000000\n'
  const next = replaceMetaBlock(text, new Map([['kb.title', sourceHash('Title')]]))
  expect(next).toContain('# comment\nkb:\n  title: Titel\n')
  expect(next).toContain(`kb.title: ${sourceHash('Title')}`)
  expect(next).not.toContain('00000000')
  expect(flattenStrings({ kb: { title: 'x', a: { b: 'y' } }, _meta: { source: {} } })).toEqual(
    new Map([
      ['kb.title', 'x'],
      ['kb.a.b', 'y'],
    ]),
  )
})

test('kb lint --rules DIR checks the locales folder beside DIR and fails on its problems', async () => {
  const dir = await copyRules()
  await cp(fixture, path.join(dir, 'locales'), { recursive: true })
  const { status, stdout } = await kb(['lint', '--rules', path.join(dir, 'rules')])
  expect(status).toBe(1)
  for (const code of ['KB_LOCALE_FACT', 'KB_LOCALE_STALE', 'KB_LOCALE_MISSING_KEY', 'KB_LOCALE_EXTRA_KEY'])
    expect(stdout).toContain(code)
  expect(stdout).toContain(`${path.join(dir, 'locales', 'nl', '954960.yaml')}:4:10 error`)
})

test('kb locale-hashes makes a reviewed translation current', async () => {
  const dir = await copyRules()
  await cp(fixture, path.join(dir, 'locales'), { recursive: true })
  const before = await lintLocales(path.join(dir, 'locales'), model)
  expect(before.some((problem) => problem.code === 'KB_LOCALE_STALE')).toBe(true)
  const { status } = await kb(['locale-hashes', '--lang', 'nl', '--locales', path.join(dir, 'locales')])
  expect(status).toBe(0)
  const after = await lintLocales(path.join(dir, 'locales'), model)
  expect(after.filter((problem) => /STALE|HASH_MISSING/.test(problem.code))).toEqual([])
  expect(languages).toContain('nl')
})

test('an error code that is only a type (`SoapException:`) is no message to look for', async () => {
  const { factPatterns, findFact } = await import('../../src/render/fact-literals.ts')
  const fictional = await loadRules('test/fixtures/fictional/rules')
  const [article] = fictional.articles
  const errorCodes = { bare: 'SoapException:', full: 'SoapException: The brewer stopped.' }
  const model = { ...fictional, articles: [{ ...article!, article: { ...article!.article, errorCodes } }] }
  const patterns = factPatterns(model, 'en')
  expect(findFact('Restart the brewer when it asks.', patterns)).toBeUndefined()
  expect(findFact('It says the brewer stopped.', patterns)).toMatchObject({
    what: 'an error message or log line',
    text: 'the brewer stopped',
  })
})

test('a locale file that is not a mapping of keys gets one problem at its start, and a broken one only its syntax error', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-locale-shapes-'))
  await cp('test/fixtures/fictional/locales', dir, { recursive: true })
  await writeFile(path.join(dir, 'nl', 'contoso-1001.yaml'), 'title: [unclosed\n')
  await writeFile(path.join(dir, 'pl', 'contoso-1001.yaml'), '')
  await writeFile(path.join(dir, 'nb', 'contoso-1001.yaml'), '- a\n- b\n')
  const problems = await lintLocales(dir, await loadRules('test/fixtures/fictional/rules'))
  const shapes = problems
    .filter((problem) => problem.code === 'KB_LOCALE_NOT_STRING' || problem.code === 'KB_YAML_SYNTAX')
    .map((problem) => [
      path.basename(path.dirname(problem.file)),
      problem.line,
      problem.code,
      problem.message,
    ])
  expect(shapes).toEqual([
    ['nl', 2, 'KB_YAML_SYNTAX', expect.stringContaining('indented')],
    ['pl', 1, 'KB_LOCALE_NOT_STRING', 'Expected the file to map keys to strings, not an empty file'],
    ['nb', 1, 'KB_LOCALE_NOT_STRING', 'Expected the file to map keys to strings, not a list'],
  ])
  await rm(dir, { recursive: true, force: true })
})
