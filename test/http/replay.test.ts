/** `startServer` answers a repeated `POST /v1/check` with the bytes the app gave before, under the same rules. */
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AccessOptions } from '../../src/http/access.ts'
import { createApp } from '../../src/http/app.ts'
import { KnowledgeBaseHolder } from '../../src/http/knowledge-holder.ts'
import type { RequestLogLine } from '../../src/http/request-log.ts'
import { type RunningServer, startServer } from '../../src/http/server.ts'
import { loadResources } from '../../src/render/i18n.ts'
import { knowledgeBase } from './helpers.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const facts = JSON.stringify({ wsusVersion: '3.0 SP1', office2003OnClients: true })

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A served app whose `fetch` is counted: a replayed request never reaches it. */
async function served(access?: AccessOptions) {
  const holder = new KnowledgeBaseHolder(await knowledgeBase(), await loadResources())
  const logs: RequestLogLine[] = []
  const app = createApp({ kb: holder, logger: (line) => logs.push(line), access })
  const entered = vi.spyOn(app, 'fetch')
  server = await startServer(app, { host: '127.0.0.1', port: 0 })
  const check = (query = '', headers: Record<string, string> = {}, body = facts) =>
    fetch(`${server!.url}v1/check${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })
  return { holder, logs, entered, check }
}

/** Status, headers but `Date`, and body. */
async function whole(response: Response) {
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'))
  return { status: response.status, headers, body: await response.text() }
}

describe('replayed check answers', () => {
  it('answer a repeated request with the same status, headers and bytes, without entering the app, and log it', async () => {
    const { logs, entered, check } = await served()
    const first = await whole(await check('?lang=nl'))
    expect(first.status).toBe(200)
    expect(first.headers['content-language']).toBe('nl')
    expect(first.headers['x-frame-options']).toBe('DENY')
    expect(await whole(await check('?lang=nl'))).toEqual(first)
    expect(entered).toHaveBeenCalledTimes(1)
    expect(logs.map(({ method, path, status, lang }) => ({ method, path, status, lang }))).toEqual([
      { method: 'POST', path: '/v1/check', status: 200, lang: 'nl' },
      { method: 'POST', path: '/v1/check', status: 200, lang: 'nl' },
    ])
  })

  it('are never given for another language, format, origin or body', async () => {
    const { entered, check } = await served()
    await check()
    const polish = await check('', { 'accept-language': 'pl' })
    expect(polish.headers.get('content-language')).toBe('pl')
    const markdown = await check('', { accept: 'text/markdown' })
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    await check('', { origin: 'https://helpdesk.example' })
    const other = await check('', {}, JSON.stringify({ wsusVersion: '2.0' }))
    expect(((await other.json()) as { results: { verdict: string }[] }).results.length).toBeGreaterThan(0)
    expect(entered).toHaveBeenCalledTimes(5)
    // Refusals are never kept: the same bad body is answered by the app each time.
    for (let round = 0; round < 2; round++)
      expect((await check('', {}, '{"wsusVersion": 3')).status).toBe(400)
    expect(entered).toHaveBeenCalledTimes(7)
  })

  it('are dropped when the knowledge base is reloaded', async () => {
    const { holder, entered, check } = await served()
    await check()
    await check()
    expect(entered).toHaveBeenCalledTimes(1)
    holder.swap(await knowledgeBase(), await loadResources())
    expect((await check()).status).toBe(200)
    expect(entered).toHaveBeenCalledTimes(2)
  })

  it('need a valid API key when keys are on', async () => {
    const { entered, check } = await served({ apiKeyHashes: [sha256('desk')] })
    const first = await whole(await check('', { authorization: 'Bearer desk' }))
    expect(await whole(await check('', { 'x-api-key': 'desk' }))).toEqual(first)
    expect(entered).toHaveBeenCalledTimes(1)
    expect((await check()).status).toBe(401)
    expect((await check('', { 'x-api-key': 'other' })).status).toBe(401)
    expect(entered).toHaveBeenCalledTimes(3)
  })

  it('are not given while rate limits are on: every request is counted', async () => {
    const { check } = await served({ rateLimit: { limit: 2, windowMs: 60_000 } })
    const statuses = []
    for (let round = 0; round < 3; round++) statuses.push((await check()).status)
    expect(statuses).toEqual([200, 200, 429])
  })
})
