import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n, type Language, loadResources } from '../../src/render/i18n.ts'
import { pluralCategories, translationSources } from '../../src/render/plural-keys.ts'
import { kb } from './helpers.ts'

const counts = [1, 2, 5, 22]

describe('counts in text use each language plural forms', () => {
  const expected: Record<Language, string[]> = {
    en: [
      '1 more block not listed',
      '2 more blocks not listed',
      '5 more blocks not listed',
      '22 more blocks not listed',
    ],
    nl: [
      '1 blok niet vermeld',
      '2 blokken niet vermeld',
      '5 blokken niet vermeld',
      '22 blokken niet vermeld',
    ],
    pl: [
      '1 niewymieniony blok',
      '2 niewymienione bloki',
      '5 niewymienionych bloków',
      '22 niewymienione bloki',
    ],
    nb: [
      '1 blokk er ikke oppført',
      '2 blokker er ikke oppført',
      '5 blokker er ikke oppført',
      '22 blokker er ikke oppført',
    ],
  }
  for (const [language, texts] of Object.entries(expected) as Array<[Language, string[]]>)
    it(`${language}: 1, 2, 5 and 22 blocks`, async () => {
      const i18n = await createI18n(await loadResources(undefined, ['en', language]), language)
      expect(counts.map((count) => i18n.t('diagnose.omittedBlocks', { ns: 'common', count }))).toEqual(texts)
    })

  it('pl: records agree with the number (one, few, many)', async () => {
    const i18n = await createI18n(await loadResources(undefined, ['en', 'pl']), 'pl')
    expect(
      counts.map((count) => i18n.t('diagnose.truncatedRecords', { ns: 'common', count }).split(',')[0]),
    ).toEqual(['1 zbyt długi wpis', '2 zbyt długie wpisy', '5 zbyt długich wpisów', '22 zbyt długie wpisy'])
  })
})

describe('plural keys', () => {
  it('expand an English group into the categories of the language', () => {
    const english = new Map([
      ['title', 'Title'],
      ['lines_one', '{{count}} line'],
      ['lines_other', '{{count}} lines'],
    ])
    expect(pluralCategories('pl')).toEqual(['one', 'few', 'many', 'other'])
    expect([...translationSources(english, 'pl')]).toEqual([
      ['title', 'Title'],
      ['lines_one', '{{count}} line'],
      ['lines_few', '{{count}} lines'],
      ['lines_many', '{{count}} lines'],
      ['lines_other', '{{count}} lines'],
    ])
    expect([...translationSources(english, 'nb').keys()]).toEqual(['title', 'lines_one', 'lines_other'])
  })

  it('kb lint wants the plural forms of each language, no more and no fewer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-plurals-'))
    await cp('test/fixtures/fictional', dir, { recursive: true })
    const add = async (language: string, lines: string) => {
      const file = path.join(dir, 'locales', language, 'contoso-1001.yaml')
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace(/^verdicts:\n/m, `counts:\n${lines}verdicts:\n`),
      )
    }
    await add('en', '  lines_one: "{{count}} line"\n  lines_other: "{{count}} lines"\n')
    await add(
      'pl',
      '  lines_one: "{{count}} wiersz"\n  lines_few: "{{count}} wiersze"\n  lines_other: "{{count}} wiersza"\n',
    )
    await add(
      'nl',
      '  lines_one: "{{count}} regel"\n  lines_few: "{{count}} regels"\n  lines_other: "{{count}} regels"\n',
    )
    await add('nb', '  lines_one: "{{count}} linje"\n  lines_other: "{{count}} linjer"\n')
    for (const language of ['pl', 'nl', 'nb'])
      expect(
        (await kb(['locale', 'hashes', '--lang', language, '--locales', path.join(dir, 'locales')])).status,
      ).toBe(0)
    const problems = (await kb(['lint', '--rules', path.join(dir, 'rules'), '--json'])).stdout
    const found = (JSON.parse(problems) as Array<{ code: string; file: string; path: string[] }>).map(
      (problem) => `${problem.code} ${path.basename(path.dirname(problem.file))} ${problem.path.join('.')}`,
    )
    expect(found).toEqual([
      'KB_LOCALE_EXTRA_KEY nl counts.lines_few',
      'KB_LOCALE_MISSING_KEY pl counts.lines_many',
    ])
    const xliff = (await kb(['locale', 'export', '--lang', 'pl', '--locales', path.join(dir, 'locales')]))
      .stdout
    expect(xliff).toMatch(
      /<trans-unit id="counts\.lines_many"[^>]*>\s*<source>\{\{count\}\} lines<\/source>\s*<target state="new"><\/target>\s*<note>Plural form &quot;many&quot; of pl: for 0, 5, 6, 7, …/,
    )
  })
})
