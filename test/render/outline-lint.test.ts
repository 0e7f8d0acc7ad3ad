import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { defaultRulesDir, loadRules } from '../../src/kb/load.ts'
import { defaultLocalesDir } from '../../src/render/i18n.ts'
import { lintLocales } from '../../src/render/locale-lint.ts'
import { kb } from './helpers.ts'

/** A copy of the project's rules and locales where `edit` changes one file (path relative to the copy). */
async function copyWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-outline-'))
  await cp(defaultRulesDir, path.join(dir, 'rules'), { recursive: true })
  await cp(defaultLocalesDir, path.join(dir, 'locales'), { recursive: true })
  const target = path.join(dir, file)
  await writeFile(target, edit(await readFile(target, 'utf8')))
  return dir
}

/** Line and column (1-based) `skip` characters into the first occurrence of `needle` in `text`. */
function position(text: string, needle: string, skip = 0): string {
  const before = text.slice(0, text.indexOf(needle) + skip).split('\n')
  return `${before.length}:${before.at(-1)!.length + 1}`
}

test('a key an outline uses that one language lacks is reported at the outline entry, with the language', async () => {
  const dir = await copyWith('locales/nl/954960.yaml', (text) => text.replace(/^ {2}cause: .*\n/m, ''))
  const problems = await lintLocales(path.join(dir, 'locales'), await loadRules(path.join(dir, 'rules')))
  const missing = problems.filter((problem) => problem.code === 'KB_OUTLINE_MISSING_KEY')
  const article = path.join(dir, 'rules/articles/954960/article.yaml')
  const text = await readFile(article, 'utf8')
  expect(missing.map((problem) => `${path.resolve(problem.file)}:${problem.line}:${problem.column}`)).toEqual(
    [`${article}:${position(text, '- text: kb.cause\n', '- text: '.length)}`],
  )
  expect(missing[0]!.message).toBe(
    'Expected the translation key `kb.cause` in `nl/954960.yaml` (the outline uses it), not none; add `kb.cause`',
  )
})

test("a language without the article's file lacks every key its outlines and rules use, each reported", async () => {
  const dir = await copyWith('locales/nb/954960.yaml', (text) => text)
  await rm(path.join(dir, 'locales/nb/954960.yaml'))
  const problems = await lintLocales(path.join(dir, 'locales'), await loadRules(path.join(dir, 'rules')))
  const missing = problems.filter((problem) => problem.code === 'KB_OUTLINE_MISSING_KEY')
  expect(problems.map((problem) => problem.code)).toContain('KB_LOCALE_MISSING_FILE')
  expect(new Set(missing.map((problem) => /in `([^`]+)`/.exec(problem.message)?.[1]))).toEqual(
    new Set(['nb/954960.yaml']),
  )
  expect(missing.map((problem) => problem.message)).toEqual(
    expect.arrayContaining([
      expect.stringContaining('`kb.cause` in `nb/954960.yaml` (the outline uses it)'),
      expect.stringMatching(
        /`verdicts\.rules\.[^`]+` in `nb\/954960\.yaml` \(a decision rule or action uses it\)/,
      ),
    ]),
  )
})

test('kb lint fails on an outline block that names a log the article lacks, at its position', async () => {
  const dir = await copyWith('rules/articles/954960/article.yaml', (text) =>
    text.replace('      - { log: client, variants:', '      - { log: clinet, variants:'),
  )
  const article = path.join(dir, 'rules/articles/954960/article.yaml')
  const result = await kb(['lint', '--rules', path.join(dir, 'rules')])
  expect(result.status).not.toBe(0)
  const text = await readFile(article, 'utf8')
  const output = result.stdout + result.stderr
  expect(output).toContain(`:${position(text, 'clinet')}`)
  expect(output).toContain('Expected a log excerpt of `logs:`, not `clinet`')
})

test('kb lint fails on a log block that chooses a variant the excerpt lacks, at its position', async () => {
  const dir = await copyWith('rules/articles/954960/article.yaml', (text) =>
    text.replace('variants: { nl: advisory-nl } }]', 'variants: { nl: advisory-nk } }]'),
  )
  const article = path.join(dir, 'rules/articles/954960/article.yaml')
  const result = await kb(['lint', '--rules', path.join(dir, 'rules')])
  expect(result.status).not.toBe(0)
  const text = await readFile(article, 'utf8')
  const output = result.stdout + result.stderr
  expect(output).toContain(`:${position(text, 'advisory-nk')}`)
  expect(output).toContain(
    'Expected a variant of `logs.client.variants`, not `advisory-nk`; did you mean `advisory-nl`?',
  )
})
