/**
 * The rendered document pages in a real browser (Debian's Chromium through playwright-core): styled under
 * the HTTP API's strict CSP, and no wider than a 375 px phone. Screenshots go to test/browser/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/http/server.ts'
import { languages } from '../../src/render/i18n.ts'
import { documentKinds } from '../../src/render/renderer.ts'
import { testApp } from '../http/helpers.ts'

const executablePath = '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)
if (!hasChromium) {
  console.warn(
    `Skipping the document page test: no Chromium at ${executablePath} (apt-get install -y chromium).`,
  )
}
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url))

describe.skipIf(!hasChromium)('document pages in a browser', () => {
  let server: RunningServer
  let context: BrowserContext
  let page: Page
  let profile: string
  let articleId: string
  const violations: string[] = []

  beforeAll(async () => {
    const app = await testApp()
    // 954960 declares both documents (a KB article and an advisory).
    articleId = '954960'
    server = await startServer(app, { host: '127.0.0.1', port: 0 })
    profile = mkdtempSync(path.join(tmpdir(), 'kb-advisor-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    })
    page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (message) => {
      // The browser's own /favicon.ico request may 404; what matters is a refused stylesheet.
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    mkdirSync(screenshots, { recursive: true })
  })

  afterAll(async () => {
    await context?.close()
    await server?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('applies the inline stylesheet under the API CSP (no violation, readable measure)', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    const response = await page.goto(
      new URL(`/v1/articles/${articleId}/kb?lang=en&format=html`, server.url).href,
    )
    expect(response?.status()).toBe(200)
    // Expressions as strings: they run in the page, and the project's types have no DOM.
    const style = (await page.evaluate(`(() => {
      const pre = document.querySelector('pre')
      return {
        maxWidth: getComputedStyle(document.body).maxWidth,
        fontFamily: getComputedStyle(document.body).fontFamily,
        pre: pre ? getComputedStyle(pre).whiteSpace : '',
      }
    })()`)) as { maxWidth: string; fontFamily: string; pre: string }
    expect(violations).toEqual([])
    expect(style.maxWidth).toBe('736px')
    expect(style.fontFamily).toContain('system-ui')
    expect(style.pre).toBe('break-spaces')
    await page.screenshot({ path: path.join(screenshots, 'document-kb-en-1280.png'), fullPage: true })
  })

  it('has no horizontal overflow at 375 px, in every document and language', async () => {
    await page.setViewportSize({ width: 375, height: 812 })
    for (const doc of documentKinds)
      for (const lang of languages) {
        const response = await page.goto(
          new URL(`/v1/articles/${articleId}/${doc}?lang=${lang}&format=html`, server.url).href,
        )
        expect(response?.status()).toBe(200)
        const { scrollWidth, clientWidth, wide } = (await page.evaluate(`(() => {
          const width = document.documentElement.clientWidth
          return {
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: width,
            // Elements that stick out of the viewport (a table may scroll inside itself).
            wide: [...document.body.querySelectorAll('*')]
              .filter((element) => element.getBoundingClientRect().right > width + 1)
              .map((element) => element.tagName + ': ' + (element.textContent || '').slice(0, 60))
              .slice(0, 3),
          }
        })()`)) as { scrollWidth: number; clientWidth: number; wide: string[] }
        expect(wide, `${doc} ${lang}`).toEqual([])
        expect(scrollWidth, `${doc} ${lang}`).toBeLessThanOrEqual(clientWidth)
        if (lang === 'pl')
          await page.screenshot({
            path: path.join(screenshots, `document-${doc}-pl-375.png`),
            fullPage: true,
          })
      }
    expect(violations).toEqual([])
  })
})
