// CSAF for any article: a fictional one whose fix is a configuration step and that has no advisory exports
// and validates; when the rules cannot decide a product, the export names article, product and facts.
import { cp } from 'node:fs/promises'
import path from 'node:path'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCsaf } from '../../src/export/csaf-document.ts'
import { CsafExportError } from '../../src/export/csaf-export-error.ts'
import { createApp } from '../../src/http/app.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { loadResources, mergeResources } from '../../src/render/i18n.ts'
import { kb as runKb } from '../helpers/run-cli.ts'
import { copyRules, patchFile, removeCopies } from '../helpers/temp-rules.ts'

const fixture = path.resolve('test/fixtures/config-fix')
const article = 'contoso-3001'
let resources: Awaited<ReturnType<typeof loadResources>>
let undecidedRules: string

beforeAll(async () => {
  resources = mergeResources(await loadResources(), await loadResources(path.join(fixture, 'locales')))
  // The same article whose rule for fast sync turned off names Relay 6: Relay 5 with it off is then undecided.
  undecidedRules = await copyRules(path.join(fixture, 'rules'))
  await cp(path.join(fixture, 'locales'), path.join(undecidedRules, '..', 'locales'), { recursive: true })
  await patchFile(
    undecidedRules,
    `articles/${article}/verdicts.yaml`,
    '        - { fact: relayVersion, operator: equal, value: "5" }\n        - { fact: fastSyncEnabled, operator: equal, value: false }',
    '        - { fact: relayVersion, operator: equal, value: "6" }\n        - { fact: fastSyncEnabled, operator: equal, value: false }',
  )
})
afterAll(removeCopies)

describe('CSAF of an article whose fix is a configuration step, without an advisory', () => {
  it('derives each product status from the verdicts over the configuration, and validates strict', async () => {
    const knowledge = await loadKnowledgeBase(path.join(fixture, 'rules'))
    const document = await buildCsaf(knowledge, { article, lang: 'en', resources })
    const [vulnerability] = document.vulnerabilities
    expect(vulnerability!.product_status).toEqual({
      known_affected: ['relay-5'],
      known_not_affected: ['relay-6'],
    })
    expect(vulnerability!.remediations).toEqual([
      expect.objectContaining({
        category: 'vendor_fix',
        details: 'In the Relay console, open Settings, Sync, and turn off Fast sync. No update is needed.',
        product_ids: ['relay-5'],
      }),
    ])
    expect(document.document.title).toBe('Contoso Relay 5 drops messages while fast sync is on')
    const results = (await validateStrict([csaf_2_0_strict, ...Object.values(mandatory)], document)).tests
    expect(
      results.flatMap((result) => result.errors.map((error) => `${result.name} ${error.message}`)),
    ).toEqual([])
  })
})

describe('a product the rules cannot decide', () => {
  it('is an error naming the article, the product and the facts', async () => {
    const knowledge = await loadKnowledgeBase(undecidedRules)
    const error = await buildCsaf(knowledge, { article, lang: 'en', resources }).catch((caught) => caught)
    expect(error).toBeInstanceOf(CsafExportError)
    expect(error.message).toContain(`rules of article \`${article}\` to decide product \`relay-5\``)
    expect(error.message).toContain('`fastSyncEnabled`')
    expect(error.undecided).toEqual({
      article,
      product: 'relay-5',
      facts: { relayVersion: '5' },
      missingFacts: ['fastSyncEnabled'],
    })
  })

  it('exits 2 in the CLI with that message', async () => {
    const result = await runKb(['export', 'csaf', article, '--rules', undecidedRules, '--lang', 'en'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('product `relay-5`')
  })

  it('answers problem+json 422 over HTTP, never 500', async () => {
    const app = createApp({ kb: await loadKnowledgeBase(undecidedRules), resources, logger: () => {} })
    const response = await app.request(`/v1/articles/${article}/csaf?lang=en`)
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    const problem = (await response.json()) as { code: string; detail: string }
    expect(problem.code).toBe('KB_HTTP_CSAF_UNAVAILABLE')
    expect(problem.detail).toContain('product `relay-5`')
    const good = createApp({
      kb: await loadKnowledgeBase(path.join(fixture, 'rules')),
      resources,
      logger: () => {},
    })
    expect((await good.request(`/v1/articles/${article}/csaf?lang=en`)).status).toBe(200)
  })
})
