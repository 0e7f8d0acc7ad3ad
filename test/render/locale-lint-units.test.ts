// The units of the translation QA keep what they read: a file removed or edited after the folder was listed,
// while the rules were being checked, gives what a lint that started after the change gives, never a crash.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import { parseYamlSource } from '../../src/kb/yaml-source.ts'
import { localeLayout } from '../../src/render/locale-layout.ts'
import { lintLocales } from '../../src/render/locale-lint.ts'
import { finishLocales } from '../../src/render/locale-lint-finish.ts'
import { lintUnit } from '../../src/render/locale-lint-units.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-lint-units-'))
  await cp('test/fixtures/fictional', dir, { recursive: true })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function lintInUnits(locales: string, change: () => Promise<void>, changeAfterUnits = false) {
  const model = await loadRules(path.join(dir, 'rules'))
  const layout = await localeLayout(locales)
  if (!changeAfterUnits) await change()
  const units = layout.namespaces.map((namespace) => lintUnit(locales, model, layout, namespace, new Map()))
  if (changeAfterUnits) await change()
  return finishLocales(locales, model, layout, units)
}

test('a translation removed after the folder was listed is missing, as for a lint started after', async () => {
  const locales = path.join(dir, 'locales')
  const problems = await lintInUnits(locales, () => unlink(path.join(locales, 'pl', 'contoso-1001.yaml')))
  expect(problems.map((problem) => problem.code)).toContain('KB_LOCALE_MISSING_FILE')
  expect(problems).toEqual(await lintLocales(locales, await loadRules(path.join(dir, 'rules'))))
})

test('positions in an English file come from the text the unit read, not from the file as it is later', async () => {
  const locales = path.join(dir, 'locales')
  const english = path.join(locales, 'en', 'contoso-1001.yaml')
  const text = await readFile(english, 'utf8')
  // A fact without its label: the problem points into this file.
  await writeFile(english, text.replace('    label: Brewer 9000 connected\n', ''))
  const before = await lintLocales(locales, await loadRules(path.join(dir, 'rules')))
  expect(before.map((problem) => problem.code)).toContain('KB_LOCALE_MISSING_FACT_TEXT')
  const after = await lintInUnits(
    locales,
    async () => writeFile(english, `# one\n# two\n# three\n${await readFile(english, 'utf8')}`),
    true,
  )
  expect(after).toEqual(before)
})

test('positions in an English file that starts with a byte order mark count it, as the file reads', async () => {
  const locales = path.join(dir, 'locales')
  const english = path.join(locales, 'en', 'contoso-1001.yaml')
  const text = await readFile(english, 'utf8')
  // The facts on the first line, one without its label: the problem is placed after the mark.
  const facts =
    'facts: {widgetServerVersion: {label: Version, question: Which?}, brewerConnected: {question: Is it?}}'
  await writeFile(english, `\uFEFF${facts}\n${text.replace(/^facts:\n(?: {2}.*\n)*/m, '')}`)
  const problems = await lintLocales(locales, await loadRules(path.join(dir, 'rules')))
  const placed = problems.filter(
    (problem) =>
      problem.code === 'KB_LOCALE_MISSING_FACT_TEXT' && problem.file.endsWith('en/contoso-1001.yaml'),
  )
  expect(placed.map((problem) => problem.path)).toContainEqual(['facts', 'brewerConnected', 'label'])
  const source = parseYamlSource(english, await readFile(english, 'utf8'))
  for (const problem of placed) {
    expect(problem.line).toBe(1)
    expect({ line: problem.line, column: problem.column }).toEqual(source.locate(problem.path))
  }
})
