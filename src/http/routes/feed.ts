/** @module `GET /v1/feed`: every article's revisions as an Atom 1.0 feed, so a helpdesk learns of changes. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { toString as plainText } from 'mdast-util-to-string'
import { articleRevisions } from '../../render/article-revisions.ts'
import { articleValues } from '../../render/article-values.ts'
import { productsIn } from '../../render/localized-catalog.ts'
import { inlineContent, parseUnsanitized } from '../../render/markdown.ts'
import { documentKinds } from '../../render/renderer.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { problemContent } from '../problem.ts'
import { LanguageOnlyQuery } from '../schemas.ts'

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}
const xml = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]!)
const plain = (markdown: string) =>
  plainText({ type: 'paragraph', children: inlineContent(parseUnsanitized(markdown)) })
const atomDate = (date: string) => `${date.slice(0, 10)}T00:00:00Z`

/**
 * Register `GET /v1/feed`.
 *
 * @example
 * await app.request('/v1/feed?lang=nb') // application/atom+xml, one entry per revision
 */
export function registerFeed(app: OpenAPIHono<AppEnv>, _deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/v1/feed',
    operationId: 'getFeed',
    tags: ['articles'],
    summary: 'Changes to the articles, as Atom 1.0',
    description:
      'One entry per revision of each document (advisory revisions, the KB article review and technical update), newest first, linking to the document in the language asked for.',
    request: { query: LanguageOnlyQuery },
    responses: {
      200: {
        description: 'An Atom 1.0 feed.',
        content: { 'application/atom+xml': { schema: z.string() } },
      },
      404: problemContent('KB_HTTP_UNKNOWN_LANGUAGE.'),
    },
  })
  app.openapi(route, async (c) => {
    const language = c.var.language
    const { kb, renderer } = c.var.snapshot
    const i18n = await c.var.snapshot.i18n(language)
    const origin = new URL(c.req.url).origin
    const entries: Array<{ id: string; updated: string; title: string; link: string; summary: string }> = []
    for (const model of kb.model.articles) {
      const data = model.article as unknown as Record<string, Record<string, unknown> | undefined>
      const values = articleValues(model.article, productsIn(kb.model.products, i18n), language)
      for (const revision of articleRevisions(model.article, documentKinds)) {
        const doc = revision.document as (typeof documentKinds)[number]
        const params = { ...values, date: new Date(revision.date), revision: data[doc]?.revision ?? '' }
        const summary = i18n.t([`${doc}.revisions.${revision.id}`, `common:feed.${revision.id}`], {
          ns: model.id,
          ...params,
          defaultValue: `${revision.date}: ${revision.id}`,
        }) as string
        entries.push({
          id: `urn:kb-advisor:${model.id}:${doc}:${revision.id}:${revision.date}`,
          updated: atomDate(revision.date),
          title: await renderer.title({ article: model.id, doc, lang: language }),
          link: `${origin}/v1/articles/${model.id}/${doc}?lang=${language}&format=html`,
          summary: plain(summary),
        })
      }
    }
    entries.sort((a, b) => b.updated.localeCompare(a.updated))
    const self = `${origin}/v1/feed?lang=${language}`
    const feed = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
      `  <id>urn:kb-advisor:feed:${language}</id>`,
      `  <title>${xml(i18n.t('feed.title', { ns: 'common' }) as string)}</title>`,
      `  <updated>${entries[0]?.updated ?? atomDate('1970-01-01')}</updated>`,
      `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
      '  <author><name>kb-advisor</name></author>',
      ...entries.map((entry) =>
        [
          '  <entry>',
          `    <id>${xml(entry.id)}</id>`,
          `    <updated>${entry.updated}</updated>`,
          `    <title>${xml(entry.title)}</title>`,
          `    <link rel="alternate" type="text/html" href="${xml(entry.link)}"/>`,
          `    <summary>${xml(entry.summary)}</summary>`,
          '  </entry>',
        ].join('\n'),
      ),
      '</feed>',
      '',
    ].join('\n')
    return c.body(feed, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' }) as never
  })
}
