// `POST /v1/check` keeps the localized text of each article's answer for the defaults and answers every later
// query that does not concern the article with it, the query's facts put in. The JSON must be exactly that of
// localizing every result anew.
import { describe, expect, it, vi } from 'vitest'
import type { CheckResult } from '../../src/engine/check-result.ts'
import { DefaultAnswerTexts } from '../../src/http/default-answer-texts.ts'
import { localizeForApi } from '../../src/http/localize-response.ts'
import { createI18n, languages, loadResources } from '../../src/render/i18n.ts'
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

describe('DefaultAnswerTexts', () => {
  const result = (facts: CheckResult['facts']) =>
    ({ article: 'a', verdict: 'unknown', facts, reasons: [] }) as unknown as CheckResult
  const localize = (answer: CheckResult) => ({ ...answer, message: `verdict ${answer.verdict}` })

  it('localizes an article once per language, and puts in each answer its own facts', () => {
    const texts = new DefaultAnswerTexts()
    let calls = 0
    const counted = (answer: CheckResult) => {
      calls++
      return localize(answer)
    }
    const factSets: CheckResult['facts'][] = [{ site: 'lab' }, { site: 'hq', legacyMode: true }, {}]
    for (const facts of factSets) {
      expect(texts.text(result(facts), 'nl', counted)).toBe(JSON.stringify(localize(result(facts))))
    }
    expect(calls).toBe(1)
    texts.text(result({}), 'pl', counted)
    expect(calls).toBe(2)
  })

  it('localizes every time when the facts show up elsewhere in the text', () => {
    const texts = new DefaultAnswerTexts()
    const twice = (answer: CheckResult) => ({ ...answer, copy: answer.facts })
    for (const facts of [{ site: 'lab' }, { site: 'hq' }])
      expect(texts.text(result(facts), 'en', twice)).toBe(JSON.stringify(twice(result(facts))))
  })
})
