/**
 * `GET /` in process: the page of any article (the fictional fixture's too), the vocabulary and host origins it
 * hands its script, and the CORS a sandboxed frame needs.
 */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { KnowledgeBaseHolder } from '../../src/http/knowledge-holder.ts'
import { KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { loadResources, mergeResources } from '../../src/render/i18n.ts'
import { fictionalApp, fictionalDir, testApp } from './helpers.ts'

/** The JSON the page's script reads from its `application/json` block. */
async function pageStrings(response: Response) {
  const html = await response.text()
  const block = /<script type="application\/json" id="strings">([^<]*)<\/script>/.exec(html)
  expect(block, 'the strings block of the page').not.toBeNull()
  return { html, strings: JSON.parse(block![1]!) }
}

describe('GET / for any article', () => {
  it('serves the fictional article with its title, its facts in Norwegian and the article in the language form', async () => {
    const app = await fictionalApp()
    const { html, strings } = await pageStrings(await app.request('/?lang=nb&article=contoso-1001'))
    expect(strings.article).toBe('contoso-1001')
    expect(strings.articles).toEqual([
      expect.objectContaining({
        id: 'contoso-1001',
        // The fixture has no KB document strings: its id system and number name it.
        title: 'Contoso Knowledge Base 1001',
        // It declares no document: the page links none.
        documents: [],
      }),
    ])
    expect(strings.facts).toContainEqual(
      expect.objectContaining({
        fact: 'widgetServerVersion',
        question: 'Hvilken versjon av Widget Server kjører på serveren?',
        values: expect.arrayContaining([{ value: '4.2', label: 'Widget Server 4.2' }]),
      }),
    )
    expect(html).toContain('<input type="hidden" name="article" value="contoso-1001">')
    expect(html).not.toContain('954960')
  })

  it("lists each article's declared documents with their titles in the page language, and only those", async () => {
    const app = await testApp()
    const { strings } = await pageStrings(await app.request('/?lang=pl'))
    const listed = (await (await app.request('/v1/articles?lang=pl')).json()) as {
      articles: Array<{ id: string; documents: Record<string, string> }>
    }
    for (const article of strings.articles as Array<{
      id: string
      documents: Array<{ doc: string; title: string }>
    }>) {
      const declared = listed.articles.find((entry) => entry.id === article.id)
      expect(article.documents.map((entry) => entry.doc)).toEqual(Object.keys(declared?.documents ?? {}))
      for (const { title } of article.documents) expect(title).not.toMatch(/^\w+\.title$/)
    }
  })

  it('names an unknown article for the script and opens no article', async () => {
    const { strings } = await pageStrings(await (await testApp()).request('/?article=%3Cb%3E'))
    expect(strings.article).toBe('')
    expect(strings.requestedArticle).toBe('<b>')
  })

  it('hands the script the origins allowed to frame the page, which alone may message it', async () => {
    const hosts = ['https://helpdesk.example.com', 'https://*.zendesk.com']
    const { strings } = await pageStrings(await (await testApp({ frameAncestors: hosts })).request('/'))
    expect(strings.embedOrigins).toEqual(hosts)
    expect((await pageStrings(await (await testApp()).request('/'))).strings.embedOrigins).toEqual([])
  })

  it('answers CORS for a sandboxed frame (origin null) once framing is allowed, and not before', async () => {
    const framed = await testApp({ frameAncestors: ['https://helpdesk.example.com'] })
    for (const route of ['/assets/app.js', '/assets/verdict.js', '/v1/articles']) {
      const response = await framed.request(route, { headers: { origin: 'null' } })
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe('null')
    }
    const preflight = await framed.request('/v1/check', {
      method: 'OPTIONS',
      headers: {
        origin: 'null',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe('null')
    const closed = await (await testApp()).request('/assets/app.js', { headers: { origin: 'null' } })
    expect(closed.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('serves each script module of the page and nothing else under /assets/', async () => {
    const app = await testApp()
    const main = await (await app.request('/assets/app.js')).text()
    const imported = [...main.matchAll(/from '\.\/([\w-]+\.js)'/g)].map((match) => match[1]!)
    expect(imported.length).toBeGreaterThan(2)
    for (const name of imported) {
      const response = await app.request(`/assets/${name}`)
      expect(response.status, name).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    }
    expect((await app.request('/assets/index.html.template')).status).toBe(404)
  })

  it('lists the articles as the knowledge base is now: the same between reloads, renamed after one', async () => {
    const kb = await loadKnowledgeBase(`${fictionalDir}/rules`)
    const resources = mergeResources(await loadResources(), await loadResources(`${fictionalDir}/locales`))
    const holder = new KnowledgeBaseHolder(kb, resources)
    const app = createApp({ kb: holder, logger: () => {} })
    const titles = async () =>
      (await pageStrings(await app.request('/?lang=en'))).strings.articles.map(
        (article: { title: string }) => article.title,
      )
    const before = await titles()
    expect(before).toEqual(['Contoso Knowledge Base 1001'])
    expect(await titles()).toEqual(before)
    // A reload in which the article has another number: a page without documents names it by its number.
    const [article] = kb.model.articles
    const renumbered = {
      ...kb.model,
      articles: [
        { ...article!, article: { ...article!.article, kb: { ...article!.article.kb!, number: '1002' } } },
      ],
    }
    holder.swap(new KnowledgeBase(renumbered), resources)
    expect(await titles()).toEqual(['Contoso Knowledge Base 1002'])
  })
})
