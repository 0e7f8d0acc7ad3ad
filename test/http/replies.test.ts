/** Ticket-ready replies (`?format=`, `Accept`) and answers in the reader's words (`ja`, `tak`, enum labels). */
import { describe, expect, it } from 'vitest'
import { kb } from '../helpers/run-cli.ts'
import { evidenceSentence, json, localeString, postJson, seedClientLog, testApp } from './helpers.ts'

const app = await testApp()
const affected = {
  wsusVersion: '3.0 SP1',
  office2003OnClients: true,
  webServicesClientDllVersion: '3.1.6001.65',
}

describe('POST /v1/check as a reply for a ticket', () => {
  it('gives plain text with the localized verdict, reasons and steps, and no Markdown left', async () => {
    const response = await postJson(app, '/v1/check?lang=nl&format=text', affected)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('content-language')).toBe('nl')
    const text = await response.text()
    const verdict = localeString('nl', 'common', 'verdict.affected')
    expect(text).toContain(localeString('nl', 'web', 'result.heading').replace('{{verdict}}', verdict))
    expect(text).toContain(localeString('nl', 'web', 'result.reasons'))
    expect(text).toContain(localeString('nl', 'web', 'result.steps'))
    expect(text).not.toMatch(/\*\*|^#+ |\]\(|`/m)
  })

  it('gives Markdown with headings for `Accept: text/markdown`, and a sanitized HTML fragment for text/html', async () => {
    const md = await postJson(app, '/v1/check?lang=pl', affected, { accept: 'text/markdown' })
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(md.headers.get('vary')).toContain('Accept')
    const markdown = await md.text()
    expect(markdown).toMatch(/^## /)
    expect(markdown).toContain(`### ${localeString('pl', 'web', 'result.steps')}`)
    const html = await (await postJson(app, '/v1/check?lang=nb', affected, { accept: 'text/html' })).text()
    expect(html).toMatch(/^<h2>/)
    expect(html).toContain(`<h3>${localeString('nb', 'web', 'result.reasons')}</h3>`)
    expect(html).not.toMatch(/<html|<script|<body/)
  })

  it('keeps JSON by default, for application/json and for ?format=json over Accept', async () => {
    for (const [path, accept] of [
      ['/v1/check', undefined],
      ['/v1/check', 'application/json, text/plain;q=0.5'],
      ['/v1/check?format=json', 'text/plain'],
    ] as const) {
      const response = await postJson(app, path, affected, accept ? { accept } : {})
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    }
    expect((await postJson(app, '/v1/check?format=pdf', affected)).status).toBe(400)
  })

  it('lists what is still needed for an unknown verdict', async () => {
    const text = await (await postJson(app, '/v1/check?lang=en&format=text', {})).text()
    expect(text).toContain(localeString('en', 'web', 'result.missing'))
  })
})

describe('POST /v1/diagnose as a reply for a ticket', () => {
  it('says what the log shows, in the language asked for', async () => {
    const response = await app.request('/v1/diagnose?kind=client&lang=nl&format=md', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: seedClientLog(),
    })
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    const markdown = await response.text()
    expect(markdown).toContain(`### ${localeString('nl', 'web', 'result.evidence')}`)
    expect(markdown).toContain(evidenceSentence('nl', 'windowsupdate'))
  })
})

describe('answers in every language', () => {
  it.each([
    ['nl', 'ja'],
    ['pl', 'tak'],
    ['nb', 'ja'],
    ['en', 'yes'],
  ])('accepts the %s word for yes (%s) and its no for a yes/no fact', async (lang) => {
    const yes = localeString(lang, 'common', 'value.true')
    const no = localeString(lang, 'common', 'value.false')
    const body = await json(
      postJson(app, '/v1/check', { office2003OnClients: yes, sbsWsusUpgraded: no.toUpperCase() }),
    )
    expect(body.results[0].facts).toMatchObject({ office2003OnClients: true, sbsWsusUpgraded: false })
  })

  it('accepts a localized enum label as the value, in the API and in kb check alike', async () => {
    const label = localeString('nb', 'common', 'facts.serverArchitecture.values.x64')
    const body = await json(postJson(app, '/v1/check', { serverArchitecture: label }))
    expect(body.results[0].facts.serverArchitecture).toBe('x64')
    const cli = await kb([
      'check',
      '--json',
      '--fact',
      `serverArchitecture=${label}`,
      '--fact',
      'office2003OnClients=tak',
    ])
    expect(cli.status).toBe(0)
    expect(JSON.parse(cli.stdout).results[0].facts).toMatchObject({
      serverArchitecture: 'x64',
      office2003OnClients: true,
    })
  })

  it('accepts localized words in the facts of a diagnosis, after a check with canonical values', async () => {
    // The first request validates without the localized words: the server must still read them when needed.
    await json(postJson(app, '/v1/check', { office2003OnClients: true }))
    const form = new FormData()
    form.append('client', new Blob([seedClientLog()]), 'WindowsUpdate.log')
    form.append('facts', JSON.stringify({ office2003OnClients: localeString('pl', 'common', 'value.true') }))
    const response = await app.request('/v1/diagnose?article=954960', { method: 'POST', body: form })
    expect(response.status).toBe(200)
    expect((await json(response)).results[0].facts).toMatchObject({ office2003OnClients: true })
  })

  it('still rejects a word that is no answer, naming the fact', async () => {
    const response = await postJson(app, '/v1/check', { office2003OnClients: 'misschien' })
    expect(response.status).toBe(422)
    expect((await json(response)).fact).toBe('office2003OnClients')
  })
})
