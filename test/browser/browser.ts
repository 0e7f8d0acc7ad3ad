/** @module Shared by the browser tests: Debian's Chromium through playwright-core, axe-core and layout checks. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'

// The functions passed to page.evaluate run in the page; the project compiles without the DOM library
// (it would change Node's fetch types), so these few browser globals are declared for this module only.
interface PageElement {
  id: string
  tagName: string
  textContent: string | null
  disabled?: boolean
  parentElement: PageElement | null
  getAttribute(name: string): string | null
  getClientRects(): { length: number }
  focus(): void
}
declare const window: Record<string, unknown>
declare const document: {
  body: PageElement
  querySelectorAll(selector: string): Iterable<PageElement>
  documentElement: { scrollWidth: number; clientWidth: number }
}
declare function getComputedStyle(element: PageElement): {
  backgroundColor: string
  outlineStyle: string
  outlineWidth: string
  outlineColor: string
}

const executablePath = '/usr/bin/chromium'
/** Whether the browser tests can run here; they skip with a message otherwise. */
export const hasChromium = existsSync(executablePath)
if (!hasChromium) {
  console.warn(`Skipping the browser tests: no Chromium at ${executablePath} (apt-get install -y chromium).`)
}

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url))

/** One headless Chromium for a test file; each test opens its own context. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
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
}

/** Save a full-page screenshot under test/browser/screenshots/ (ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true })
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

/** Page errors, console errors and failed responses, except the 404 of the feature probe of `/v1/search`. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (response.status() >= 400 && !(response.status() === 404 && url.pathname === '/v1/search'))
      errors.push(`${response.status()} ${url.pathname}`)
  })
  page.on('console', (message) => {
    // The browser logs every failed response; those are judged above.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text())
  })
  return errors
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: unknown[] }>
}

/**
 * Serious and critical WCAG 2.0/2.1 A and AA violations axe-core finds in the page as it is now. axe is
 * evaluated through the DevTools protocol, so the page's CSP (no inline script) stays as served.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = window.axe as {
      run: (...args: unknown[]) => Promise<{ violations: unknown; passes: unknown[] }>
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    // No rule passing would mean axe did not look at the page at all.
    if (result.passes.length === 0)
      throw new Error('Expected axe-core to check the page, not to find nothing')
    return result.violations as AxeViolation[]
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    )
}

/** How many CSS pixels the page is wider than its viewport (0 when nothing overflows sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

/**
 * Focus every visible focusable element after a key press (so `:focus-visible` applies as for a keyboard
 * user) and measure its focus indicator: the contrast of the outline colour against the background it is
 * drawn on (the nearest ancestor with a background colour). One entry per element, `contrast` 0 when no
 * outline of at least 2 px shows.
 */
export async function focusIndicators(page: Page): Promise<Array<{ element: string; contrast: number }>> {
  await page.keyboard.press('Tab')
  return page.evaluate(() => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const channel = (value: number) => {
        const c = value / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    const backgroundBehind = (element: PageElement) => {
      for (let behind = element.parentElement; behind; behind = behind.parentElement) {
        const color = getComputedStyle(behind).backgroundColor
        if (color !== 'transparent' && rgb(color)[3] !== 0) return color
      }
      return 'rgb(255, 255, 255)'
    }
    const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
    return focusable
      .filter((element) => !element.disabled && element.getClientRects().length > 0)
      .map((element) => {
        element.focus()
        const style = getComputedStyle(element)
        const visible = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2
        const [l1 = 0, l2 = 0] = [
          luminance(rgb(style.outlineColor)),
          luminance(rgb(backgroundBehind(element))),
        ].sort((a, b) => b - a)
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
          element.getAttribute('value') ? `[value=${element.getAttribute('value')}]` : ''
        } ${(element.textContent ?? '').trim().slice(0, 30)}`
        return { element: name, contrast: visible ? (l1 + 0.05) / (l2 + 0.05) : 0 }
      })
  })
}
