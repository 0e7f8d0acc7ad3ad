/** `GET /v1/facts`, `GET /v1/articles/{id}` and the Atom feed `GET /v1/feed`. */
import { describe, expect, it } from 'vitest'
import { articleRevisions } from '../../src/render/article-revisions.ts'
import { json, knowledgeBase, localeString, testApp } from './helpers.ts'

const app = await testApp()

describe('GET /v1/facts', () => {
  it('lists every fact of the vocabulary with its question, label and values in the language asked for', async () => {
    const response = await app.request('/v1/facts?lang=pl')
    expect(response.headers.get('content-language')).toBe('pl')
    const body = await json(response)
    const names = (await knowledgeBase()).model.facts.map((fact) => fact.name)
    expect(body.facts.map((fact: { fact: string }) => fact.fact)).toEqual(names)
    const boolean = body.facts.find((fact: { type: string }) => fact.type === 'boolean')
    expect(boolean.values).toEqual([
      { value: true, label: localeString('pl', 'common', 'value.true') },
      { value: false, label: localeString('pl', 'common', 'value.false') },
    ])
    expect(boolean.question).toBe(localeString('pl', 'common', `facts.${boolean.fact}.question`))
  })
})

describe('GET /v1/articles/{id}', () => {
  it('gives the title, the languages, links to every document and format, and the revisions', async () => {
    const body = await json(app.request('/v1/articles/954960?lang=nb'))
    expect(body).toMatchObject({ id: '954960', language: 'nb', languages: ['en', 'nl', 'pl', 'nb'] })
    expect(body.title).toBe(localeString('nb', '954960', 'kb.title'))
    expect(body.documents.map((document: { kind: string }) => document.kind)).toEqual(['kb', 'advisory'])
    expect(body.documents[1].links.html).toBe('/v1/articles/954960/advisory?lang=nb&format=html')
    expect((await app.request(body.documents[1].links.html)).status).toBe(200)
    expect(body.metadata.kb.number).toBe('954960')
    expect(body.revisions[0].date >= body.revisions.at(-1).date).toBe(true)
  })

  it('answers 404 for an unknown article', async () => {
    expect((await json(app.request('/v1/articles/nope'))).code).toBe('KB_HTTP_UNKNOWN_ARTICLE')
  })
})

describe('GET /v1/feed', () => {
  it('is an Atom 1.0 feed with one complete entry per revision, newest first, in the language asked for', async () => {
    const response = await app.request('http://kb.example/v1/feed?lang=nl')
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const feed = await response.text()
    expect(feed).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="nl">/,
    )
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="http://kb.example/v1/feed?lang=nl"/>',
    )
    expect(feed).toContain(`<title>${localeString('nl', 'common', 'feed.title')}</title>`)
    const head = feed.slice(0, feed.indexOf('<entry>'))
    for (const element of ['id', 'title', 'updated', 'author']) expect(head).toContain(`<${element}>`)
    const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((match) => match[1]!)
    const models = (await knowledgeBase()).model.articles
    const revisions = models.flatMap((model) => articleRevisions(model.article, ['kb', 'advisory']))
    expect(entries).toHaveLength(revisions.length)
    const updated = entries.map((entry) => /<updated>(.*)<\/updated>/.exec(entry)![1]!)
    expect(updated).toEqual([...updated].sort().reverse())
    for (const entry of entries) {
      expect(entry).toMatch(/<id>urn:kb-advisor:[^<]+<\/id>/)
      expect(entry).toMatch(/<updated>\d{4}-\d{2}-\d{2}T00:00:00Z<\/updated>/)
      expect(entry).toMatch(/<title>[^<]+<\/title>/)
      expect(entry).toMatch(
        /<link rel="alternate" type="text\/html" href="http:\/\/kb.example\/v1\/articles\/[^"]+lang=nl&amp;format=html"\/>/,
      )
      expect(entry).toMatch(/<summary>[^<{]+<\/summary>/)
    }
    expect(new Set(entries.map((entry) => /<id>(.*)<\/id>/.exec(entry)![1])).size).toBe(entries.length)
  })
})

describe('articleRevisions', () => {
  it('takes a revision list where there is one and date fields elsewhere, skipping absent fields and other groups', () => {
    expect(
      articleRevisions(
        {
          kb: { number: '1', lastReview: '2020-01-02', revision: '3.0' },
          advisory: { updated: '2021-01-01', revisions: [{ id: 'first', date: '2019-05-05' }] },
          fix: { released: '2022-01-01' },
        },
        ['kb', 'advisory', 'guide'],
      ),
    ).toEqual([
      { document: 'kb', id: 'lastReview', date: '2020-01-02' },
      { document: 'advisory', id: 'first', date: '2019-05-05' },
    ])
  })
})
