/** @module `GET /v1/search`: find articles by an error code, an id, a symptom sentence or product names. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { languages } from '../../render/i18n.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { problemContent } from '../problem.ts'

/** Query of `GET /v1/search`. */
const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .openapi({
      param: { name: 'q', in: 'query' },
      description: 'Words, an error code, a KB or update id, or a log line.',
      example: '0x8024400E',
    }),
  lang: z
    .string()
    .optional()
    .openapi({
      param: { name: 'lang', in: 'query' },
      description:
        'Search this language only (en, nl, pl, nb) and answer in it. Without it every language is searched, the Accept-Language one preferred on a tie.',
      example: 'nl',
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(10)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'At most this many results (1–100).' }),
})

const SearchResultSchema = z
  .object({
    article: z.string().openapi({ example: 'contoso-1001' }),
    title: z.string().openapi({ description: 'The title of the document (of the KB article for `facts`).' }),
    lang: z.enum(languages),
    document: z
      .string()
      .optional()
      .openapi({ description: 'The document (`kb`, `advisory`); absent when the article data matched.' }),
    section: z.string().optional().openapi({ description: 'The heading of the matching section.' }),
    snippet: z.string().openapi({ description: 'About 200 characters around the first match.' }),
    score: z.number().openapi({ description: 'Higher is better; an exact code or id adds 1000.' }),
    matched: z.array(z.string()).openapi({ description: 'The query words and codes found, as typed.' }),
    link: z.string().openapi({ example: '/v1/articles/contoso-1001/kb?lang=nl&format=html' }),
  })
  .openapi('SearchResult')

const SearchResponseSchema = z
  .object({ query: z.string(), lang: z.enum(languages), results: z.array(SearchResultSchema) })
  .openapi('SearchResponse')

/**
 * Register `GET /v1/search`.
 *
 * @example
 * registerSearch(app, deps)
 * await app.request('/v1/search?q=0x8024400E') // {query, lang, results: [{article, …}]}
 */
export function registerSearch(app: OpenAPIHono<AppEnv>, _deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/v1/search',
    operationId: 'searchArticles',
    tags: ['articles'],
    summary: 'Search every article in every language',
    description:
      'Titles, sections, error codes, log lines and product names of every document. Exact codes and ids rank first; words are stemmed per language and diacritics folded.',
    request: { query: SearchQuery },
    responses: {
      200: {
        description: 'The best matches, best first.',
        content: { 'application/json': { schema: SearchResponseSchema } },
      },
      400: problemContent('KB_HTTP_INVALID_PARAMETER: no `q`, or `limit` out of range.'),
      404: problemContent('KB_HTTP_UNKNOWN_LANGUAGE.'),
    },
  })
  app.openapi(route, async (c) => {
    const { q, limit } = c.req.valid('query')
    const language = c.var.language
    const explicit = (c.req.query('lang') ?? '') !== ''
    const index = await c.var.snapshot.search()
    const hits = index.search(q, explicit ? { lang: language, limit } : { prefer: language, limit })
    const results = hits.map((hit) => ({
      ...hit,
      link: hit.document
        ? `/v1/articles/${hit.article}/${hit.document}?lang=${hit.lang}&format=html`
        : `/v1/articles/${hit.article}?lang=${hit.lang}`,
    }))
    return c.json({ query: q, lang: language, results }, 200)
  })
}
