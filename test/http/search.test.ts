/** `GET /v1/search`, `kb search` and the triage of `POST /v1/diagnose` over the real knowledge base. */
import { describe, expect, it } from 'vitest'
import { kb } from '../helpers/run-cli.ts'
import { json, localeString, seedClientLog, testApp } from './helpers.ts'

const app = await testApp()

/** A sentence of the Dutch symptoms text without placeholders, as an agent would paste it. */
function dutchSymptomSentence(): string {
  const sentences = localeString('nl', '954960', 'kb.symptoms.intro').split(/(?<=\.)\s+/)
  const plain = sentences.find((sentence) => !sentence.includes('{{') && sentence.split(' ').length >= 6)
  if (!plain) throw new Error('Expected a Dutch symptom sentence without placeholders')
  return plain
}

describe('GET /v1/search', () => {
  it('puts the article with the error code first, the code among the matched words', async () => {
    const response = await app.request('/v1/search?q=0x8024400E')
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body).toMatchObject({ query: '0x8024400E', lang: 'en' })
    expect(body.results[0]).toMatchObject({ article: '954960', matched: ['0x8024400E'] })
    expect(body.results[0].snippet).toContain('0x8024400E')
    expect(body.results[0].score).toBeGreaterThan(body.results.at(-1).score - 1)
  })

  it('finds the article by its number with or without the KB prefix', async () => {
    for (const q of ['954960', 'KB954960']) {
      const body = await json(await app.request(`/v1/search?q=${q}`))
      expect(body.results[0]?.article).toBe('954960')
    }
  })

  it('finds a Dutch symptom sentence in Dutch, with or without ?lang=nl', async () => {
    const sentence = dutchSymptomSentence()
    for (const path of [
      `/v1/search?q=${encodeURIComponent(sentence)}`,
      `/v1/search?lang=nl&q=${encodeURIComponent(sentence)}`,
    ]) {
      const body = await json(await app.request(path))
      expect(body.results[0]).toMatchObject({ article: '954960', lang: 'nl', document: 'kb' })
      expect(body.results[0].link).toBe('/v1/articles/954960/kb?lang=nl&format=html')
    }
  })

  it('answers in the language asked for, only with hits in it, and stops at the limit', async () => {
    const response = await app.request('/v1/search?q=WSUS&limit=3', { headers: { 'Accept-Language': 'pl' } })
    const body = await json(response)
    expect(response.headers.get('content-language')).toBe('pl')
    expect(body.lang).toBe('pl')
    expect(body.results).toHaveLength(3)
    const only = await json(await app.request('/v1/search?q=WSUS&lang=nb'))
    expect(only.results.every((hit: { lang: string }) => hit.lang === 'nb')).toBe(true)
  })

  it('rejects a missing query, a bad limit and an unknown language with problems', async () => {
    expect((await json(await app.request('/v1/search'))).code).toBe('KB_HTTP_INVALID_PARAMETER')
    expect((await json(await app.request('/v1/search?q=%20'))).code).toBe('KB_HTTP_INVALID_PARAMETER')
    const limit = await app.request('/v1/search?q=wsus&limit=0')
    expect(limit.status).toBe(400)
    expect((await json(limit)).parameter).toBe('limit')
    expect((await app.request('/v1/search?q=wsus&lang=de')).status).toBe(404)
  })

  it('gives an empty list when nothing matches', async () => {
    expect((await json(await app.request('/v1/search?q=zyxwvutsrq'))).results).toEqual([])
  })
})

describe('POST /v1/diagnose without an article', () => {
  it('ranks the articles whose symptom the log shows', async () => {
    const response = await app.request('/v1/diagnose?kind=client', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: seedClientLog(),
    })
    const body = await json(response)
    expect(body.ranking[0]).toMatchObject({ article: '954960', level: 'confirmed' })
    expect(body.evidence.map((entry: { article: string }) => entry.article)).toEqual(
      body.results.map((entry: { article: string }) => entry.article),
    )
  })

  it('ranks nothing for a log without the symptom', async () => {
    const response = await app.request('/v1/diagnose?kind=client', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '2008-06-13\t10:00:00:000\t788\tee4\tAgent\tNothing to see here\r\n',
    })
    expect((await json(response)).ranking).toEqual([])
  })
})

describe('kb search', () => {
  it('prints the article of an error code first, and JSON with --json', async () => {
    const text = await kb(['search', '0x8024400E', '--limit', '2'])
    expect(text.status).toBe(0)
    expect(text.stdout.split('\n')[0]).toMatch(/^954960 {2}en {2}/)
    const { stdout } = await kb(['search', '--json', '--lang', 'nl', dutchSymptomSentence()])
    const body = JSON.parse(stdout)
    expect(body.results[0]).toMatchObject({ article: '954960', lang: 'nl' })
  })

  it('exits 1 with a message when nothing matches, 2 on a bad language', async () => {
    const none = await kb(['search', 'zyxwvutsrq'])
    expect(none.status).toBe(1)
    expect(none.stderr).toContain('nothing matches `zyxwvutsrq`')
    expect((await kb(['search', '--lang', 'de', 'wsus'])).status).toBe(2)
  })
})
