/** @module `GET /v1/articles/{id}/{doc}`: the KB article or the advisory, rendered in a language and format. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { formatMediaTypes } from '../document-renderer.ts'
import { HttpProblem, problemContent } from '../problem.ts'
import { DocumentParams, DocumentQuery } from '../schemas.ts'
import { requireArticle } from './check.ts'

/**
 * Register `GET /v1/articles/{id}/{doc}`.
 *
 * @example
 * registerArticleDocument(app, deps) // in createApp, after the middleware
 */
export function registerArticleDocument(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/v1/articles/{id}/{doc}',
    operationId: 'getArticleDocument',
    tags: ['articles'],
    summary: 'Read the KB article or the security advisory',
    request: { params: DocumentParams, query: DocumentQuery },
    responses: {
      200: {
        description: 'The document in the negotiated language and the requested format.',
        content: {
          'text/markdown': { schema: z.string() },
          'text/html': { schema: z.string() },
          'text/plain': { schema: z.string() },
          'application/json': {
            schema: z.record(z.string(), z.unknown()).openapi({ description: 'The document tree.' }),
          },
        },
      },
      400: problemContent('KB_HTTP_INVALID_PARAMETER: `format` is not md, html, text or json.'),
      404: problemContent(
        'KB_HTTP_UNKNOWN_ARTICLE, KB_HTTP_UNKNOWN_LANGUAGE, or KB_HTTP_NOT_FOUND for another `doc`.',
      ),
    },
  })
  app.openapi(route, async (c) => {
    const { id, doc } = c.req.valid('param')
    const { format } = c.req.valid('query')
    const snapshot = c.var.snapshot
    const article = requireArticle(snapshot.kb, id)
    if (article.article[doc] === undefined)
      throw new HttpProblem(
        'KB_HTTP_NOT_FOUND',
        `Expected a document that article \`${id}\` has, not \`${doc}\`; it declares no \`${doc}:\``,
      )
    const language = c.var.language
    const rendered = await deps.renderer({
      snapshot,
      article,
      doc,
      format,
      language,
      i18n: await snapshot.i18n(language),
    })
    const body = typeof rendered === 'string' ? rendered : JSON.stringify(rendered)
    return c.body(body, 200, { 'Content-Type': formatMediaTypes[format] })
  })
}
