import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { localizeForApi } from '../../src/http/localize-response.ts'
import { loadRules } from '../../src/kb/load.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { createI18n, loadResources, mergeResources } from '../../src/render/i18n.ts'
import { lintLocales } from '../../src/render/locale-lint.ts'
import { kb } from '../helpers/run-cli.ts'

const rules = 'test/fixtures/fictional/rules'
const locales = 'test/fixtures/fictional/locales'

/** A copy of the fictional article (rules and locales) whose English file `edit` changes. */
async function fictionalCopy(edit: (english: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-fact-texts-'))
  await cp('test/fixtures/fictional', dir, { recursive: true })
  const english = path.join(dir, 'locales', 'en', 'contoso-1001.yaml')
  await writeFile(english, edit(await readFile(english, 'utf8')))
  return dir
}

test('kb check --lang pl asks for the fictional article facts with the article own Polish strings', async () => {
  const { status, stdout } = await kb(['check', '--rules', rules, '--lang', 'pl'])
  expect(status).toBe(0)
  expect(stdout).toContain(
    'brewerFirmware: Która wersja oprogramowania układowego działa na podłączonym urządzeniu Brewer 9000?',
  )
  expect(stdout).toContain('Wersja oprogramowania układowego urządzenia Brewer 9000: brak informacji')
  expect(stdout).not.toContain('brewerFirmware: brewerFirmware')
  const answered = await kb(['check', '--rules', rules, '--lang', 'pl', '--fact', 'brewerConnected=false'])
  expect(answered.stdout).toContain('      Do serwera nie jest podłączone żadne urządzenie Brewer 9000')
})

test('the API describes an article fact with its label, question and value labels', async () => {
  const knowledgeBase = await loadKnowledgeBase(path.resolve(rules))
  const resources = mergeResources(await loadResources(), await loadResources(locales))
  const i18n = await createI18n(resources, 'nb')
  const report = await knowledgeBase.check({ brewerConnected: true })
  const body = localizeForApi(report.results[0]!, i18n, knowledgeBase)
  const version = body.questions.find((question) => question.fact === 'widgetServerVersion')!
  expect(version.question).toBe('Hvilken versjon av Widget Server kjører på serveren?')
  expect(version.label).toBe('Widget Server-versjon')
  expect(version.values).toContainEqual({ value: '4.2', label: 'Widget Server 4.2' })
})

test('kb lint --rules passes on the fictional article, whose facts have strings', async () => {
  const { status, stdout } = await kb(['lint', '--rules', rules])
  expect(stdout).toBe('')
  expect(status).toBe(0)
})

test('a fact without an English label is an error at the article file, naming where to add it', async () => {
  const dir = await fictionalCopy((text) => text.replace('    label: Brewer 9000 firmware version\n', ''))
  const model = await loadRules(path.join(dir, 'rules'))
  const problems = (await lintLocales(path.join(dir, 'locales'), model)).filter(
    (problem) => problem.code === 'KB_LOCALE_MISSING_FACT_TEXT',
  )
  expect(problems).toHaveLength(1)
  expect(problems[0]).toMatchObject({
    severity: 'error',
    file: path.join(dir, 'locales', 'en', 'contoso-1001.yaml'),
    line: 12,
    path: ['facts', 'brewerFirmware', 'label'],
  })
  expect(problems[0]!.message).toBe(
    'Expected an English label (the fact named in answers) for the fact `brewerFirmware`, not none; add `facts.brewerFirmware.label` to `en/contoso-1001.yaml` or `en/common.yaml`, then translate it',
  )
  const run = await kb(['lint', '--rules', path.join(dir, 'rules')])
  expect(run.status).toBe(1)
  expect(run.stdout).toContain('(KB_LOCALE_MISSING_FACT_TEXT)')
})

test('an enum value without a label is a warning; a missing question is an error', async () => {
  const dir = await fictionalCopy((text) =>
    text
      .replace('      "4.3": Widget Server 4.3\n', '')
      .replace('    question: Is a Brewer 9000 coffee machine connected to the server?\n', ''),
  )
  const problems = await lintLocales(path.join(dir, 'locales'), await loadRules(path.join(dir, 'rules')))
  const found = problems
    .filter((problem) => /FACT_TEXT|VALUE_LABEL/.test(problem.code))
    .map((problem) => `${problem.severity} ${problem.code} ${problem.path.join('.')}`)
  expect(found.sort()).toEqual([
    'error KB_LOCALE_MISSING_FACT_TEXT facts.brewerConnected.question',
    'warning KB_LOCALE_MISSING_VALUE_LABEL facts.widgetServerVersion.values.4.3',
  ])
})

test('a locale file without the schema comment gets a warning that gives the line to add', async () => {
  const dir = await fictionalCopy((text) => text.split('\n').slice(1).join('\n'))
  const problems = await lintLocales(path.join(dir, 'locales'), await loadRules(path.join(dir, 'rules')))
  const warnings = problems.filter((problem) => problem.code === 'KB_SCHEMA_COMMENT')
  expect(warnings).toHaveLength(1)
  const relative = path.relative(path.join(dir, 'locales', 'en'), path.resolve('schema/locale.schema.json'))
  expect(warnings[0]).toMatchObject({
    severity: 'warning',
    file: path.join(dir, 'locales', 'en', 'contoso-1001.yaml'),
    line: 1,
  })
  expect(warnings[0]!.message).toContain(`\`# yaml-language-server: $schema=${relative}\``)
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([])
})
