/** @module `GET /v1/articles/{id}/csaf`: the article as a CSAF 2.0 security advisory in the negotiated language. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { buildCsaf } from '../../export/csaf-document.ts'
import { CsafExportError } from '../../export/csaf-export-error.ts'
import { csafFileName } from '../../export/csaf-files.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { HttpProblem, problemContent } from '../problem.ts'
import { ArticleParam, LanguageOnlyQuery } from '../schemas.ts'
import { requireArticle } from './check.ts'

/**
 * Register `GET /v1/articles/{id}/csaf` (before the `{doc}` route, which would claim `csaf` otherwise).
 *
 * @example
 * registerCsaf(app, deps)
 * await app.request('/v1/articles/954960/csaf?lang=nl') // 200, the document with tracking id KBA-954960-nl
 */
export function registerCsaf(app: OpenAPIHono<AppEnv>, _deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/v1/articles/{id}/csaf',
    tags: ['articles'],
    summary: 'Read the article as a CSAF 2.0 security advisory',
    description:
      'English is the original; nl, pl and nb are translations (publisher category `translator`, `source_lang: en`). Product status comes from the same rules as `POST /v1/check` (docs/csaf.md).',
    request: { params: z.object({ id: ArticleParam }), query: LanguageOnlyQuery },
    responses: {
      200: {
        description:
          'A `csaf_security_advisory` document that passes the CSAF 2.0 strict schema and mandatory tests.',
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      },
      404: problemContent('KB_HTTP_UNKNOWN_ARTICLE or KB_HTTP_UNKNOWN_LANGUAGE.'),
      422: problemContent(
        'KB_HTTP_CSAF_UNAVAILABLE: the article cannot become a complete CSAF document; `detail` says why (for a product the rules leave undecided: the article, the product and its facts).',
      ),
    },
  })
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param')
    const snapshot = c.var.snapshot
    requireArticle(snapshot.kb, id)
    const document = await buildCsaf(snapshot.kb, {
      article: id,
      lang: c.var.language,
      resources: snapshot.resources,
    }).catch((error: unknown) => {
      // The content cannot give a complete document: the request is fine, the article is not exportable.
      if (error instanceof CsafExportError) throw new HttpProblem('KB_HTTP_CSAF_UNAVAILABLE', error.message)
      throw error
    })
    return c.json(document as unknown as Record<string, unknown>, 200, {
      'Content-Disposition': `inline; filename="${csafFileName(document.document.tracking.id)}"`,
    })
  })
}
