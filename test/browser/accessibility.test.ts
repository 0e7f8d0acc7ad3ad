/**
 * Every step of the page (start, question, verdict, log verdict) in all four languages, in a 375 px wide
 * helpdesk sidebar: no serious or critical WCAG 2.1 AA violation found by axe-core, nothing wider than the
 * viewport, and a focus indicator with at least 3:1 contrast on every focusable element.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/http/server.ts'
import { evidenceSentence, fictionalApp, localeString, seedClientLog, testApp } from '../http/helpers.ts'
import {
  axeViolations,
  collectErrors,
  focusIndicators,
  hasChromium,
  horizontalOverflow,
  launch,
  screenshot,
} from './browser.ts'

const languages = ['en', 'nl', 'pl', 'nb'] as const

/** Answers that lead to an "affected" verdict with its conditional steps decided. */
const affected = new URLSearchParams({
  article: '954960',
  wsusVersion: '3.0 SP1',
  office2003OnClients: 'true',
  webServicesClientDllVersion: '3.1.6001.65',
  serverArchitecture: 'x64',
  serverLocaleMatchesInstall: 'false',
})

/** Focusable elements whose focus indicator has less than 3:1 contrast with the background around it. */
async function weakFocusIndicators(page: Page) {
  const stops = await focusIndicators(page)
  expect(stops.length).toBeGreaterThan(3)
  return stops.filter((stop) => stop.contrast < 3)
}

describe.skipIf(!hasChromium)('every step of the page, in every language, at 375 px', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext

  beforeAll(async () => {
    server = await startServer(await testApp(), { host: '127.0.0.1', port: 0 })
    browser = await launch()
    context = await browser.newContext({ viewport: { width: 375, height: 720 } })
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  /** axe and sideways overflow of the page as it is now; focus indicators too in English (colours do not vary by language). */
  async function audit(page: Page, step: string, lang: string) {
    const violations = await axeViolations(page)
    const overflow = await horizontalOverflow(page)
    const weakFocus = lang === 'en' ? await weakFocusIndicators(page) : []
    await screenshot(page, `${step}-${lang}-375`)
    expect({ step, lang, violations, overflow, weakFocus }).toEqual({
      step,
      lang,
      violations: [],
      overflow: 0,
      weakFocus: [],
    })
  }

  it.each(languages)('%s: start, question, verdict and log verdict pass', async (lang) => {
    const page = await context.newPage()
    const errors = collectErrors(page)

    await page.goto(`${server.url}?lang=${lang}`)
    await page.locator('#start:not([hidden]) #article-list a').first().waitFor()
    await audit(page, 'start', lang)

    await page.goto(`${server.url}?lang=${lang}&article=954960`)
    await page.locator('#question-form:not([hidden])').waitFor()
    expect(await page.locator('#question-text').textContent()).toBe(
      localeString(
        lang,
        'common',
        `facts.${await page.locator('#question-form').getAttribute('data-fact')}.question`,
      ),
    )
    await audit(page, 'question', lang)

    await page.goto(`${server.url}?lang=${lang}&${affected}`)
    await page.locator('#result:not([hidden])').waitFor()
    expect(await page.locator('#verdict-heading').textContent()).toContain(
      localeString(lang, 'common', 'verdict.affected'),
    )
    await audit(page, 'verdict', lang)

    await page.locator('#log-text').fill(seedClientLog())
    await page.locator('#log-form button[type="submit"]').click()
    await page.locator('#evidence li').first().waitFor()
    expect(await page.locator('#evidence li').first().textContent()).toContain(
      evidenceSentence(lang, 'windowsupdate'),
    )
    await audit(page, 'log-verdict', lang)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a focus indicator of at least 3:1 on the green and amber verdict backgrounds too', async () => {
    const page = await context.newPage()
    const fixed = new URLSearchParams(affected)
    fixed.set('webServicesClientDllVersion', '3.1.6001.66')
    await page.goto(`${server.url}?lang=en&${fixed}`)
    await page.locator('#result.verdict-fixed:not([hidden])').waitFor()
    expect(await weakFocusIndicators(page)).toEqual([])

    // Not knowing any answer leaves the verdict open (amber).
    await page.goto(`${server.url}?lang=en&article=954960`)
    const skip = page.getByRole('button', { name: localeString('en', 'web', 'question.skip') })
    for (let turn = 0; turn < 12 && !(await page.locator('#result').isVisible()); turn++) {
      await page.locator('#question-form:not([hidden])').waitFor()
      const fact = await page.locator('#question-form').getAttribute('data-fact')
      await skip.click()
      await page.locator(`#question-form:not([data-fact="${fact}"]), #result:not([hidden])`).first().waitFor()
    }
    await page.locator('#result.verdict-unknown:not([hidden])').waitFor()
    expect(await weakFocusIndicators(page)).toEqual([])
    await screenshot(page, 'verdict-unknown-en-375')
    await page.close()
  })

  it('passes for a second, fictional article too (Norwegian, question and verdict)', async () => {
    const app = await fictionalApp()
    const fictional = await startServer(app, { host: '127.0.0.1', port: 0 })
    try {
      const page = await context.newPage()
      await page.goto(`${fictional.url}?lang=nb&article=contoso-1001`)
      await page.locator('#question-form:not([hidden])').waitFor()
      await audit(page, 'fictional-question', 'nb')
      await page.goto(
        `${fictional.url}?lang=nb&article=contoso-1001&widgetServerVersion=4.2&brewerConnected=true&brewerFirmware=9.0.1`,
      )
      await page.locator('#result.verdict-affected:not([hidden])').waitFor()
      await audit(page, 'fictional-verdict', 'nb')
      await page.close()
    } finally {
      await fictional.close()
    }
  })
})
