/**
 * Issue 11's acceptance: a throwaway article written into a copy of the knowledge base as data only, with
 * every optional part absent (no advisory, fix, workaround, component, excerpts), a configuration step as its
 * fix, a new version fact compared with a named threshold and a log of a new kind. Lint, check, batch,
 * diagnose, render (every declared document × 4 languages × 3 formats), CSAF (strict + mandatory) and every
 * HTTP route run on it: no raw key, no 500, no code change.
 */
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCsaf } from '../../src/export/csaf-document.ts'
import { createApp } from '../../src/http/app.ts'
import { defaultLocalesDir, defaultRulesDir } from '../../src/kb/paths.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { languages, loadResources } from '../../src/render/i18n.ts'
import { Renderer } from '../../src/render/renderer.ts'
import { kb as runKb } from '../helpers/run-cli.ts'

const id = 'throwaway-1'
let dir: string
let rules: string
let kb: KnowledgeBase

const sentences: Record<string, Record<string, string>> = {
  en: {
    title: 'Gadget sync stops',
    symptoms: 'The sync log shows GADGET-E42.',
    cause: 'The sync limit is too low.',
    fix: 'Raise the limit to {{minimumBuild}} or later.',
    old: 'The build is older than {{minimumBuild}}.',
    ok: 'The build is {{minimumBuild}} or later.',
    label: 'Gadget build',
    question: 'Which Gadget build runs?',
    step: 'Set the limit in gadget.ini.',
  },
  nl: {
    title: 'Gadget-synchronisatie stopt',
    symptoms: 'Het synchronisatielogboek toont GADGET-E42.',
    cause: 'De synchronisatielimiet is te laag.',
    fix: 'Verhoog de limiet naar {{minimumBuild}} of later.',
    old: 'De build is ouder dan {{minimumBuild}}.',
    ok: 'De build is {{minimumBuild}} of later.',
    label: 'Gadget-build',
    question: 'Welke Gadget-build draait er?',
    step: 'Stel de limiet in gadget.ini in.',
  },
  pl: {
    title: 'Synchronizacja Gadget zatrzymuje się',
    symptoms: 'Dziennik synchronizacji pokazuje GADGET-E42.',
    cause: 'Limit synchronizacji jest za niski.',
    fix: 'Zwiększ limit do {{minimumBuild}} lub nowszego.',
    old: 'Kompilacja jest starsza niż {{minimumBuild}}.',
    ok: 'Kompilacja to {{minimumBuild}} lub nowsza.',
    label: 'Kompilacja Gadget',
    question: 'Która kompilacja Gadget działa?',
    step: 'Ustaw limit w pliku gadget.ini.',
  },
  nb: {
    title: 'Gadget-synkronisering stopper',
    symptoms: 'Synkroniseringsloggen viser GADGET-E42.',
    cause: 'Synkroniseringsgrensen er for lav.',
    fix: 'Øk grensen til {{minimumBuild}} eller nyere.',
    old: 'Builden er eldre enn {{minimumBuild}}.',
    ok: 'Builden er {{minimumBuild}} eller nyere.',
    label: 'Gadget-build',
    question: 'Hvilken Gadget-build kjører?',
    step: 'Angi grensen i gadget.ini.',
  },
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-throwaway-'))
  rules = path.join(dir, 'rules')
  await cp(defaultRulesDir, rules, { recursive: true })
  await cp(defaultLocalesDir, path.join(dir, 'locales'), { recursive: true })
  await appendFile(path.join(rules, 'facts.yaml'), '  - name: gadgetBuild\n    type: version\n')
  await appendFile(
    path.join(rules, 'logs.yaml'),
    '  - id: gadgetsync\n    file: GadgetSync.log\n    path: C:\\Gadget\\GadgetSync.log\n',
  )
  const folder = path.join(rules, 'articles', id)
  await mkdir(folder)
  await writeFile(
    path.join(folder, 'article.yaml'),
    `kind: article
id: ${id}
values:
  minimumBuild: 10.0.14393
products:
  appliesTo: [windows-server-2016]
  affected: [windows-server-2016]
procedures:
  - id: raise-limit
    products: [windows-server-2016]
    steps:
      - id: set-limit
sources:
  - title: Gadget sync notes
    url: https://gadget.example/notes/42
    date: 2031-02-03
    supports: [the GADGET-E42 log line, the build threshold, the limit setting]
documents:
  kb:
    title: [kb.title]
    outline:
      - { heading: kb.title, depth: 1 }
      - heading: common:kb.symptoms
      - text: kb.symptoms
      - heading: common:kb.cause
      - text: kb.cause
      - heading: common:kb.resolution
      - { procedure: raise-limit, ordered: true }
`,
  )
  await writeFile(
    path.join(folder, 'verdicts.yaml'),
    `kind: verdicts
article: ${id}
rules:
  - id: in-logs
    verdict: affected
    when: { fact: gadgetSyncSymptom, operator: equal, value: confirmed }
  - id: old-build
    verdict: affected
    when: { fact: gadgetBuild, operator: versionLessThan, valueRef: minimumBuild }
  - id: new-build
    verdict: fixed
    when: { fact: gadgetBuild, operator: versionGreaterThanInclusive, valueRef: minimumBuild }
actions:
  - id: raise
    verdicts: [affected]
    step: raise-limit
`,
  )
  await writeFile(
    path.join(folder, 'signatures.yaml'),
    `kind: signatures
article: ${id}
symptoms:
  - id: gadget-e42
    log: gadgetsync
    fact: gadgetSyncSymptom
    description: The sync stops at its limit.
    window: 5
    lines:
      - id: error
        pattern: 'GADGET-E42: sync limit reached'
        distinctive: true
`,
  )
  for (const lang of languages) {
    const t = sentences[lang]!
    const evidence = `  gadgetSyncSymptom:\n    label: "${t.label}: GADGET-E42"\n    question: "${t.question} GADGET-E42?"\n    values: { confirmed: "${t.symptoms}", partial: "${t.symptoms}", none: "${t.cause}" }\n    is: { confirmed: "${t.symptoms}", partial: "${t.symptoms}", none: "${t.cause}" }\n`
    await writeFile(
      path.join(dir, 'locales', lang, `${id}.yaml`),
      `facts:\n  gadgetBuild:\n    label: "${t.label}"\n    question: "${t.question}"\n${evidence}verdicts:\n  rules:\n    in-logs: "${t.symptoms}"\n    old-build: "${t.old}"\n    new-build: "${t.ok}"\n  actions:\n    raise: "${t.fix}"\nprocedures:\n  raise-limit:\n    steps:\n      set-limit: "${t.step}"\nkb:\n  title: "${t.title}"\n  symptoms: "${t.symptoms}"\n  cause: "${t.cause}"\n`,
    )
  }
  for (const lang of ['nl', 'pl', 'nb']) {
    const hashes = await runKb([
      'locale',
      'hashes',
      '--lang',
      lang,
      '--ns',
      id,
      '--locales',
      path.join(dir, 'locales'),
    ])
    expect(hashes.status, hashes.stderr).toBe(0)
  }
  kb = await loadKnowledgeBase(rules)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a throwaway article, data only', () => {
  it('lints clean', async () => {
    const lint = await runKb(['lint', '--rules', rules])
    expect(lint.stdout + lint.stderr).toContain('kb: 0 errors,')
    expect(lint.status).toBe(0)
  })

  it('answers check and batch with its named threshold', async () => {
    const { results } = await kb.check({ gadgetBuild: '10.0.14392' }, { article: id })
    expect(results[0]).toMatchObject({ verdict: 'affected' })
    expect(results[0]!.actions.map((action) => action.id)).toEqual(['raise'])
    const batchFile = path.join(dir, 'fleet.ndjson')
    await writeFile(batchFile, '{"gadgetBuild":"10.0.14393"}\n{"gadgetBuild":"9.0"}\n')
    const batch = await runKb(['check', '--batch', batchFile, '--article', id, '--rules', rules])
    expect(batch.status, batch.stderr).toBe(0)
    expect(
      batch.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).results[0].verdict),
    ).toEqual(['fixed', 'affected'])
  })

  it('diagnoses a log of its new kind, for itself alone', async () => {
    const log = path.join(dir, 'GadgetSync.log')
    await writeFile(log, '2031-01-01 10:00:00 GADGET-E42: sync limit reached\n')
    const run = await runKb(['diagnose', '--log', `gadgetsync=${log}`, '--rules', rules, '--json'])
    expect(run.status, run.stderr).toBe(0)
    const { evidence, results } = JSON.parse(run.stdout)
    expect(evidence.map((report: { article: string }) => report.article)).toEqual([id])
    expect(results[0]).toMatchObject({ article: id, verdict: 'affected' })
  })

  it('renders its declared document in every language and format, and no other', async () => {
    const renderer = await Renderer.load({ rules })
    expect(renderer.documentsOf(id)).toEqual(['kb'])
    for (const lang of languages)
      for (const format of ['md', 'html', 'text'] as const) {
        const text = await renderer.render({ article: id, doc: 'kb', lang, format })
        expect(text).toContain(sentences[lang]!.title)
        expect(text).not.toMatch(/\{\{|kb\.(title|symptoms|cause)|undefined/)
      }
  })

  it('exports CSAF that passes the strict schema and every mandatory test, in every language', async () => {
    const resources = await loadResources(path.join(dir, 'locales'))
    for (const lang of languages) {
      const document = await buildCsaf(kb, { article: id, lang, resources })
      const { tests } = await validateStrict([csaf_2_0_strict, ...Object.values(mandatory)], document)
      expect(
        tests.flatMap((test) => test.errors.map((error) => `${lang} ${test.name} ${error.message}`)),
      ).toEqual([])
      expect(JSON.stringify(document)).not.toMatch(/\{\{ *[A-Za-z]/)
    }
  })

  it('answers every HTTP route without a 500', async () => {
    const app = await createApp({
      kb,
      resources: await loadResources(path.join(dir, 'locales')),
      logger: () => {},
    })
    const post = (url: string, body: unknown) =>
      app.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const statuses = await Promise.all([
      app.request('/'),
      app.request(`/?article=${id}`),
      app.request('/healthz'),
      app.request('/openapi.json'),
      app.request('/v1/articles'),
      app.request(`/v1/articles/${id}`),
      app.request(`/v1/articles/${id}/kb?lang=pl`),
      app.request(`/v1/articles/${id}/kb?lang=nb&format=html`),
      app.request(`/v1/articles/${id}/advisory`),
      app.request(`/v1/articles/${id}/csaf?lang=nl`),
      app.request('/v1/facts?lang=nl'),
      app.request('/v1/feed?lang=pl'),
      app.request('/v1/search?q=GADGET-E42'),
      app.request('/v1/diagnose/log-kinds'),
      post(`/v1/check?article=${id}`, { gadgetBuild: '9.0' }),
      post(`/v1/check?article=${id}&format=text`, { gadgetBuild: '9.0' }),
      post('/v1/diagnose', { logs: { gadgetsync: 'GADGET-E42: sync limit reached' } }),
    ])
    expect(
      statuses.map((response, index) => [index, response.status]).filter(([, status]) => status! >= 500),
    ).toEqual([])
    // The article declares no advisory: that document is a 404, not an error.
    expect(statuses[8]!.status).toBe(404)
    expect(statuses[9]!.status).toBe(200)
    expect(statuses[14]!.status).toBe(200)
  })
})
