// An article with every optional part absent: no KB article, advisory, fix, workaround, component, logs,
// error codes, procedures, known issues or references; only products and a named threshold.
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { articleValues } from '../../src/render/article-values.ts'
import { loadResources, mergeResources } from '../../src/render/i18n.ts'
import { Renderer } from '../../src/render/renderer.ts'
import { kb } from '../helpers/run-cli.ts'

const rules = 'test/fixtures/minimal/rules'
const locales = 'test/fixtures/minimal/locales'

test('kb lint --rules passes on the minimal article, rules and strings', async () => {
  const { status, stdout } = await kb(['lint', '--rules', rules])
  expect(stdout).toBe('')
  expect(status).toBe(0)
})

test('kb check compares with the named threshold and says so in the reader language', async () => {
  const old = await kb(['check', '--rules', rules, '--lang', 'nl', '--fact', 'hubBuild=10.0.10240'])
  expect(old.stdout).toContain('Builds van Gadget Hub ouder dan 10.0.14393 verbreken de verbinding.')
  const fixed = await kb(['check', '--rules', rules, '--fact', 'hubBuild=10.0.17763', '--json'])
  const result = JSON.parse(fixed.stdout).results[0]
  expect(result.verdict).toBe('fixed')
  expect(result.reasons[0].message).toBe('Build 10.0.14393 and later keep the connection.')
  for (const output of [old.stdout, fixed.stdout]) expect(output).not.toContain('undefined')
})

test('the values a text may interpolate are only those the article has', async () => {
  const knowledgeBase = await loadKnowledgeBase(path.resolve(rules))
  const values = articleValues(knowledgeBase.model.articles[0]!.article, knowledgeBase.model.products)
  expect(values.threshold).toBe('10.0.14393')
  expect(values).not.toHaveProperty('kbNumber')
  expect(values).not.toHaveProperty('fixedVersion')
  for (const value of Object.values(values)) expect(value).toBeDefined()
})

test('an article without documents renders none, and asking for one says what to declare', async () => {
  const renderer = await Renderer.load({ rules: path.resolve(rules) })
  expect(renderer.documentsOf('contoso-2001')).toEqual([])
  await expect(
    renderer.render({ article: 'contoso-2001', doc: 'kb', lang: 'en', format: 'md' }),
  ).rejects.toThrow(
    'Expected a document that article `contoso-2001` has (none), not `kb`; declare `documents.kb` in its article.yaml to publish it',
  )
  const out = await mkdtemp(path.join(tmpdir(), 'kb-minimal-render-'))
  const all = await kb(['render', '--rules', rules, '--all', '--out', out])
  expect(all.status).toBe(0)
  expect(await readdir(out)).toEqual([])
})

test('the API lists the article without documents and answers 404 for one it lacks, never 500', async () => {
  const resources = mergeResources(await loadResources(), await loadResources(locales))
  const app = createApp({ kb: await loadKnowledgeBase(path.resolve(rules)), resources, logger: () => {} })
  const list = await app.request('/v1/articles?lang=en')
  expect(list.status).toBe(200)
  const body = (await list.json()) as { articles: unknown[] }
  expect(body.articles).toEqual([{ id: 'contoso-2001', documents: {} }])
  const document = await app.request('/v1/articles/contoso-2001/kb?lang=en')
  expect(document.status).toBe(404)
  expect(document.headers.get('content-type')).toContain('application/problem+json')
  expect(((await document.json()) as { detail: string }).detail).toContain('declares no `kb:`')
})
