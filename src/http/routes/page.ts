/** @module `GET /`: the guided "Am I affected?" page, and its script and style sheet under `/assets/`. */
import { readFile } from 'node:fs/promises'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { i18n } from 'i18next'
import { articleValues } from '../../render/article-values.ts'
import { languages } from '../../render/i18n.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import type { KnowledgeSnapshot } from '../knowledge-holder.ts'

const publicDir = new URL('../public/', import.meta.url)

// A Map, not an object literal: `constructor` or `__proto__` must not find an inherited property.
const assets = new Map<string, string>(
  Object.entries({
    'app.js': 'text/javascript; charset=utf-8',
    'app.css': 'text/css; charset=utf-8',
  }),
)

const cache = new Map<string, Promise<string>>()
function asset(name: string): Promise<string> {
  let text = cache.get(name)
  if (!text) {
    text = readFile(new URL(name, publicDir), 'utf8')
    cache.set(name, text)
  }
  return text
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char]!)
}

/**
 * The page in one language: `{{t:key}}` are strings of the `web` namespace, `{{lang}}`, `{{languageOptions}}`
 * and `{{strings}}` (every `web` string, as JSON for the script) are filled in. No inline script: the JSON
 * sits in a non-executable `application/json` block.
 *
 * @example
 * const html = await renderPage(snapshot, 'nl')
 */
async function renderPage(snapshot: KnowledgeSnapshot, language: (typeof languages)[number]) {
  const template = await asset('index.html.template')
  const i18n = await snapshot.i18n(language)
  const article = snapshot.kb.model.articles[0]
  const values = article ? articleValues(article.article) : {}
  const t = (key: string) => i18n.t(key, { ns: 'web', ...values }) as string
  const options = await Promise.all(
    languages.map(async (code) => {
      const name = (await snapshot.i18n(code)).t('languageName', { ns: 'web' }) as string
      return `<option value="${code}" lang="${code}"${code === language ? ' selected' : ''}>${escapeHtml(name)}</option>`
    }),
  )
  const strings = {
    ...webStrings(i18n),
    article: article?.id ?? '',
    kbNumber: values.kbNumber ?? '',
    advisoryNumber: values.advisoryNumber ?? '',
  }
  return template
    .replace(/\{\{t:([\w.]+)\}\}/g, (_, key: string) => escapeHtml(t(key)))
    .replaceAll('{{lang}}', language)
    .replace('{{languageOptions}}', () => options.join(''))
    .replace('{{strings}}', () => JSON.stringify(strings).replace(/</g, '\\u003c'))
}

function webStrings(i18n: i18n): Record<string, unknown> {
  const bundle = (i18n.getResourceBundle(i18n.language, 'web') ?? {}) as Record<string, unknown>
  const fallback = (i18n.getResourceBundle('en', 'web') ?? {}) as Record<string, unknown>
  return merge(fallback, bundle)
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key]
    out[key] =
      value && typeof value === 'object' && prior && typeof prior === 'object'
        ? merge(prior as Record<string, unknown>, value as Record<string, unknown>)
        : value
  }
  return out
}

/**
 * Register `GET /` and `GET /assets/{name}` (hidden from the OpenAPI document: they are not API).
 *
 * @example
 * registerPage(app, deps) // in createApp, after the middleware
 */
export function registerPage(app: OpenAPIHono<AppEnv>, _deps: RouteDeps): void {
  app.get('/', async (c) => {
    const html = await renderPage(c.var.snapshot, c.var.language)
    return c.html(html, 200, { 'Cache-Control': 'no-cache' })
  })
  app.get('/assets/:name', async (c, next) => {
    const name = c.req.param('name')
    const type = assets.get(name)
    if (!type) return next()
    return c.body(await asset(name), 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' })
  })
}
