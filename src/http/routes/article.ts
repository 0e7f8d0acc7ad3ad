/** @module `GET /v1/articles/{id}`: one article's metadata, documents, languages and revisions. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { articleRevisions } from '../../render/article-revisions.ts'
import { languages } from '../../render/i18n.ts'
import { documentKinds } from '../../render/renderer.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { problemContent } from '../problem.ts'
import { ArticleParam, LanguageOnlyQuery } from '../schemas.ts'
import { requireArticle } from './check.ts'

const formats = ['md', 'html', 'text', 'json'] as const

const DocumentLinkSchema = z.object({
  kind: z.string().openapi({ example: 'kb' }),
  title: z.string(),
  links: z.record(z.enum(formats), z.string()).openapi({
    example: {
      md: '/v1/articles/contoso-1001/kb?lang=en&format=md',
      html: '/v1/articles/contoso-1001/kb?lang=en&format=html',
    },
  }),
})

const RevisionSchema = z
  .object({
    document: z.string().openapi({ description: 'Which document the revision is of (`kb`, `advisory`).' }),
    id: z.string(),
    date: z.string().openapi({ example: '2008-07-08' }),
  })
  .openapi('Revision')

const ArticleDetailSchema = z
  .object({
    id: z.string().openapi({ example: 'contoso-1001' }),
    language: z.enum(languages),
    title: z.string(),
    languages: z.array(z.enum(languages)).openapi({ description: 'The languages every document exists in.' }),
    documents: z.array(DocumentLinkSchema),
    csaf: z.string().openapi({ example: '/v1/articles/contoso-1001/csaf?lang=en' }),
    revisions: z.array(RevisionSchema).openapi({ description: 'Newest first; as in `GET /v1/feed`.' }),
    metadata: z.record(z.string(), z.record(z.string(), z.unknown())).openapi({
      description: 'The numbers, URLs and dates of the article and advisory, as the rules give them.',
    }),
  })
  .openapi('ArticleDetail')

/** The scalar fields of each top-level group of the article data that carries a number or a URL. */
function metadataOf(article: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const metadata: Record<string, Record<string, unknown>> = {}
  for (const [key, value] of Object.entries(article)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue
    const group = value as Record<string, unknown>
    if (!('number' in group) && !('url' in group)) continue
    metadata[key] = Object.fromEntries(
      Object.entries(group).filter(([, field]) => typeof field === 'string' || typeof field === 'number'),
    )
  }
  return metadata
}

/**
 * Register `GET /v1/articles/{id}` (after the `{doc}` and `csaf` routes, which are longer paths).
 *
 * @example
 * await app.request('/v1/articles/contoso-1001?lang=pl') // {id, title, documents: [{kind, title, links}], revisions, …}
 */
export function registerArticle(app: OpenAPIHono<AppEnv>, _deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/v1/articles/{id}',
    operationId: 'getArticle',
    tags: ['articles'],
    summary: 'One article: metadata, documents, languages, revisions',
    request: { params: z.object({ id: ArticleParam }), query: LanguageOnlyQuery },
    responses: {
      200: { description: 'The article.', content: { 'application/json': { schema: ArticleDetailSchema } } },
      404: problemContent('KB_HTTP_UNKNOWN_ARTICLE or KB_HTTP_UNKNOWN_LANGUAGE.'),
    },
  })
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param')
    const language = c.var.language
    const model = requireArticle(c.var.snapshot.kb, id)
    const renderer = c.var.snapshot.renderer
    const documents = await Promise.all(
      // Only the documents the article declares (an article may have none).
      renderer.documentsOf(id).map(async (kind) => ({
        kind,
        title: await renderer.title({ article: id, doc: kind, lang: language }),
        links: Object.fromEntries(
          formats.map((format) => [format, `/v1/articles/${id}/${kind}?lang=${language}&format=${format}`]),
        ) as Record<(typeof formats)[number], string>,
      })),
    )
    return c.json(
      {
        id,
        language,
        title: documents[0]?.title ?? id,
        languages: [...languages],
        documents,
        csaf: `/v1/articles/${id}/csaf?lang=${language}`,
        revisions: articleRevisions(model.article, documentKinds),
        metadata: metadataOf(model.article as unknown as Record<string, unknown>),
      },
      200,
    )
  })
}
