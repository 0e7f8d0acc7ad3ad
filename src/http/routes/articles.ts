/** @module `GET /v1/articles`: the articles of the knowledge base with localized titles. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { problemContent } from '../problem.ts'
import { ArticleListSchema, LanguageOnlyQuery } from '../schemas.ts'

/**
 * Register `GET /v1/articles`.
 *
 * @example
 * registerArticles(app, deps) // in createApp, after the middleware
 */
export function registerArticles(app: OpenAPIHono<AppEnv>, _deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/v1/articles',
    operationId: 'listArticles',
    tags: ['articles'],
    summary: 'List the articles',
    request: { query: LanguageOnlyQuery },
    responses: {
      200: {
        description: 'The articles, titles in the negotiated language.',
        content: { 'application/json': { schema: ArticleListSchema } },
      },
      404: problemContent('KB_HTTP_UNKNOWN_LANGUAGE.'),
    },
  })
  app.openapi(route, async (c) => {
    const language = c.var.language
    const renderer = c.var.snapshot.renderer
    const articles = await Promise.all(
      c.var.snapshot.kb.model.articles.map(async ({ id, article }) => {
        const { kb, advisory } = article
        const title = (doc: 'kb' | 'advisory') => renderer.title({ article: id, doc, lang: language })
        const link = (doc: 'kb' | 'advisory') => `/v1/articles/${id}/${doc}?lang=${language}`
        return {
          id,
          ...(kb && { title: await title('kb') }),
          ...(advisory && { advisoryTitle: await title('advisory') }),
          documents: { ...(kb && { kb: link('kb') }), ...(advisory && { advisory: link('advisory') }) },
          ...(kb && { kb: { number: kb.number, url: kb.url } }),
          ...(advisory && { advisory: { number: advisory.number, url: advisory.url } }),
        }
      }),
    )
    return c.json({ language, articles }, 200)
  })
}
