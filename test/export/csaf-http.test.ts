/** `GET /v1/articles/{id}/csaf` of the HTTP app. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { CsafDocument } from '../../src/export/csaf-types.ts'
import { createApp } from '../../src/http/app.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'

let app: ReturnType<typeof createApp>
beforeAll(async () => {
  app = createApp({ kb: await loadKnowledgeBase(), logger: () => {} })
})

describe('GET /v1/articles/{id}/csaf', () => {
  it('answers the translation of the requested language, named by its tracking id', async () => {
    const response = await app.request('/v1/articles/954960/csaf?lang=nb')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('content-disposition')).toContain('kba-954960-nb.json')
    const document = (await response.json()) as CsafDocument
    expect(document.document).toMatchObject({
      lang: 'nb',
      source_lang: 'en',
      publisher: { category: 'translator' },
    })
  })

  it('answers the English original by default and 404 for an unknown article', async () => {
    const original = (await (await app.request('/v1/articles/954960/csaf')).json()) as CsafDocument
    expect(original.document.tracking.id).toBe('KBA-954960')
    const missing = await app.request('/v1/articles/123/csaf')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/)
  })
})
