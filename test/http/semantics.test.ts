/** HTTP semantics: ETag and 304, Cache-Control, HEAD, 405 with Allow. */
import { describe, expect, it } from 'vitest'
import { allowedMethods } from '../../src/http/method-not-allowed.ts'
import { json, postJson, testApp } from './helpers.ts'

const app = await testApp()

describe('caching', () => {
  it.each([
    '/v1/articles',
    '/v1/articles/954960',
    '/v1/articles/954960/kb?lang=nl',
    '/v1/articles/954960/advisory?lang=pl&format=html',
    '/v1/articles/954960/csaf?lang=nb',
    '/v1/facts',
    '/v1/feed',
  ])('%s has an ETag and Cache-Control, and answers 304 to If-None-Match with it', async (path) => {
    const first = await app.request(path)
    expect(first.status).toBe(200)
    const tag = first.headers.get('etag')
    expect(tag).toMatch(/^"[0-9a-f]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=300')
    const again = await app.request(path, { headers: { 'If-None-Match': `"other", ${tag}` } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(tag)
    expect(again.headers.get('vary')).toContain('Accept-Language')
    expect((await app.request(path, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200)
  })

  it('gives another ETag for another language, and none to POST answers', async () => {
    const en = (await app.request('/v1/articles/954960/kb?lang=en')).headers.get('etag')
    const nl = (await app.request('/v1/articles/954960/kb?lang=nl')).headers.get('etag')
    expect(en).not.toBe(nl)
    const posted = await postJson(app, '/v1/check', {})
    expect(posted.headers.get('etag')).toBeNull()
    expect(posted.headers.get('cache-control')).toBeNull()
  })

  it('lets no cache keep search answers without asking again', async () => {
    expect((await app.request('/v1/search?q=wsus')).headers.get('cache-control')).toBe('no-cache')
  })
})

describe('methods', () => {
  it('answers HEAD like GET, without a body', async () => {
    const head = await app.request('/v1/articles/954960/kb?lang=nl', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(head.headers.get('etag')).toMatch(/^"/)
    expect(await head.text()).toBe('')
  })

  it('answers 405 with Allow for a known path and another method, 404 for an unknown path', async () => {
    const get = await app.request('/v1/check')
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect((await json(get)).code).toBe('KB_HTTP_METHOD_NOT_ALLOWED')
    const remove = await app.request('/v1/articles/954960/kb', { method: 'DELETE' })
    expect(remove.status).toBe(405)
    expect(remove.headers.get('allow')).toBe('GET, HEAD')
    expect((await app.request('/v1/nothing', { method: 'DELETE' })).status).toBe(404)
  })

  it('matches path parameters when it lists the allowed methods', () => {
    const routes = [
      { method: 'GET', path: '/v1/articles/:id' },
      { method: 'POST', path: '/v1/check' },
      { method: 'ALL', path: '/v1/*' },
    ]
    expect(allowedMethods({ routes } as never, '/v1/articles/x-1')).toEqual(['GET', 'HEAD'])
    expect(allowedMethods({ routes } as never, '/v1/articles/x-1/more')).toEqual([])
  })
})
