/**
 * The page's log form for any log kind, in a real browser: the picker is `GET /v1/diagnose/log-kinds` in the
 * page's language (the kinds the open article reads, or any article reads), and a log of a kind other than
 * the client and server shortcuts (a fixture article reading setuperr and cbs) shows that kind's result, in
 * the verdict and in the copied reply, with no accessibility violation.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/http/server.ts'
import { setupErrLog, setupLogApp, setupLogArticle } from '../helpers/setup-log-article.ts'
import { evidenceSentence, localeString, testApp } from '../http/helpers.ts'
import { axeViolations, collectErrors, hasChromium, launch, screenshot } from './browser.ts'

// Runs in the page (the project compiles without the DOM library).
declare const navigator: { clipboard: { readText(): Promise<string> } }

/** The picker's choices: the value and the visible label of each radio button. */
function choices(page: import('playwright-core').Page) {
  return page
    .locator('#log-kinds label')
    .evaluateAll((labels) =>
      labels.map((label) => [label.querySelector('input')?.getAttribute('value'), label.textContent]),
    )
}

describe.skipIf(!hasChromium)('the log form for any log kind', () => {
  let fixture: Awaited<ReturnType<typeof setupLogArticle>>
  let server: RunningServer
  let real: RunningServer
  let browser: Browser

  beforeAll(async () => {
    fixture = await setupLogArticle()
    server = await startServer(await setupLogApp(fixture), { host: '127.0.0.1', port: 0 })
    real = await startServer(await testApp(), { host: '127.0.0.1', port: 0 })
    browser = await launch()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await real?.close()
    await fixture?.remove()
  })

  it('offers the kinds the articles read, labelled in the page language', async () => {
    const page = await browser.newPage()
    const errors = collectErrors(page)
    await page.goto(`${real.url}?lang=nl`)
    await page.locator('#log-kinds input').first().waitFor()
    const listed = (await (await fetch(`${real.url}v1/diagnose/log-kinds?lang=nl`)).json()) as {
      kinds: Array<{ id: string; label: string; articles: string[] }>
    }
    const read = listed.kinds.filter((kind) => kind.articles.length > 0)
    expect(read.length).toBeGreaterThan(0)
    const shown = await choices(page)
    expect(shown.map(([value]) => value)).toEqual(read.map((kind) => kind.id))
    shown.forEach(([id, label]) => {
      expect(label).toContain(localeString('nl', 'common', `logKinds.${id}`))
    })
    // The first kind is chosen, so the form can be sent as it is.
    expect(await page.locator('#log-kinds input:checked').getAttribute('value')).toBe(read[0]!.id)
    expect(errors).toEqual([])
    await page.close()
  })

  it('diagnoses a setuperr log in Polish: its kind, its result, its reply', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 720 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const page = await context.newPage()
    const errors = collectErrors(page)
    await page.goto(`${server.url}?lang=pl&article=contoso-1001`)
    await page.locator('#question-form:not([hidden])').waitFor()

    // Only the kinds the fixture's signatures read, with the Polish labels and usual paths.
    const shown = await choices(page)
    expect(shown.map(([value]) => value)).toEqual(['setuperr', 'cbs'])
    expect(shown[0]![1]).toContain(localeString('pl', 'common', 'logKinds.setuperr'))
    expect(shown[0]![1]).toContain('%windir%\\Panther\\setuperr.log')
    expect(shown[1]![1]).toContain(localeString('pl', 'common', 'logKinds.cbs'))
    expect(localeString('pl', 'common', 'logKinds.setuperr')).not.toBe(
      localeString('en', 'common', 'logKinds.setuperr'),
    )

    await page.getByLabel(localeString('pl', 'common', 'logKinds.setuperr')).check()
    await page.getByLabel(localeString('pl', 'web', 'log.label')).fill(setupErrLog())
    await page.getByRole('button', { name: localeString('pl', 'web', 'log.submit') }).click()
    await page.locator('#evidence li').first().waitFor()
    expect(await page.locator('#evidence li').allTextContents()).toEqual([evidenceSentence('pl', 'setuperr')])
    await expect(page.locator('#verdict-heading').textContent()).resolves.toContain(
      localeString('pl', 'common', 'verdict.affected'),
    )
    expect(await page.locator('#reasons > li[data-rule="driver-setup-failed"]').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'log-kind-setuperr-pl-375')

    await page.getByRole('button', { name: localeString('pl', 'web', 'result.copy') }).click()
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain(evidenceSentence('pl', 'setuperr'))
    expect(errors).toEqual([])
    await context.close()
  })

  it('says "not found" for a kind whose symptom the log does not show', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}?lang=pl&article=contoso-1001`)
    await page.locator('#log-kinds input[value="cbs"]').check()
    await page.locator('#log-text').fill(setupErrLog())
    await page.locator('#log-form button[type="submit"]').click()
    await page.locator('#evidence li').first().waitFor()
    expect(await page.locator('#evidence li').allTextContents()).toEqual([
      evidenceSentence('pl', 'cbs', 'none'),
    ])
    await page.close()
  })
})
