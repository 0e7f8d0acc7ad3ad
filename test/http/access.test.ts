/** Access control: off by default; API keys by hash; rate limits with 429 and Retry-After. */
import { createHash } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseApiKeyHashes } from '../../src/http/access.ts'
import { kb } from '../helpers/run-cli.ts'
import { json, postJson, testApp } from './helpers.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('API keys', () => {
  it('are off by default', async () => {
    expect((await (await testApp()).request('/v1/articles')).status).toBe(200)
  })

  it('when on, refuse /v1 without a key or with a wrong one, and accept a known key either way', async () => {
    const app = await testApp({ access: { apiKeyHashes: [sha256('first'), sha256('second')] } })
    const none = await app.request('/v1/articles')
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="kb-advisor"')
    expect((await json(none)).code).toBe('KB_HTTP_UNAUTHORIZED')
    expect((await app.request('/v1/articles', { headers: { Authorization: 'Bearer third' } })).status).toBe(
      401,
    )
    const bearer = await app.request('/v1/articles', { headers: { Authorization: 'Bearer second' } })
    expect(bearer.status).toBe(200)
    expect(bearer.headers.get('cache-control')).toBe('private, max-age=300')
    expect((await postJson(app, '/v1/check', {}, { 'X-API-Key': 'first' })).status).toBe(200)
    expect((await app.request('/healthz')).status).toBe(200)
  })

  it('are read as hashes, one per line with comments, and a wrong line is named', () => {
    expect(
      parseApiKeyHashes(`# desk\n${sha256('a')}  # first\n\n${sha256('b').toUpperCase()}\n`, 'keys.txt'),
    ).toEqual([sha256('a'), sha256('b')])
    expect(() => parseApiKeyHashes(`${sha256('a')}\nplain-secret\n`, 'keys.txt')).toThrow(/keys\.txt:2/)
    expect(() => parseApiKeyHashes('# nothing\n', 'keys.txt')).toThrow(/at least one/)
  })

  it('kb serve refuses a keys file with a plain key, naming the file and line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-keys-'))
    await writeFile(path.join(dir, 'keys.txt'), 'not-a-hash\n')
    const { status, stderr } = await kb(['serve', '--port', '0', '--api-keys', path.join(dir, 'keys.txt')])
    expect(status).toBe(2)
    expect(stderr).toContain('keys.txt:1')
  })
})

describe('rate limits', () => {
  it('answer 429 with Retry-After past the limit, counting each key apart', async () => {
    const app = await testApp({
      access: {
        apiKeyHashes: [sha256('first'), sha256('second')],
        rateLimit: { limit: 2, windowMs: 60_000 },
      },
    })
    const as = (key: string) => app.request('/v1/facts', { headers: { 'X-API-Key': key } })
    for (let i = 0; i < 2; i++) expect((await as('first')).status).toBe(200)
    const limited = await as('first')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect((await json(limited)).code).toBe('KB_HTTP_RATE_LIMITED')
    expect((await as('second')).status).toBe(200)
  })

  it('count by address when keys are off, whatever key a request makes up', async () => {
    const app = await testApp({ access: { rateLimit: { limit: 1, windowMs: 60_000 } } })
    expect((await app.request('/v1/facts', { headers: { 'X-API-Key': 'one' } })).status).toBe(200)
    expect((await app.request('/v1/facts', { headers: { 'X-API-Key': 'two' } })).status).toBe(429)
  })

  it('count by X-Forwarded-For only behind a trusted proxy', async () => {
    const app = await testApp({ access: { rateLimit: { limit: 1, windowMs: 60_000 }, trustProxy: true } })
    const from = (address: string) => app.request('/v1/facts', { headers: { 'X-Forwarded-For': address } })
    expect((await from('192.0.2.1')).status).toBe(200)
    expect((await from('192.0.2.2')).status).toBe(200)
    expect((await from('192.0.2.1')).status).toBe(429)
  })
})
