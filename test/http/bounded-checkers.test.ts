/**
 * A server that keeps few articles compiled (`maxCompiledArticles`) answers exactly as one that keeps them
 * all: every `POST /v1/check` body byte for byte, over a fixture knowledge base of more articles than the
 * bound (copies of the fictional article, each with its own fixed firmware version) and many queries.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LazyCheckers } from '../../src/engine/lazy-checkers.ts'
import { createApp } from '../../src/http/app.ts'
import { localizeForApi } from '../../src/http/localize-response.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { createI18n, loadResources, mergeResources } from '../../src/render/i18n.ts'
import { fictionalDir } from './helpers.ts'

const copies = 9
const bound = 2
let dir: string
let bounded: KnowledgeBase
let unbounded: KnowledgeBase
let apps: { bounded: ReturnType<typeof createApp>; unbounded: ReturnType<typeof createApp> }

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-bounded-'))
  const rules = path.join(dir, 'rules')
  cpSync(`${fictionalDir}/rules`, rules, {
    recursive: true,
    filter: (from) => !from.includes('contoso-1001'),
  })
  const article = `${fictionalDir}/rules/articles/contoso-1001`
  for (let copy = 0; copy < copies; copy++) {
    // contoso-1001 … contoso-1009, fixed in firmware 9.0.2 … 9.0.10: the copies answer differently.
    const number = String(1001 + copy)
    const rewrite = (text: string) =>
      text
        .replaceAll('1001', number)
        .replace('fixedVersion: 9.0.2', `fixedVersion: 9.0.${2 + copy}`)
        .replace('unfixedVersion: 9.0.1', `unfixedVersion: 9.0.${1 + copy}`)
    mkdirSync(path.join(rules, 'articles', `contoso-${number}`), { recursive: true })
    for (const file of readdirSync(article))
      writeFileSync(
        path.join(rules, 'articles', `contoso-${number}`, file),
        rewrite(readFileSync(path.join(article, file), 'utf8')),
      )
    for (const language of readdirSync(`${fictionalDir}/locales`)) {
      mkdirSync(path.join(dir, 'locales', language), { recursive: true })
      writeFileSync(
        path.join(dir, 'locales', language, `contoso-${number}.yaml`),
        readFileSync(`${fictionalDir}/locales/${language}/contoso-1001.yaml`, 'utf8'),
      )
    }
  }
  const resources = mergeResources(await loadResources(), await loadResources(path.join(dir, 'locales')))
  bounded = await loadKnowledgeBase(rules, { maxCompiledArticles: bound })
  unbounded = await loadKnowledgeBase(rules, { maxCompiledArticles: Number.POSITIVE_INFINITY })
  apps = {
    bounded: createApp({ kb: bounded, resources, logger: () => {} }),
    unbounded: createApp({ kb: unbounded, resources, logger: () => {} }),
  }
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// Every combination of the fictional facts, absent included: each copy's rules decide them differently.
const queries = ['4.1', '4.2', '4.3', undefined].flatMap((widgetServerVersion) =>
  [true, false, undefined].flatMap((brewerConnected) =>
    ['9.0.1', '9.0.5', '9.0.12', undefined].map((brewerFirmware) =>
      Object.fromEntries(
        Object.entries({ widgetServerVersion, brewerConnected, brewerFirmware }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
    ),
  ),
)

async function post(app: ReturnType<typeof createApp>, facts: object, query = '') {
  const response = await app.request(`/v1/check${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(facts),
  })
  return { status: response.status, body: await response.text() }
}

describe('a server with a bound on compiled articles', () => {
  it('answers every query byte for byte as a server that keeps every article compiled', async () => {
    const verdicts = new Set<string>()
    for (const facts of queries) {
      for (const query of ['', '?lang=nl', '?article=contoso-1005']) {
        const answer = await post(apps.bounded, facts, query)
        expect(answer).toEqual(await post(apps.unbounded, facts, query))
        expect(answer.status).toBe(200)
        for (const result of JSON.parse(answer.body).results)
          verdicts.add(`${result.article} ${result.verdict}`)
      }
      expect((bounded.checkers as LazyCheckers).compiledCount).toBeLessThanOrEqual(bound)
    }
    // The queries reached every copy and every verdict: the copies' answers differ, so a checker answering
    // for another article would show.
    expect(new Set([...verdicts].map((entry) => entry.split(' ')[1]))).toEqual(
      new Set(['affected', 'fixed', 'not_affected', 'unknown']),
    )
    expect(verdicts).toContain('contoso-1009 affected')
    expect(verdicts).toContain('contoso-1001 fixed')
    expect((unbounded.checkers as LazyCheckers).compiledCount).toBe(copies)
  })

  it('gives the JSON of the localized report, each result serialized as it comes', async () => {
    const facts = { widgetServerVersion: '4.2', brewerConnected: true, brewerFirmware: '9.0.5' }
    const { body } = await post(apps.bounded, facts, '?lang=pl')
    const resources = mergeResources(await loadResources(), await loadResources(path.join(dir, 'locales')))
    const i18n = await createI18n(resources, 'pl')
    const report = await unbounded.check(facts)
    expect(body).toBe(
      JSON.stringify({
        language: 'pl',
        results: report.results.map((result) => localizeForApi(result, i18n, unbounded)),
        warnings: report.warnings,
      }),
    )
  })

  it('checkEach validates at once and then gives the results of check one at a time', async () => {
    expect(() => bounded.checkEach({ widgetServerVersion: '5.0' })).toThrow(/widgetServerVersion/)
    const facts = { widgetServerVersion: '4.2', brewerConnected: true, brewerFirmware: '9.0.5' }
    const { results, warnings } = bounded.checkEach({ ...facts, unheardOf: 1 })
    const each = []
    for await (const result of results) each.push(result)
    expect(each.map((result) => result.verdict)).toEqual([
      ...Array(4).fill('fixed'),
      ...Array(copies - 4).fill('affected'),
    ])
    expect({ results: each, warnings }).toEqual(await unbounded.check({ ...facts, unheardOf: 1 }))
  })
})
