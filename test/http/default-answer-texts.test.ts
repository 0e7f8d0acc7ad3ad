// `POST /v1/check` keeps the localized text of each article's answer for the defaults and answers every later
// query that does not concern the article with it, the query's facts put in. The JSON must be exactly that of
// localizing every result anew.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { KnowledgeBaseHolder } from '../../src/http/knowledge-holder.ts'
import { localizeForApi } from '../../src/http/localize-response.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { DefaultAnswerTexts } from '../../src/render/default-answer-texts.ts'
import { createI18n, languages, loadResources } from '../../src/render/i18n.ts'
import { loadRenderResources } from '../../src/render/renderer.ts'
import { copyRules, removeCopies } from '../helpers/temp-rules.ts'
import { json, knowledgeBase, postJson, testApp } from './helpers.ts'

const queries = [
  {},
  { wsusVersion: '3.0 SP1', office2003OnClients: true },
  { serverArchitecture: 'x64' },
  { wsusVersion: '3.0', office2003OnClients: 'ja', serverArchitecture: 'x86' },
  { office2003OnClients: false },
  {},
]

describe('the answers of articles a query does not concern', () => {
  it('are the JSON of localizing each result anew, in every language and order of queries', async () => {
    const kb = await knowledgeBase()
    const app = await testApp()
    const resources = await loadResources()
    // The route takes the kept texts for the answers for the defaults: counted where it asks for them.
    const kept = vi.spyOn(DefaultAnswerTexts.prototype, 'text')
    let reused = 0
    let fresh = 0
    const asked = new Set<string>()
    for (const language of languages) {
      const i18n = await createI18n(resources, language)
      for (const query of queries) {
        const text = JSON.stringify((await json(postJson(app, `/v1/check?lang=${language}`, query))).results)
        const { results } = await kb.check(query, {
          answers: { booleans: new Map([['ja', true]]), labels: new Map() },
        })
        const defaults = results.filter((result) => kb.isDefaultAnswer(result)).length
        reused += defaults
        // A query asked again in the same language is answered from the cache of whole answers.
        const key = `${language} ${JSON.stringify(query)}`
        if (!asked.has(key)) fresh += defaults
        asked.add(key)
        expect(text).toBe(JSON.stringify(results.map((result) => localizeForApi(result, i18n, kb))))
      }
    }
    // Says something only if some answers were answers for the defaults, and the route gave them from the kept texts.
    expect(reused).toBeGreaterThan(queries.length)
    expect(kept).toHaveBeenCalledTimes(fresh)
    kept.mockRestore()
  })
})

describe('the answers of articles a query does not concern, filed across runs', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })
  afterAll(async () => {
    await removeCopies()
  })

  // A server started on the rules as a new process would start: its own knowledge base, strings and memory.
  const server = async (rules: string) =>
    createApp({
      kb: new KnowledgeBaseHolder(await loadKnowledgeBase(rules), await loadRenderResources({ rules })),
      logger: () => {},
    })

  it('are the JSON of localizing each result anew, whether the server files them or reads them', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'kb-api-texts-'))
    try {
      const rules = await copyRules()
      vi.stubEnv('KB_CACHE_DIR', 'off')
      const fresh = await server(rules)
      vi.stubEnv('KB_CACHE_DIR', cache)
      const filing = await server(rules)
      for (const language of ['en', 'nb']) {
        const expected = JSON.stringify(await json(postJson(fresh, `/v1/check?lang=${language}`, queries[1])))
        expect(JSON.stringify(await json(postJson(filing, `/v1/check?lang=${language}`, queries[1])))).toBe(
          expected,
        )
        const reading = await server(rules)
        expect(JSON.stringify(await json(postJson(reading, `/v1/check?lang=${language}`, queries[1])))).toBe(
          expected,
        )
      }
      const texts = (await readdir(cache)).filter((name) => name.startsWith('texts-'))
      expect(texts).toHaveLength(2)
      // What a later server answers comes from the files: a changed text shows (JSON inside JSON: quotes escaped).
      for (const name of texts) {
        const file = path.join(cache, name)
        const text = await readFile(file, 'utf8')
        await writeFile(file, text.replaceAll(String.raw`\"Unknown\"`, String.raw`\"Filed unknown\"`))
      }
      const { results } = (await json(postJson(await server(rules), '/v1/check', queries[1]))) as {
        results: { article: string; verdictLabel: string }[]
      }
      const filed = results.filter((result) => result.verdictLabel === 'Filed unknown')
      expect(filed.length).toBeGreaterThan(0)
      expect(filed.map((result) => result.article)).not.toContain('954960')
    } finally {
      await rm(cache, { recursive: true, force: true })
    }
  })
})
