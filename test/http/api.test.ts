/** The HTTP API in process (`app.request`): every route, every error, language negotiation, headers. */
import type { Resource } from 'i18next'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { KnowledgeBaseHolder } from '../../src/http/knowledge-holder.ts'
import type { RequestLogLine } from '../../src/http/request-log.ts'
import { loadResources } from '../../src/render/i18n.ts'
import {
  json,
  knowledgeBase,
  localeString,
  postJson,
  seedClientLog,
  seedServerLog,
  testApp,
} from './helpers.ts'

const sp1Unpatched = {
  wsusVersion: '3.0 SP1',
  office2003OnClients: true,
  webServicesClientDllVersion: '3.1.6001.65',
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
  const body = await json(response)
  expect(body.type).toBe(`urn:kb-advisor:problem:${body.code}`)
  expect(body.status).toBe(response.status)
  expect(typeof body.title).toBe('string')
  expect(body.detail).toMatch(/^Expected /)
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+/)
  return body
}

describe('GET /healthz and /openapi.json', () => {
  it('reports health with the number of articles', async () => {
    const response = await (await testApp()).request('/healthz')
    expect(response.status).toBe(200)
    expect(await json(response)).toMatchObject({
      status: 'ok',
      articles: (await knowledgeBase()).articleIds.length,
    })
  })

  it('describes every route in OpenAPI 3.1, with the problem schema', async () => {
    const document = await json(await (await testApp()).request('/openapi.json'))
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/v1/articles',
        '/v1/articles/{id}/{doc}',
        '/v1/check',
        '/v1/diagnose',
      ]),
    )
    expect(document.components.schemas.Problem.properties.code.enum).toContain('KB_HTTP_INVALID_FACTS')
    expect(Object.keys(document.paths['/v1/diagnose'].post.requestBody.content)).toEqual([
      'text/plain',
      'multipart/form-data',
      'application/json',
    ])
    expect(document.paths['/v1/diagnose/log-kinds'].get).toBeDefined()
  })
})

describe('GET /v1/articles and /v1/articles/{id}/{doc}', () => {
  it('lists the articles with titles in the negotiated language', async () => {
    const app = await testApp()
    const english = await json(app.request('/v1/articles'))
    const dutch = await json(await app.request('/v1/articles', { headers: { 'accept-language': 'nl-BE' } }))
    expect(english.articles.map((article: { id: string }) => article.id)).toEqual(
      (await knowledgeBase()).articleIds,
    )
    type Listed = { id: string; title: string; documents: { kb: string } }
    const find = (list: { articles: Listed[] }) => list.articles.find((article) => article.id === '954960')!
    expect(find(english).title).toBe(localeString('en', '954960', 'kb.title'))
    expect(dutch.language).toBe('nl')
    expect(find(dutch).title).toBe(localeString('nl', '954960', 'kb.title'))
    expect(find(dutch).documents.kb).toBe('/v1/articles/954960/kb?lang=nl')
  })

  it.each([
    ['md', 'text/markdown; charset=utf-8', /^# /],
    ['html', 'text/html; charset=utf-8', /<html lang="pl">/],
    ['text', 'text/plain; charset=utf-8', /^\S.*\n=+\n/],
    ['json', 'application/json; charset=utf-8', /^\{"type":"root"/],
  ])('renders the KB article in Polish as %s', async (format, type, shape) => {
    const response = await (await testApp()).request(`/v1/articles/954960/kb?lang=pl&format=${format}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('content-language')).toBe('pl')
    const text = await response.text()
    expect(text).toMatch(shape)
    expect(text).toContain(localeString('pl', '954960', 'kb.title'))
  })

  it('renders the advisory, Markdown by default', async () => {
    const response = await (await testApp()).request('/v1/articles/954960/advisory?lang=nb')
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(await response.text()).toMatch(/^# .*954960/)
  })

  it.each([
    ['/v1/articles/123/kb', 404, 'KB_HTTP_UNKNOWN_ARTICLE'],
    ['/v1/articles/954960/faq', 404, 'KB_HTTP_NOT_FOUND'],
    ['/v1/articles/954960/kb?format=pdf', 400, 'KB_HTTP_INVALID_PARAMETER'],
    ['/v1/articles/954960/kb?lang=de', 404, 'KB_HTTP_UNKNOWN_LANGUAGE'],
    ['/v1/articles?lang=xx', 404, 'KB_HTTP_UNKNOWN_LANGUAGE'],
    ['/v2/nothing', 404, 'KB_HTTP_NOT_FOUND'],
  ])('answers %s with %i %s', async (path, status, code) => {
    const response = await (await testApp()).request(path)
    expect(response.status).toBe(status)
    expect((await problemOf(response)).code).toBe(code)
  })

  it('names the parameter, the accepted values and what came instead', async () => {
    const problem = await problemOf(await (await testApp()).request('/v1/articles/954960/kb?format=pdf'))
    expect(problem).toMatchObject({
      detail: 'Expected `format` to be one of `md`, `html`, `text`, `json`, not `pdf`',
      parameter: 'format',
    })
  })
})

describe('POST /v1/check', () => {
  it('answers with the verdict, machine codes and localized sentences', async () => {
    const response = await postJson(await testApp(), '/v1/check?lang=nl&article=954960', sp1Unpatched)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-language')).toBe('nl')
    const body = await json(response)
    const [result] = body.results
    expect(result.verdict).toBe('affected')
    expect(result.verdictLabel).toBe(localeString('nl', 'common', 'verdict.affected'))
    expect(result.reasons[0]).toMatchObject({ rule: 'wsus-3-sp1-unpatched', status: 'decided' })
    expect(result.reasons[0].messageKey).toBe('verdicts.rules.wsus-3-sp1-unpatched')
    expect(result.reasons[0].message.length).toBeGreaterThan(0)
    expect(result.actions.some((action: { message: string }) => action.message.includes('KB954960'))).toBe(
      true,
    )
    expect(body.warnings).toEqual([])
  })

  it('describes each missing fact: localized question, type and accepted values with labels', async () => {
    const body = await json(postJson(await testApp(), '/v1/check?lang=nb&article=954960', {}))
    const [result] = body.results
    expect(result.verdict).toBe('unknown')
    expect(result.questions.map((question: { fact: string }) => question.fact)).toEqual(result.missingFacts)
    const byFact = Object.fromEntries(
      result.questions.map((question: { fact: string }) => [question.fact, question]),
    )
    expect(byFact.office2003OnClients).toMatchObject({
      type: 'boolean',
      question: localeString('nb', 'common', 'facts.office2003OnClients.question'),
      values: [
        { value: true, label: localeString('nb', 'common', 'value.true') },
        { value: false, label: localeString('nb', 'common', 'value.false') },
      ],
    })
    expect(byFact.wsusVersion.type).toBe('enum')
    expect(byFact.wsusVersion.values.map((option: { value: string }) => option.value)).toEqual([
      '2.0',
      '3.0',
      '3.0 SP1',
      '3.0 SP2',
    ])
    expect(byFact.product.values).toContainEqual({
      value: 'sbs2003',
      label: localeString('nb', 'common', 'facts.product.values.sbs2003'),
    })
    expect(byFact.webServicesClientDllVersion).toMatchObject({
      type: 'version',
      examples: ['3.1.6001.65', '3.1.6001.66'],
    })
  })

  it('returns unknown fact names as warnings, with the closest name', async () => {
    const body = await json(postJson(await testApp(), '/v1/check', { wsusVersoin: '3.0' }))
    expect(body.warnings[0]).toMatchObject({
      code: 'FACT_UNKNOWN',
      fact: 'wsusVersoin',
      suggestion: 'wsusVersion',
    })
  })

  it('checks one article with ?article=', async () => {
    const app = await testApp()
    expect((await json(postJson(app, '/v1/check?article=954960', {}))).results).toHaveLength(1)
    const response = await postJson(app, '/v1/check?article=999', {})
    expect(response.status).toBe(404)
    expect((await problemOf(response)).code).toBe('KB_HTTP_UNKNOWN_ARTICLE')
  })

  it('refuses malformed JSON with 400', async () => {
    const response = await postJson(await testApp(), '/v1/check', '{"wsusVersion": ')
    expect(response.status).toBe(400)
    expect((await problemOf(response)).code).toBe('KB_HTTP_MALFORMED_JSON')
  })

  it('refuses an invalid fact with 422, naming the fact and its accepted values', async () => {
    const response = await postJson(await testApp(), '/v1/check', {
      wsusVersion: '3.1',
      office2003OnClients: true,
    })
    expect(response.status).toBe(422)
    const problem = await problemOf(response)
    expect(problem).toMatchObject({ code: 'KB_HTTP_INVALID_FACTS', fact: 'wsusVersion' })
    expect(problem.detail).toContain('`wsusVersion`')
    expect(problem.problems[0].expected).toEqual(['2.0', '3.0', '3.0 SP1', '3.0 SP2'])
  })

  it.each([['[1, 2]'], ['"3.0"'], ['null']])(
    'refuses the JSON value %s (not an object) with 422',
    async (body) => {
      const response = await postJson(await testApp(), '/v1/check', body)
      expect(response.status).toBe(422)
      expect((await problemOf(response)).code).toBe('KB_HTTP_INVALID_FACTS')
    },
  )

  it('keeps a __proto__ key as a plain unknown fact', async () => {
    const body = await json(
      await postJson(await testApp(), '/v1/check', '{"__proto__": {"wsusVersion": "3.0"}}'),
    )
    expect(body.results.every((result: { facts: object }) => !('wsusVersion' in result.facts))).toBe(true)
    expect(body.warnings[0]).toMatchObject({ code: 'FACT_UNKNOWN', fact: '__proto__' })
  })

  it('refuses another content type with 415', async () => {
    const app = await testApp()
    for (const headers of [{ 'content-type': 'text/plain' }, {}] as Array<Record<string, string>>) {
      const response = await app.request('/v1/check', { method: 'POST', headers, body: '{}' })
      expect(response.status).toBe(415)
      expect((await problemOf(response)).code).toBe('KB_HTTP_UNSUPPORTED_MEDIA_TYPE')
    }
  })

  it('refuses a body over the limit with 413, by its declared length or while streaming', async () => {
    const app = await testApp({ bodyLimit: { json: 100 } })
    const declared = await postJson(app, '/v1/check', { note: 'x'.repeat(200) })
    expect(declared.status).toBe(413)
    expect(await problemOf(declared)).toMatchObject({ code: 'KB_HTTP_BODY_TOO_LARGE', limit: 100 })

    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new TextEncoder().encode(`{"a${pulled}": "${'x'.repeat(40)}",`))
      },
    })
    const streamed = await app.request('/v1/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    // Reading stopped at the limit: an endless body was not buffered.
    expect(pulled).toBeLessThan(10)
  })
})

describe('POST /v1/diagnose', () => {
  const text = (app: { request: typeof fetch }, path: string, body: string) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'text/plain' }, body })

  it('finds the symptom in a client log sent as text/plain and answers affected', async () => {
    const response = await text(
      (await testApp()) as never,
      '/v1/diagnose?kind=client&lang=pl&article=954960',
      seedClientLog(),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-language')).toBe('pl')
    const body = await json(response)
    expect(body.evidence[0].facts).toEqual({ clientSymptom: 'confirmed' })
    expect(body.evidence[0].logs.windowsupdate.files[0].faultIds).toEqual([
      'c0a7445f-b989-43fa-ac20-11f8ca65fa8c',
    ])
    expect(body.results[0].verdict).toBe('affected')
    expect(body.results[0].reasons[0].rule).toBe('symptom-observed')
    expect(body.results[0].verdictLabel).toBe(localeString('pl', 'common', 'verdict.affected'))
  })

  it('correlates client and server logs sent as multipart files, with facts', async () => {
    const form = new FormData()
    form.append('client', new Blob([seedClientLog()]), 'WindowsUpdate.log')
    form.append('server', new Blob([seedServerLog()]), 'SoftwareDistribution.log')
    form.append('facts', JSON.stringify({ wsusVersion: '3.0 SP1', serverArchitecture: 'x64' }))
    const response = await (await testApp()).request('/v1/diagnose?article=954960', {
      method: 'POST',
      body: form,
    })
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body.evidence[0].facts).toEqual({
      clientSymptom: 'confirmed',
      serverSymptom: 'confirmed',
      symptomIdsCorrelated: true,
    })
    expect(body.evidence[0].logs.windowsupdate.files[0].name).toBe('WindowsUpdate.log')
    expect(body.evidence[0].logs.softwaredistribution.files[0].name).toBe('SoftwareDistribution.log')
    expect(body.results[0].facts).toMatchObject({ wsusVersion: '3.0 SP1', serverArchitecture: 'x64' })
    expect(body.results[0].verdict).toBe('affected')
  })

  it('takes a one-line text field as log text, never as a file path', async () => {
    const form = new FormData()
    form.append('client', '/etc/passwd')
    const body = await json(await (await testApp()).request('/v1/diagnose', { method: 'POST', body: form }))
    expect(body.evidence[0].logs.windowsupdate.files[0]).toMatchObject({ name: 'client[0]', level: 'none' })
    expect(body.evidence[0].logs.windowsupdate.files[0].problem).toBeUndefined()
  })

  it('takes logs named by kind: a text/plain kind, multipart fields and a JSON body', async () => {
    const app = await testApp()
    const plain = await json(await text(app as never, '/v1/diagnose?kind=windowsupdate', seedClientLog()))
    expect(plain.evidence[0].facts).toEqual({ clientSymptom: 'confirmed' })
    const form = new FormData()
    form.append('softwaredistribution', seedServerLog())
    const multipart = await json(await app.request('/v1/diagnose', { method: 'POST', body: form }))
    expect(multipart.evidence[0].facts).toEqual({ serverSymptom: 'confirmed' })
    const response = await app.request('/v1/diagnose?lang=nl', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        logs: { windowsupdate: [seedClientLog()], softwaredistribution: seedServerLog() },
        facts: { wsusVersion: '3.0 SP1' },
      }),
    })
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body.evidence[0].facts).toEqual({
      clientSymptom: 'confirmed',
      serverSymptom: 'confirmed',
      symptomIdsCorrelated: true,
    })
    expect(body.evidence[0].logs.windowsupdate.files[0].name).toBe('windowsupdate[0]')
    expect(body.results[0].facts).toMatchObject({ wsusVersion: '3.0 SP1' })
  })

  it('refuses an unknown log field, and a log of a kind no article reads', async () => {
    const app = await testApp()
    const form = new FormData()
    form.append('windowsupdates', seedClientLog())
    const unknown = await app.request('/v1/diagnose', { method: 'POST', body: form })
    expect(unknown.status).toBe(400)
    const problem = await problemOf(unknown)
    expect(problem).toMatchObject({ code: 'KB_HTTP_INVALID_PARAMETER', parameter: 'windowsupdates' })
    expect(problem.detail).toContain('did you mean `windowsupdate`?')
    const unread = await text(app as never, '/v1/diagnose?kind=cbs', seedClientLog())
    expect(unread.status).toBe(400)
    expect(await problemOf(unread)).toMatchObject({ code: 'KB_HTTP_MISSING_LOG' })
  })

  it('lists the log kinds with labels in the negotiated language and the articles that read them', async () => {
    const body = await json(await (await testApp()).request('/v1/diagnose/log-kinds?lang=nl'))
    const windowsupdate = body.kinds.find((kind: { id: string }) => kind.id === 'windowsupdate')
    expect(windowsupdate).toMatchObject({
      label: localeString('nl', 'common', 'logKinds.windowsupdate'),
      file: 'WindowsUpdate.log',
      shortcut: 'client',
    })
    // Which articles read a kind follows their signatures, whatever other articles there are.
    expect(windowsupdate.articles).toContain('954960')
    const cbs = body.kinds.find((kind: { id: string }) => kind.id === 'cbs')
    expect(cbs.articles).not.toContain('954960')
  })

  it.each([
    [
      'text/plain without kind',
      () => ({ path: '/v1/diagnose', type: 'text/plain', body: seedClientLog() }),
      400,
      'KB_HTTP_INVALID_PARAMETER',
    ],
    [
      'an unknown kind',
      () => ({ path: '/v1/diagnose?kind=proxy', type: 'text/plain', body: 'x' }),
      400,
      'KB_HTTP_INVALID_PARAMETER',
    ],
    [
      'XML',
      () => ({ path: '/v1/diagnose', type: 'application/xml', body: '<log/>' }),
      415,
      'KB_HTTP_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'JSON without a log',
      () => ({ path: '/v1/diagnose', type: 'application/json', body: '{"facts": {}}' }),
      400,
      'KB_HTTP_MISSING_LOG',
    ],
    [
      'an unknown article',
      () => ({ path: '/v1/diagnose?kind=client&article=1', type: 'text/plain', body: 'x' }),
      404,
      'KB_HTTP_UNKNOWN_ARTICLE',
    ],
  ])('refuses %s', async (_, request, status, code) => {
    const { path, type, body } = request()
    const response = await (await testApp()).request(path, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    })
    expect(response.status).toBe(status)
    expect((await problemOf(response)).code).toBe(code)
  })

  it.each([
    ['no log', { facts: '{}' }, 400, 'KB_HTTP_MISSING_LOG'],
    ['malformed facts', { client: 'x\n', facts: '{"wsusVersion"' }, 400, 'KB_HTTP_MALFORMED_JSON'],
    [
      'an invalid fact',
      { client: 'x\n', facts: '{"office2003OnClients": "maybe"}' },
      422,
      'KB_HTTP_INVALID_FACTS',
    ],
  ])('refuses a form with %s', async (_, fields, status, code) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    const response = await (await testApp()).request('/v1/diagnose', { method: 'POST', body: form })
    expect(response.status).toBe(status)
    expect((await problemOf(response)).code).toBe(code)
  })

  it('stops reading a streamed log at the limit with 413', async () => {
    const app = await testApp({ bodyLimit: { logs: 64 * 1024 } })
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new TextEncoder().encode(seedClientLog().repeat(10)))
      },
    })
    const response = await app.request('/v1/diagnose?kind=client', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect((await problemOf(response)).limit).toBe(64 * 1024)
    expect(pulled).toBeLessThan(60)
  })

  it('refuses a multipart body over the limit with 413', async () => {
    const form = new FormData()
    form.append('client', new Blob([seedClientLog().repeat(50)]), 'big.log')
    const response = await (await testApp({ bodyLimit: { logs: 4096 } })).request('/v1/diagnose', {
      method: 'POST',
      body: form,
    })
    expect(response.status).toBe(413)
  })
})

describe('language negotiation', () => {
  it.each([
    [undefined, undefined, 'en'],
    [undefined, 'nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    [undefined, 'de-DE, nn;q=0.8, en;q=0.5', 'nb'],
    [undefined, 'no', 'nb'],
    [undefined, 'nb-NO', 'nb'],
    [undefined, 'en;q=0.3, pl;q=0.7', 'pl'],
    [undefined, 'nl;q=0, pl', 'pl'],
    [undefined, 'fr-FR, de', 'en'],
    [undefined, '*', 'en'],
    ['nl', 'pl', 'nl'],
    ['NB-no', 'pl', 'nb'],
    ['nn', undefined, 'nb'],
  ])('?lang=%s with Accept-Language %s answers in %s', async (lang, header, expected) => {
    const app = await testApp()
    const response = await app.request(`/v1/articles${lang ? `?lang=${lang}` : ''}`, {
      headers: header ? { 'accept-language': header } : {},
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-language')).toBe(expected)
    expect(response.headers.get('vary')).toContain('Accept-Language')
    expect((await json(response)).language).toBe(expected)
  })

  it('serves the page in the browser language, with lang attributes', async () => {
    const response = await (await testApp()).request('/', { headers: { 'accept-language': 'pl-PL' } })
    expect(response.headers.get('content-language')).toBe('pl')
    const html = await response.text()
    expect(html).toContain('<html lang="pl">')
    expect(html).toContain(`<h1>${localeString('pl', 'web', 'title')}</h1>`)
    expect(html).toContain('<option value="nl" lang="nl">Nederlands</option>')
    expect(html).not.toMatch(/<script(?![^>]*(src="\/assets\/app\.js"|type="application\/json"))/)
  })
})

describe('headers, CORS, logging, errors', () => {
  it('sends the security headers on every response, errors included', async () => {
    const app = await testApp()
    for (const response of [
      await app.request('/'),
      await app.request('/nope'),
      await postJson(app, '/v1/check', '{'),
    ]) {
      expect(response.headers.get('content-security-policy')).toContain(
        "default-src 'self'; script-src 'self'; style-src 'self'",
      )
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  it('lets the embedding host frame the page when configured', async () => {
    const app = await testApp({ frameAncestors: ['https://helpdesk.example.com'] })
    const response = await app.request('/')
    expect(response.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://helpdesk.example.com',
    )
    expect(response.headers.get('x-frame-options')).toBeNull()
  })

  it('has CORS off by default and on for configured origins', async () => {
    const closed = await (await testApp()).request('/v1/articles', {
      headers: { origin: 'https://helpdesk.example.com' },
    })
    expect(closed.headers.get('access-control-allow-origin')).toBeNull()
    const app = await testApp({ corsOrigins: ['https://helpdesk.example.com'] })
    const open = await app.request('/v1/articles', { headers: { origin: 'https://helpdesk.example.com' } })
    expect(open.headers.get('access-control-allow-origin')).toBe('https://helpdesk.example.com')
    const preflight = await app.request('/v1/check', {
      method: 'OPTIONS',
      headers: { origin: 'https://helpdesk.example.com', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    const other = await app.request('/v1/articles', { headers: { origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('logs one structured line per request', async () => {
    const lines: RequestLogLine[] = []
    const app = await testApp({ logger: (line) => lines.push(line) })
    await app.request('/v1/articles?lang=nb')
    await app.request('/missing')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/v1/articles', status: 200, lang: 'nb' })
    expect(typeof lines[0]!.ms).toBe('number')
    expect(lines[1]).toMatchObject({ path: '/missing', status: 404 })
  })

  it('answers an internal error with a generic 500 problem and logs the cause', async () => {
    const lines: RequestLogLine[] = []
    const app = await testApp({
      logger: (line) => lines.push(line),
      renderer: async () => {
        throw new Error('database password is hunter2')
      },
    })
    const response = await app.request('/v1/articles/954960/kb')
    expect(response.status).toBe(500)
    const problem = await problemOf(response)
    expect(problem.code).toBe('KB_HTTP_INTERNAL')
    expect(JSON.stringify(problem)).not.toContain('hunter2')
    expect(lines[0]).toMatchObject({ status: 500, error: 'database password is hunter2' })
  })

  it('answers from a swapped knowledge base atomically (the hot-reload seam)', async () => {
    const kb = await knowledgeBase()
    const resources: Resource = await loadResources()
    const holder = new KnowledgeBaseHolder(kb, resources)
    const app = createApp({ kb: holder, logger: () => {} })
    const before = await json(postJson(app, '/v1/check?article=954960', sp1Unpatched))
    const changed = structuredClone(resources)
    ;(changed.en!.common as { verdict: Record<string, string> }).verdict.affected = 'Affected (reloaded)'
    holder.swap(kb, changed)
    const after = await json(postJson(app, '/v1/check?article=954960', sp1Unpatched))
    expect(before.results[0].verdictLabel).toBe(localeString('en', 'common', 'verdict.affected'))
    expect(after.results[0].verdictLabel).toBe('Affected (reloaded)')
  })
})
