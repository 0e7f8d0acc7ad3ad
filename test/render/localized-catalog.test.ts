import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { createI18n, defaultLocalesDir, loadResources } from '../../src/render/i18n.ts'
import { lintLocales } from '../../src/render/locale-lint.ts'
import { localizeCheckResult } from '../../src/render/localize-check.ts'
import { Renderer } from '../../src/render/renderer.ts'
import { kb as runKb } from '../helpers/run-cli.ts'
import { localeString } from '../http/helpers.ts'

/** A copy of the project's locales whose Polish common.yaml gets `products:` entries before `_meta:`. */
async function polishCatalog(entries: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-catalog-'))
  await cp(defaultLocalesDir, dir, { recursive: true })
  const file = path.join(dir, 'pl', 'common.yaml')
  const text = await readFile(file, 'utf8')
  await writeFile(
    file,
    text.replace(/^products:\n(?: {2}.*\n)*/m, '').replace('\n_meta:', `\n${entries}_meta:`),
  )
  return dir
}

test('a Polish catalog name overrides the English one in the Polish documents only', async () => {
  const locales = await polishCatalog('products:\n  wsus30:\n    shortName: WSUS 3.0 (wersja RTM)\n')
  const renderer = await Renderer.load({ locales })
  const polish = await renderer.render({ article: '954960', doc: 'kb', lang: 'pl', format: 'text' })
  const english = await renderer.render({ article: '954960', doc: 'kb', lang: 'en', format: 'text' })
  expect(polish).toContain('WSUS 3.0 (wersja RTM)')
  expect(english).not.toContain('(wersja RTM)')
  expect(english).toContain('WSUS 3.0')
})

test('the Polish documents name service packs as seed 001 does, in running text and headings', async () => {
  const renderer = await Renderer.load()
  for (const doc of ['kb', 'advisory'] as const) {
    const polish = await renderer.render({ article: '954960', doc, lang: 'pl', format: 'text' })
    expect(polish).toContain('Windows Server Update Services 3.0 z dodatkiem Service Pack 1')
    expect(polish).not.toMatch(/WSUS 3\.0 SP1(?!\))/)
  }
  const kb = await renderer.render({ article: '954960', doc: 'kb', lang: 'pl', format: 'text' })
  expect(kb).toContain(
    'Aby rozwiązać ten problem na serwerze z uruchomionym programem WSUS 3.0 z dodatkiem SP1',
  )
})

test('kb lint reports a catalog label that names no product or no field, at its key', async () => {
  const locales = await polishCatalog(
    'products:\n  wsus31:\n    shortName: WSUS 3.1\n  wsus30:\n    nickname: x\n',
  )
  const problems = (await lintLocales(locales, await loadRules())).filter(
    (problem) => problem.code === 'KB_LOCALE_EXTRA_KEY',
  )
  expect(problems.map((problem) => problem.path.join('.'))).toEqual([
    'products.wsus31.shortName',
    'products.wsus30.nickname',
  ])
  expect(problems[0]!.message).toContain('to name a catalog product')
  expect(problems[0]!.message).toContain('not `wsus31`')
  expect(problems[1]!.message).toContain('not `nickname`')
})

test("a check answer names products in the reader's language: the override in Polish, the catalog in English", async () => {
  const resources = await loadResources(
    await polishCatalog('products:\n  wsus30:\n    shortName: WSUS 3.0 (wersja RTM)\n'),
  )
  const kb = await loadKnowledgeBase()
  const { results } = await kb.check({ wsusVersion: '3.0', office2003OnClients: true }, { article: '954960' })
  const sentences = async (lang: 'en' | 'pl') => {
    const localized = localizeCheckResult(results[0]!, await createI18n(resources, lang), kb)
    return [...localized.reasons, ...localized.actions].map((entry) => entry.message).join('\n')
  }
  expect(await sentences('pl')).toContain('WSUS 3.0 (wersja RTM)')
  expect(await sentences('en')).not.toContain('(wersja RTM)')
  expect(await sentences('en')).toContain('WSUS 3.0')
})

test('kb check and kb diagnose print the Polish catalog names with --lang pl', async () => {
  const polish = localeString('pl', 'common', 'products.wsus30Sp1.shortName')
  const english = 'WSUS 3.0 SP1'
  expect(polish).not.toBe(english)
  const facts = ['--fact', 'wsusVersion=3.0 SP1', '--fact', 'office2003OnClients=true']
  const check = await runKb(['check', '--lang', 'pl', '--article', '954960', ...facts])
  expect(check.status, check.stderr).toBe(0)
  expect(check.stdout).toContain(polish)
  expect(check.stdout).not.toContain(english)
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-catalog-facts-'))
  await writeFile(path.join(dir, 'facts.json'), JSON.stringify({ wsusVersion: '3.0 SP1' }))
  const log = path.join(dir, 'empty.log')
  await writeFile(log, 'nothing to see\n')
  const diagnose = await runKb([
    'diagnose',
    '--lang',
    'pl',
    '--log',
    `windowsupdate=${log}`,
    '--facts',
    path.join(dir, 'facts.json'),
  ])
  expect(diagnose.status, diagnose.stderr).toBe(0)
  expect(diagnose.stdout).toContain(polish)
  expect(diagnose.stdout).not.toContain(english)
})
