/**
 * Human output over HTTP names catalog products as the reader's language does (`products.<id>` of its
 * common.yaml): ticket replies of check and diagnose, the feed and the CSAF translation, chosen by `?lang=`
 * or `Accept-Language`.
 */
import { describe, expect, it } from 'vitest'
import { json, localeString, postJson, seedClientLog, testApp } from './helpers.ts'

const app = await testApp()
const polish = localeString('pl', 'common', 'products.wsus30Sp1.shortName')
const polishVersion = localeString('pl', 'common', 'products.wsus30Sp1.version')
const english = 'WSUS 3.0 SP1'

describe("catalog names in the reader's language", () => {
  it('names them in Polish in check and diagnose replies, for Accept-Language and ?lang=', async () => {
    expect(polish).not.toBe(english)
    const facts = { wsusVersion: '3.0 SP1', office2003OnClients: true }
    const check = await postJson(app, '/v1/check?article=954960&format=text', facts, {
      'accept-language': 'pl-PL,pl;q=0.9',
    })
    expect(check.headers.get('content-language')).toBe('pl')
    const checkText = await check.text()
    expect(checkText).toContain(polish)
    expect(checkText).not.toContain(english)

    const diagnose = await postJson(app, '/v1/diagnose?article=954960&lang=pl&format=md', {
      logs: { windowsupdate: seedClientLog() },
      facts,
    })
    expect(diagnose.status).toBe(200)
    const markdown = await diagnose.text()
    // Polish service-pack naming in the steps' running text, no English catalog name.
    expect(markdown).toContain('z dodatkiem Service Pack 1')
    expect(markdown).not.toContain(english)
    expect(markdown).not.toContain('3.0 Service Pack 1')

    const body = await json(postJson(app, '/v1/check?article=954960&lang=pl', facts))
    expect(JSON.stringify(body.results)).toContain(polish)
  })

  it('names them in Polish in the feed and in the Polish CSAF document', async () => {
    const feed = await (await app.request('/v1/feed?lang=pl')).text()
    expect(feed).toContain(polishVersion)
    const csaf = JSON.stringify(await (await app.request('/v1/articles/954960/csaf?lang=pl')).json())
    expect(csaf).toContain(polishVersion)
    expect(csaf).not.toContain(english)
    // The English original keeps the catalog's names.
    const original = JSON.stringify(await (await app.request('/v1/articles/954960/csaf?lang=en')).json())
    expect(original).toContain(english)
  })
})
