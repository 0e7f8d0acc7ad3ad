/**
 * The page as a helpdesk sidebar: docs/embedding/host.html, served by a second server on another port,
 * frames the page in `<iframe sandbox="allow-scripts allow-forms">` (an opaque origin) with prefilled facts,
 * receives the verdict and the height, then sends more facts and a log.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/http/server.ts'
import { seedClientLog, testApp } from '../http/helpers.ts'
import { collectErrors, hasChromium, launch, screenshot } from './browser.ts'

const hostPage = readFileSync(new URL('../../docs/embedding/host.html', import.meta.url), 'utf8')

interface Message {
  type: string
  article?: string
  verdict?: string
  height?: number
}

// Runs in the host page (the project compiles without the DOM library).
declare const window: { received: Message[] }
declare const document: { getElementById(id: string): { style: { height: string } } }

describe.skipIf(!hasChromium)('the page embedded in a sandboxed frame of another origin', () => {
  let host: Server
  let hostOrigin: string
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    host = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(hostPage)
    })
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
    server = await startServer(await testApp({ frameAncestors: [hostOrigin] }), {
      host: '127.0.0.1',
      port: 0,
    })
    browser = await launch()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await new Promise((resolve) => host?.close(resolve))
  })

  const received = (page: Page) => page.evaluate(() => window.received)
  const verdicts = async (page: Page) =>
    (await received(page)).filter((message) => message.type === 'kb-advisor:verdict').map((m) => m.verdict)

  it('sends the verdict and its height for prefilled facts, and takes facts and a log from the host', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 800 } })).newPage()
    const errors = collectErrors(page)
    const prefill = new URLSearchParams({
      kb: server.url,
      lang: 'nl',
      wsusVersion: '3.0 SP1',
      office2003OnClients: 'true',
    })
    await page.goto(`${hostOrigin}/host.html?${prefill}`)
    expect(await page.locator('iframe').getAttribute('sandbox')).toBe('allow-scripts allow-forms')

    // No article in the address: the prefilled facts chose it; the DLL version is still open.
    await expect
      .poll(() => received(page))
      .toContainEqual(
        expect.objectContaining({ type: 'kb-advisor:verdict', article: '954960', verdict: 'unknown' }),
      )
    await expect
      .poll(() => received(page))
      .toContainEqual(expect.objectContaining({ type: 'kb-advisor:resize', height: expect.any(Number) }))
    const frame = page.frameLocator('iframe')
    await frame.locator('#question-form[data-fact="webServicesClientDllVersion"]').waitFor()
    const heights = (await received(page)).filter((m) => m.type === 'kb-advisor:resize').map((m) => m.height!)
    expect(heights.at(-1)).toBeGreaterThan(300)
    await expect
      .poll(() => page.evaluate(() => document.getElementById('advisor').style.height))
      .toBe(`${heights.at(-1)}px`)

    // The host's facts form sends the DLL version from the ticket.
    await page.getByRole('button', { name: 'Send facts to the sidebar' }).click()
    await expect.poll(() => verdicts(page)).toContain('affected')

    await page.locator('#log').fill(seedClientLog())
    await page.getByRole('button', { name: 'Send the log to the sidebar' }).click()
    await frame.locator('#evidence li').first().waitFor()
    await screenshot(page, 'embedded-nl')
    expect(errors).toEqual([])
  })

  it('ignores kb-advisor messages from an origin it was not told to trust', async () => {
    const page = await (await browser.newContext()).newPage()
    // Top level, the page is its own parent; its own origin is no frame ancestor, so its message is dropped.
    await page.goto(`${server.url}?lang=en&article=954960`)
    await page.locator('#question-form[data-fact]:not([hidden])').waitFor()
    const asked = await page.locator('#question-form').getAttribute('data-fact')
    await page.evaluate((fact) => {
      ;(globalThis as unknown as { postMessage: (message: unknown, origin: string) => void }).postMessage(
        { type: 'kb-advisor:facts', facts: { [fact!]: fact === 'wsusVersion' ? '3.0' : true } },
        '*',
      )
    }, asked)
    await page.waitForTimeout(300)
    expect(await page.locator('#question-form').getAttribute('data-fact')).toBe(asked)
    expect(page.url()).not.toContain(`${asked}=`)
  })

  it('loads its scripts and API in the opaque origin only because framing is allowed', async () => {
    const response = await fetch(`${server.url}assets/app.js`, { headers: { origin: 'null' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('null')
    const policy = (await fetch(server.url)).headers.get('content-security-policy')
    expect(policy).toContain(`frame-ancestors ${hostOrigin}`)
  })
})
