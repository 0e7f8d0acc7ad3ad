/** @module `POST /v1/check`: facts in, verdicts with localized reasons, steps and questions out. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { CheckResult } from '../../engine/check-result.ts'
import type { FactProblem } from '../../engine/facts.ts'
import type { KnowledgeBase } from '../../knowledge-base.ts'
import { answerKey } from '../answer-cache.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { asFactsProblem } from '../facts-problem.ts'
import { localizeForApi } from '../localize-response.ts'
import { jsonBody } from '../middleware.ts'
import { HttpProblem, problemContent } from '../problem.ts'
import { replyContent, replyFormat, replyMediaType, replyText } from '../reply-format.ts'
import { CheckQuery, CheckResponseSchema, FactsSchema } from '../schemas.ts'

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
 * `JSON.stringify({language, results, warnings})` with each result localized and serialized as it comes
 * (`serialize`): the localized results of a thousand articles are never in memory at once, only their text.
 *
 * @example
 * await jsonReply('en', kb.checkEach(facts), (result) => JSON.stringify(localizeForApi(result, i18n, kb))) // '{"language":"en","results":[…],"warnings":[]}'
 */
export async function jsonReply(
  language: string,
  report: { results: AsyncIterable<CheckResult>; warnings: FactProblem[] },
  serialize: (result: CheckResult) => string,
): Promise<string> {
  const results: string[] = []
  for await (const result of report.results) results.push(serialize(result))
  return `{"language":${JSON.stringify(language)},"results":[${results.join(',')}],"warnings":${JSON.stringify(report.warnings)}}`
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
    operationId: 'checkFacts',
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
        content: { 'application/json': { schema: CheckResponseSchema }, ...replyContent },
      },
      400: problemContent('KB_HTTP_MALFORMED_JSON: the body is not JSON.'),
      404: problemContent('KB_HTTP_UNKNOWN_ARTICLE or KB_HTTP_UNKNOWN_LANGUAGE.'),
      413: problemContent('KB_HTTP_BODY_TOO_LARGE: over the JSON limit (64 KiB by default).'),
      415: problemContent('KB_HTTP_UNSUPPORTED_MEDIA_TYPE: not application/json.'),
      422: problemContent('KB_HTTP_INVALID_FACTS: a fact has the wrong type or value; `fact` names it.'),
    },
  })
  app.openapi(route, async (c) => {
    const snapshot = c.var.snapshot
    const { article, format: asked } = c.req.valid('query')
    const format = replyFormat(asked, c.req.header('accept'))
    if (article !== undefined) requireArticle(snapshot.kb, article)
    // Validated first: the key is made of accepted values only (see answerKey).
    let prepared: ReturnType<KnowledgeBase['prepareFacts']>
    try {
      prepared = snapshot.prepareFacts(c.var.json).prepared
    } catch (error) {
      throw asFactsProblem(error)
    }
    // The facts as sent: with the defaults of every evidence fact of a large knowledge base, the key was too
    // long to keep, and no answer was kept.
    const key = answerKey(c.var.language, article, prepared.given, prepared.warnings)
    const cacheKey = key === undefined ? undefined : `${format}\u0000${key}`
    // The same facts always give the same answer from one snapshot: keep the serialized body.
    const send = (text: string) =>
      (format === 'json'
        ? c.body(text, 200, { 'content-type': 'application/json' })
        : c.body(text, 200, { 'content-type': replyMediaType(format), Vary: 'Accept' })) as never
    const cached = snapshot.answers.get(cacheKey)
    if (cached !== undefined) return send(cached)
    // Validated once, above: the article was checked before the facts.
    const report = snapshot.kb.checkPrepared(prepared, article === undefined ? {} : { article })
    const i18n = await snapshot.i18n(c.var.language)
    const localize = (result: CheckResult) => localizeForApi(result, i18n, snapshot.kb)
    // An article the facts do not concern answers as for the defaults: its text is localized once.
    // With many articles, their texts as an earlier run of these rules and strings filed them (or filed now).
    if (article === undefined && format === 'json')
      await snapshot.defaultAnswerTexts.preload(snapshot.kb, c.var.language, i18n, localize)
    const serialize = (result: CheckResult) =>
      snapshot.kb.isDefaultAnswer(result)
        ? snapshot.defaultAnswerTexts.text(result, c.var.language, localize)
        : JSON.stringify(localize(result))
    const text =
      format === 'json'
        ? await jsonReply(c.var.language, report, serialize)
        : await replyText(c, format, await localizeAll(report.results, localize), i18n)
    return send(snapshot.answers.set(cacheKey, text))
  })
}

async function localizeAll<T>(results: AsyncIterable<CheckResult>, localize: (result: CheckResult) => T) {
  const list: T[] = []
  for await (const result of results) list.push(localize(result))
  return list
}
