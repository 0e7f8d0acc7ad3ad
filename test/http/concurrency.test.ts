/**
 * Many requests at once must give exactly the answers of sequential calls: the article's json-rules-engine
 * Engine runs one evaluation at a time (concurrent runs on one Engine silently drop rules).
 */
import { describe, expect, it } from 'vitest'
import { postJson, testApp } from './helpers.ts'

const languages = ['en', 'nl', 'pl', 'nb']
const wsusVersions = [undefined, '2.0', '3.0', '3.0 SP1', '3.0 SP2']
const office = [undefined, true, false]
const dll = [undefined, '3.1.6001.65', '3.1.6001.66', '3.1.6001.70']
const products = [undefined, 'wsus', 'sbs2003', 'sccm2007']
const architectures = [undefined, 'x86']
const evidence = [{}, { clientSymptom: 'confirmed' }, { serverSymptom: 'partial' }]

/** Every combination above: affected, not affected, fixed and unknown verdicts, in four languages. */
function mixedRequests(): Array<{ lang: string; facts: Record<string, unknown> }> {
  const requests = []
  let index = 0
  for (const wsusVersion of wsusVersions)
    for (const office2003OnClients of office)
      for (const webServicesClientDllVersion of dll)
        for (const product of products)
          for (const serverArchitecture of architectures) {
            const facts: Record<string, unknown> = { ...evidence[index % evidence.length] }
            if (wsusVersion !== undefined) facts.wsusVersion = wsusVersion
            if (office2003OnClients !== undefined) facts.office2003OnClients = office2003OnClients
            if (webServicesClientDllVersion !== undefined)
              facts.webServicesClientDllVersion = webServicesClientDllVersion
            if (product !== undefined) facts.product = product
            if (serverArchitecture !== undefined) facts.serverArchitecture = serverArchitecture
            requests.push({ lang: languages[index % languages.length]!, facts })
            index++
          }
  // Invalid facts take part too: their 422 must not disturb the others.
  for (let extra = 0; extra < 20; extra++) requests.push({ lang: 'en', facts: { wsusVersion: `9.${extra}` } })
  return requests
}

describe('concurrent POST /v1/check', () => {
  it('gives every one of 500+ simultaneous requests exactly its sequential answer', async () => {
    const app = await testApp()
    const requests = mixedRequests()
    expect(requests.length).toBeGreaterThanOrEqual(500)
    const send = async ({ lang, facts }: (typeof requests)[number]) => {
      const response = await postJson(app, `/v1/check?lang=${lang}&article=954960`, facts)
      return `${response.status} ${await response.text()}`
    }

    const sequential: string[] = []
    for (const request of requests) sequential.push(await send(request))
    // Staggered by a few microtasks each, so runs overlap at different stages: requests started in lockstep
    // would finish each priority set together and hide an unserialised Engine (it then drops rules).
    const concurrent = await Promise.all(
      requests.map(async (request, index) => {
        for (let tick = 0; tick < (index * 7) % 23; tick++) await null
        return send(request)
      }),
    )

    const verdicts = new Set(
      sequential.map((answer) => /"verdict":"(\w+)"/.exec(answer)?.[1] ?? answer.slice(0, 3)),
    )
    expect([...verdicts].sort()).toEqual(['422', 'affected', 'fixed', 'not_affected', 'unknown'])
    const differing = concurrent.flatMap((answer, index) => (answer === sequential[index] ? [] : [index]))
    expect(differing).toEqual([])
  })
})
