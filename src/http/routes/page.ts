/** @module `GET /`: the guided "Am I affected?" page, and its scripts and style sheet under `/assets/`. */
import { readFile } from 'node:fs/promises'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { i18n } from 'i18next'
import { articleFactsRead } from '../../engine/article-checker.ts'
import { articleValues } from '../../render/article-values.ts'
import { languages } from '../../render/i18n.ts'
import { factNamespaces } from '../../render/localize-check.ts'
import { productsIn } from '../../render/localized-catalog.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import type { KnowledgeSnapshot } from '../knowledge-holder.ts'
import { describeFact } from '../localize-response.ts'

const publicDir = new URL('../public/', import.meta.url)

// A Map, not an object literal: `constructor` or `__proto__` must not find an inherited property.
const assets = new Map<string, string>(
  Object.entries({
    'app.js': 'text/javascript; charset=utf-8',
    'dom.js': 'text/javascript; charset=utf-8',
    'embed.js': 'text/javascript; charset=utf-8',
    'log.js': 'text/javascript; charset=utf-8',
    'question.js': 'text/javascript; charset=utf-8',
    'reply.js': 'text/javascript; charset=utf-8',
    'start.js': 'text/javascript; charset=utf-8',
    'state.js': 'text/javascript; charset=utf-8',
    'verdict.js': 'text/javascript; charset=utf-8',
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

type Language = (typeof languages)[number]

/**
 * What the page script knows of each article: its title (its first document's; its id system and number, or
 * its id, when it has no document), the documents it declares with their titles (the page links only those),
 * and the facts its rules read.
 */
function articleSummaries(snapshot: KnowledgeSnapshot, language: Language) {
  // The same for every page in a language until the knowledge base is reloaded (a new snapshot): with a
  // thousand articles, their titles take a second to render.
  let perLanguage = summaries.get(snapshot)
  if (perLanguage === undefined) {
    perLanguage = new Map()
    summaries.set(snapshot, perLanguage)
  }
  let list = perLanguage.get(language)
  if (list === undefined) {
    list = summarize(snapshot, language)
    perLanguage.set(language, list)
    // A failure is not kept: the next page tries again.
    list.catch(() => perLanguage.delete(language))
  }
  return list
}

const summaries = new WeakMap<KnowledgeSnapshot, Map<Language, ReturnType<typeof summarize>>>()

async function summarize(snapshot: KnowledgeSnapshot, language: Language) {
  const { renderer } = snapshot
  return Promise.all(
    snapshot.kb.model.articles.map(async (model) => {
      const { id, article } = model
      const documents = await Promise.all(
        renderer.documentsOf(id).map(async (doc) => ({
          doc,
          title: await renderer.title({ article: id, doc, lang: language }),
        })),
      )
      return {
        id,
        // The facts its rules read: prefilled facts choose the article that reads most of them.
        facts: articleFactsRead(model),
        title: documents[0]?.title ?? (article.kb ? `${article.kb.idSystem} ${article.kb.number}` : id),
        documents,
      }
    }),
  )
}

/** Every fact of the vocabulary as a question with localized label and answers: the page asks any of them. */
function vocabulary(snapshot: KnowledgeSnapshot, i18n: i18n, article: string | undefined) {
  const namespaces = factNamespaces(snapshot.kb, article)
  return snapshot.kb.model.facts
    .filter((definition) => definition.source !== 'evidence')
    .map((definition) => describeFact(definition, i18n, namespaces))
}

/**
 * The page in one language: `{{t:key}}` are strings of the `web` namespace, `{{lang}}`, `{{languageOptions}}`,
 * `{{articleInput}}` and `{{strings}}` (every `web` string, the articles, the fact vocabulary and the
 * allowed host origins, as JSON for the script) are filled in. No inline script: the JSON sits in a
 * non-executable `application/json` block.
 *
 * @example
 * const html = await renderPage(snapshot, 'nl', '954960', ['https://helpdesk.example'])
 */
async function renderPage(
  snapshot: KnowledgeSnapshot,
  language: Language,
  requested: string | undefined,
  embedOrigins: readonly string[],
) {
  const template = await asset('index.html.template')
  const i18n = await snapshot.i18n(language)
  const model = snapshot.kb.model.articles.find((candidate) => candidate.id === requested)
  const values = model
    ? articleValues(model.article, productsIn(snapshot.kb.model.products, i18n), language)
    : {}
  const t = (key: string) => i18n.t(key, { ns: 'web', ...values }) as string
  const options = await Promise.all(
    languages.map(async (code) => {
      const name = (await snapshot.i18n(code)).t('languageName', { ns: 'web' }) as string
      return `<option value="${code}" lang="${code}"${code === language ? ' selected' : ''}>${escapeHtml(name)}</option>`
    }),
  )
  const page = {
    ...webStrings(i18n),
    article: model?.id ?? '',
    requestedArticle: requested ?? '',
    articles: await articleSummaries(snapshot, language),
    facts: vocabulary(snapshot, i18n, model?.id),
    embedOrigins: [...embedOrigins],
  }
  const articleInput = model ? `<input type="hidden" name="article" value="${escapeHtml(model.id)}">` : ''
  return template
    .replace(/\{\{t:([\w.]+)\}\}/g, (_, key: string) => escapeHtml(t(key)))
    .replaceAll('{{lang}}', language)
    .replace('{{languageOptions}}', () => options.join(''))
    .replace('{{articleInput}}', () => articleInput)
    .replace('{{strings}}', () => JSON.stringify(page).replace(/</g, '\\u003c'))
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
 * `/?article=<id>` opens that article's check; other query parameters named after facts prefill answers
 * (read by the script). `embedOrigins` (the frame ancestors) may exchange messages with the page.
 *
 * @example
 * registerPage(app, deps, ['https://helpdesk.example']) // in createApp, after the middleware
 */
export function registerPage(
  app: OpenAPIHono<AppEnv>,
  _deps: RouteDeps,
  embedOrigins: readonly string[] = [],
): void {
  app.get('/', async (c) => {
    const html = await renderPage(c.var.snapshot, c.var.language, c.req.query('article'), embedOrigins)
    return c.html(html, 200, { 'Cache-Control': 'no-cache' })
  })
  app.get('/assets/:name', async (c, next) => {
    const name = c.req.param('name')
    const type = assets.get(name)
    if (!type) return next()
    return c.body(await asset(name), 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' })
  })
}
