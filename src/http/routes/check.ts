/** @module `POST /v1/check`: facts in, verdicts with localized reasons, steps and questions out. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { KnowledgeBase } from '../../knowledge-base.ts'
import { answerKey } from '../answer-cache.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { asFactsProblem } from '../facts-problem.ts'
import { localizeForApi } from '../localize-response.ts'
import { jsonBody } from '../middleware.ts'
import { HttpProblem, problemContent } from '../problem.ts'
import { CheckQuery, CheckResponseSchema, FactsSchema } from '../schemas.ts'

/**
 * Run `kb.check`, turning invalid facts into `KB_HTTP_INVALID_FACTS` and an unknown `article` into
 * `KB_HTTP_UNKNOWN_ARTICLE`.
 *
 * @example
 * const report = await checkFacts(kb, {wsusVersion: '3.0'}, undefined)
 */
async function checkFacts(kb: KnowledgeBase, facts: unknown, article: string | undefined) {
  if (article !== undefined) requireArticle(kb, article)
  try {
    return await kb.check(facts, article === undefined ? {} : { article })
  } catch (error) {
    throw asFactsProblem(error)
  }
}

/**
 * Throw `KB_HTTP_UNKNOWN_ARTICLE` unless the knowledge base has the article.
 *
 * @example
 * const model = requireArticle(kb, '954960')
 */
export function requireArticle(kb: KnowledgeBase, id: string) {
  const article = kb.model.articles.find((candidate) => candidate.id === id)
  if (!article) {
    throw new HttpProblem(
      'KB_HTTP_UNKNOWN_ARTICLE',
      `Expected an article of the knowledge base (${kb.articleIds.map((known) => `\`${known}\``).join(', ')}), not \`${id}\``,
    )
  }
  return article
}

/**
 * Register `POST /v1/check`.
 *
 * @example
 * registerCheck(app, deps) // in createApp, after the middleware
 */
export function registerCheck(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'post',
    path: '/v1/check',
    tags: ['check'],
    summary: 'Am I affected? Facts in, verdicts out',
    description:
      'Evaluates the facts against every article (or `article`). `unknown` verdicts list `missingFacts` with a localized question and the accepted values for each.',
    middleware: [jsonBody(deps.limits.json)] as const,
    request: {
      query: CheckQuery,
      body: { required: true, content: { 'application/json': { schema: FactsSchema } } },
    },
    responses: {
      200: {
        description: 'One result per article.',
        content: { 'application/json': { schema: CheckResponseSchema } },
      },
      400: problemContent('KB_HTTP_MALFORMED_JSON: the body is not JSON.'),
      404: problemContent('KB_HTTP_UNKNOWN_ARTICLE or KB_HTTP_UNKNOWN_LANGUAGE.'),
      413: problemContent('KB_HTTP_BODY_TOO_LARGE: over the JSON limit (64 KiB by default).'),
      415: problemContent('KB_HTTP_UNSUPPORTED_MEDIA_TYPE: not application/json.'),
      422: problemContent('KB_HTTP_INVALID_FACTS: a fact has the wrong type or value; `fact` names it.'),
    },
  })
  app.openapi(route, async (c) => {
    const { kb, answers } = c.var.snapshot
    const { article } = c.req.valid('query')
    if (article !== undefined) requireArticle(kb, article)
    // Validated first: the key is made of accepted values only (see answerKey).
    let prepared: ReturnType<KnowledgeBase['prepareFacts']>
    try {
      prepared = kb.prepareFacts(c.var.json)
    } catch (error) {
      throw asFactsProblem(error)
    }
    const key = answerKey(c.var.language, article, prepared.facts, prepared.warnings)
    // The same facts always give the same answer from one snapshot: keep the serialized body.
    const json = (text: string) => c.body(text, 200, { 'content-type': 'application/json' }) as never
    const cached = answers.get(key)
    if (cached !== undefined) return json(cached)
    const report = await checkFacts(kb, c.var.json, article)
    const i18n = await c.var.snapshot.i18n(c.var.language)
    const body = {
      language: c.var.language,
      results: report.results.map((result) => localizeForApi(result, i18n, kb)),
      warnings: report.warnings,
    }
    return json(answers.set(key, JSON.stringify(body)))
  })
}
