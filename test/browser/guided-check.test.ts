/**
 * The "Am I affected?" page in a real browser (Debian's Chromium through playwright-core): a helpdesk agent
 * answers the questions in Dutch, reads the verdict, then pastes a client log.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/http/server.ts'
import { localeString, seedClientLog, testApp } from '../http/helpers.ts'

const executablePath = '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)
if (!hasChromium) {
  console.warn(`Skipping the browser test: no Chromium at ${executablePath} (apt-get install -y chromium).`)
}
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url))

/** The agent's answers: a WSUS 3.0 SP1 server with DLL 3.1.6001.65 and Office 2003 clients. */
const answers: Record<string, string> = {
  product: 'wsus',
  wsusVersion: '3.0 SP1',
  webServicesClientDllVersion: '3.1.6001.65',
  office2003OnClients: 'true',
}

describe.skipIf(!hasChromium)('the guided check in a browser', () => {
  let server: RunningServer
  let context: BrowserContext
  let page: Page
  let profile: string

  beforeAll(async () => {
    server = await startServer(await testApp(), { host: '127.0.0.1', port: 0 })
    profile = mkdtempSync(path.join(tmpdir(), 'kb-advisor-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      locale: 'nl-NL',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    page = context.pages()[0] ?? (await context.newPage())
  })

  afterAll(async () => {
    await context?.close()
    await server?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('answers the questions in Dutch, shows the verdict with the KB954960 step, then confirms a pasted client log', async () => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    // No ?lang=: the page follows the browser's language (Accept-Language: nl-NL).
    await page.goto(server.url)
    expect(await page.getAttribute('html', 'lang')).toBe('nl')
    await expect(page.locator('h1').textContent()).resolves.toBe(localeString('nl', 'web', 'title'))

    const asked: string[] = []
    const form = page.locator('#question-form')
    const verdict = page.locator('#verdict-heading')
    for (let turn = 0; turn < 10; turn++) {
      await page.locator('#question-form:not([hidden]), #result:not([hidden])').first().waitFor()
      if (await verdict.isVisible()) break
      const fact = (await form.getAttribute('data-fact'))!
      asked.push(fact)
      expect(await page.locator('#question-text').textContent()).toBe(
        localeString('nl', 'common', `facts.${fact}.question`),
      )
      // Focus moved into the new question.
      expect(await page.locator('#question-form fieldset :focus').count()).toBe(1)
      if (turn === 0) {
        mkdirSync(screenshots, { recursive: true })
        await page.screenshot({ path: path.join(screenshots, 'guided-check-nl-question.png') })
      }
      const answer = answers[fact]
      expect(answer, `an answer for the question about ${fact}`).toBeDefined()
      const field = page.locator('#answer-version')
      if (await field.count()) await field.fill(answer!)
      else await page.locator(`#question-answers input[value="${answer}"]`).check()
      await page.getByRole('button', { name: localeString('nl', 'web', 'question.next') }).click()
      await page
        .locator(`#question-form:not([hidden]):not([data-fact="${fact}"]), #result:not([hidden])`)
        .first()
        .waitFor()
    }
    expect(asked).toContain('wsusVersion')
    expect(asked).toContain('webServicesClientDllVersion')
    expect(asked).toContain('office2003OnClients')

    const affected = localeString('nl', 'common', 'verdict.affected')
    await expect(verdict.textContent()).resolves.toContain(affected)
    expect(await page.locator('#verdict-heading:focus').count()).toBe(1)
    const steps = await page.locator('#steps li').allTextContents()
    expect(steps.some((step) => step.includes('KB954960'))).toBe(true)
    expect(await page.locator('#links a').first().getAttribute('href')).toBe(
      '/v1/articles/954960/kb?lang=nl&format=html',
    )

    await page.getByLabel(localeString('nl', 'web', 'log.client')).check()
    await page.getByLabel(localeString('nl', 'web', 'log.label')).fill(seedClientLog())
    await page.getByRole('button', { name: localeString('nl', 'web', 'log.submit') }).click()
    const evidence = page.locator('#evidence li')
    await evidence.first().waitFor()
    await expect(evidence.first().textContent()).resolves.toContain(
      localeString('nl', 'web', 'evidence.client.confirmed'),
    )
    await expect(verdict.textContent()).resolves.toContain(affected)
    mkdirSync(screenshots, { recursive: true })
    await page.screenshot({ path: path.join(screenshots, 'guided-check-nl.png'), fullPage: true })
    const observed = localeString('nl', '954960', 'verdicts.rules.symptom-observed').replace(
      '{{articleId}}',
      '954960',
    )
    await expect(
      page.locator('#reasons > li[data-rule="symptom-observed"]').textContent(),
    ).resolves.toContain(observed)
    expect(errors).toEqual([])
  })
})
