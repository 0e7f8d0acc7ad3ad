/** `kb new`: a scaffold that lints clean and renders in every language, written all or nothing. */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultLocalesDir, defaultRulesDir } from '../../src/kb/paths.ts'
import { kb } from '../helpers/run-cli.ts'

let dir: string
let rules: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-new-'))
  rules = path.join(dir, 'rules')
  // The fictional knowledge base: the scaffold must not depend on the real articles.
  await cp('test/fixtures/fictional/rules', rules, { recursive: true })
  await cp('test/fixtures/fictional/locales', path.join(dir, 'locales'), { recursive: true })
  await cp(path.join(defaultLocalesDir, 'en', 'common.yaml'), path.join(dir, 'locales', 'en', 'common.yaml'))
  for (const lang of ['nl', 'pl', 'nb'])
    await cp(
      path.join(defaultLocalesDir, lang, 'common.yaml'),
      path.join(dir, 'locales', lang, 'common.yaml'),
    )
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('kb new', () => {
  it('scaffolds an article that kb check answers and that renders in every language', async () => {
    const created = await kb(['new', 'contoso-3001', '--rules', rules])
    expect(created.status, created.stderr).toBe(0)
    expect(created.stdout.trim().split('\n')).toHaveLength(6)
    const check = await kb([
      'check',
      '--json',
      '--rules',
      rules,
      '--article',
      'contoso-3001',
      '--fact',
      'brewerFirmware=0.9',
    ])
    expect(check.status, check.stderr).toBe(0)
    expect(JSON.parse(check.stdout).results[0]).toMatchObject({
      article: 'contoso-3001',
      verdict: 'affected',
    })
    for (const lang of ['en', 'nl', 'pl', 'nb']) {
      const render = await kb(['render', 'contoso-3001', '--doc', 'kb', '--lang', lang, '--rules', rules])
      expect(render.status, render.stderr).toBe(0)
      expect(render.stdout).not.toMatch(/\{\{|kb\.title/)
    }
  })

  it('leaves a knowledge base lint-clean', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'kb-new-real-'))
    await cp(defaultRulesDir, path.join(copy, 'rules'), { recursive: true })
    await cp(defaultLocalesDir, path.join(copy, 'locales'), { recursive: true })
    const rulesCopy = path.join(copy, 'rules')
    expect((await kb(['new', 'contoso-3001', '--rules', rulesCopy])).status).toBe(0)
    const lint = await kb(['lint', '--rules', rulesCopy])
    expect(lint.stdout + lint.stderr).toContain('kb: 0 errors, 0 warnings')
    expect(lint.status).toBe(0)
    await rm(copy, { recursive: true, force: true })
  })

  it('refuses an id that exists or is invalid and an unknown product, writing nothing', async () => {
    const before = await readdir(path.join(rules, 'articles'))
    for (const args of [['contoso-1001'], ['no spaces'], ['contoso-4001', '--product', 'nope']]) {
      const run = await kb(['new', ...args, '--rules', rules])
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/^kb: Expected /)
    }
    expect(await readdir(path.join(rules, 'articles'))).toEqual(before)
  })
})
