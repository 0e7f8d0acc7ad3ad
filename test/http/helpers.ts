/** @module Shared by the HTTP and browser tests: the app over the real knowledge base, the seed logs, locale strings. */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { type AppOptions, createApp } from '../../src/http/app.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { loadResources, mergeResources } from '../../src/render/i18n.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))

let shared: Promise<KnowledgeBase> | undefined
/** The built-in knowledge base, loaded once per test file. */
export function knowledgeBase(): Promise<KnowledgeBase> {
  shared ??= loadKnowledgeBase()
  return shared
}

/** The app over the built-in knowledge base, silent unless a logger is given. */
export async function testApp(options: Partial<AppOptions> = {}) {
  return createApp({ kb: await knowledgeBase(), logger: () => {}, ...options })
}

/** The fictional fixture article (test/fixtures/fictional): its rules, and its strings over the project's. */
export const fictionalDir = `${root}test/fixtures/fictional`

/** The app over the fictional article alone: the page and API for an article that is not 954960. */
export async function fictionalApp() {
  return createApp({
    kb: await loadKnowledgeBase(`${fictionalDir}/rules`),
    resources: mergeResources(await loadResources(), await loadResources(`${fictionalDir}/locales`)),
    logger: () => {},
  })
}

interface LogLine {
  timestamp?: string
  text: string
  continuation?: boolean
  elided?: boolean
}

function seedLines(side: 'client' | 'server'): LogLine[] {
  const article = parse(readFileSync(`${root}rules/articles/954960/article.yaml`, 'utf8'))
  return article.logs[side].lines as LogLine[]
}

/** The client WindowsUpdate.log excerpt of the seed (the advisory prints it), as a log file would hold it. */
export function seedClientLog(): string {
  return seedLines('client')
    .map((line) => `${line.timestamp}\t${line.text}`)
    .join('\r\n')
    .concat('\r\n')
}

/** The server SoftwareDistribution.log excerpt of the seed. */
export function seedServerLog(): string {
  return seedLines('server')
    .filter((line) => !line.elided)
    .map((line) => (line.continuation ? `   ${line.text}` : `${line.timestamp} ${line.text}`))
    .join('\r\n')
    .concat('\r\n')
}

/** A string of `locales/<lang>/<ns>.yaml` at a dotted key, falling back to English like the app does. */
export function localeString(lang: string, ns: string, key: string): string {
  for (const language of [lang, 'en']) {
    const file = `${root}locales/${language}/${ns}.yaml`
    if (!existsSync(file)) continue
    const value = key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown>)?.[part],
        parse(readFileSync(file, 'utf8')),
      )
    if (typeof value === 'string') return value
  }
  throw new Error(`Expected a string at ${ns}:${key} in locales/${lang} or locales/en, not none`)
}

/** POST JSON to the app. */
export function postJson(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** A response body as JSON, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
export async function json(response: Response | Promise<Response>): Promise<any> {
  return (await response).json()
}

/** The page's sentence for what a log of `kind` shows (`web` `evidence.<level>` with the kind's label). */
export function evidenceSentence(lang: string, kind: string, level = 'confirmed'): string {
  return localeString(lang, 'web', `evidence.${level}`).replace(
    '{{log}}',
    localeString(lang, 'common', `logKinds.${kind}`),
  )
}
