/** Problem details in the request's language, with Content-Language. */
import { describe, expect, it } from 'vitest'
import { json, localeString, postJson, testApp } from './helpers.ts'

const app = await testApp()

describe('problem details', () => {
  it.each(['nl', 'pl', 'nb'])(
    'say an invalid fact in %s, naming the fact and the accepted values',
    async (lang) => {
      const response = await postJson(app, `/v1/check?lang=${lang}`, { wsusVersion: '3.1' })
      expect(response.status).toBe(422)
      expect(response.headers.get('content-language')).toBe(lang)
      const problem = await json(response)
      expect(problem.title).toBe(localeString(lang, 'common', 'problems.KB_HTTP_INVALID_FACTS.title'))
      expect(problem.detail).toContain('`wsusVersion`')
      expect(problem.detail).toContain('3.0 SP1')
      expect(problem.detail).not.toMatch(/^Expected/)
      expect(problem.code).toBe('KB_HTTP_INVALID_FACTS')
    },
  )

  it('follow Accept-Language, also when the asked ?lang= is itself the problem', async () => {
    const response = await app.request('/v1/articles?lang=de', { headers: { 'Accept-Language': 'pl' } })
    expect(response.headers.get('content-language')).toBe('pl')
    const problem = await json(response)
    expect(problem.title).toBe(localeString('pl', 'common', 'problems.KB_HTTP_UNKNOWN_LANGUAGE.title'))
    expect(problem.detail).toContain('`de`')
  })

  it('keep the English detail where the answer lacks what the sentence needs, with a localized title', async () => {
    const response = await app.request('/v1/check?lang=nb', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    })
    const problem = await json(response)
    expect(problem.title).toBe(localeString('nb', 'common', 'problems.KB_HTTP_UNSUPPORTED_MEDIA_TYPE.title'))
    expect(problem.detail).toMatch(/^Expected a body of type application\/json/)
  })

  it('stay as the code wrote them in English', async () => {
    const response = await app.request('/v1/articles/nope')
    expect(response.headers.get('content-language')).toBe('en')
    expect((await json(response)).detail).toMatch(/^Expected an article of the knowledge base \(/)
  })
})
