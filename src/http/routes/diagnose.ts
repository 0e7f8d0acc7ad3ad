/** @module `POST /v1/diagnose`: client and/or server logs in, symptom evidence and verdicts out. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { FactProblem } from '../../engine/facts.ts'
import type { SignaturesFile } from '../../kb/schema/signatures.ts'
import type { DiagnoseResult, KnowledgeBase } from '../../knowledge-base.ts'
import type { LogSide } from '../../logs/diagnose.ts'
import type { LogInput } from '../../logs/sources.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { asFactsProblem } from '../facts-problem.ts'
import { localizeForApi } from '../localize-response.ts'
import { HttpProblem, problemBody, problemContent, problemResponse } from '../problem.ts'
import { checkDeclaredLength, limitedChunks, mediaType, readLimited, tooLarge } from '../read-body.ts'
import { DiagnoseFormSchema, DiagnoseQuery, DiagnoseResponseSchema } from '../schemas.ts'
import { requireArticle } from './check.ts'

type Inputs = Partial<Record<LogSide, LogInput[]>>

/**
 * Parts of one multipart body at most: a few client and server logs and `facts`. Every part becomes a
 * diagnosed log in the answer, so thousands of tiny parts would cost far more than their bytes.
 *
 * @example
 * if (parts > maxParts) throw new HttpProblem('KB_HTTP_TOO_MANY_PARTS', …)
 */
export const maxParts = 16

/**
 * Diagnose uploads read at once by one app; the next one gets 503 `KB_HTTP_BUSY` at once rather than
 * waiting, so slow uploads cannot pile up memory (each may hold up to the body limit).
 *
 * @example
 * if (active >= maxConcurrentUploads) return busyResponse(c.req.path)
 */
export const maxConcurrentUploads = 4

/**
 * text/plain is streamed by the handler; multipart is read here, under the limit (all parts together),
 * and its parts are counted before the form parser sees it. At most `maxConcurrentUploads` at once.
 */
function logsBody(limit: number): MiddlewareHandler<AppEnv> {
  let active = 0
  return async (c, next) => {
    const type = mediaType(c.req.raw)
    if (type !== 'multipart/form-data' && type !== 'text/plain') {
      throw new HttpProblem(
        'KB_HTTP_UNSUPPORTED_MEDIA_TYPE',
        `Expected a body of type text/plain (one log, with ?kind=client or ?kind=server) or multipart/form-data (fields client, server, facts), not ${type === '' ? 'none' : `\`${type}\``}`,
      )
    }
    if (active >= maxConcurrentUploads) {
      return problemResponse(
        problemBody(
          'KB_HTTP_BUSY',
          `Expected at most ${maxConcurrentUploads} log uploads at once, not more; send it again in a moment`,
          { instance: c.req.path },
        ),
        { 'Retry-After': '1' },
      )
    }
    active++
    try {
      if (type === 'multipart/form-data') {
        checkDeclaredLength(c.req.raw, limit)
        const body = await readLimited(c.req.raw, limit)
        const boundary = /;\s*boundary="?([^";]+)"?/i.exec(c.req.header('content-type') ?? '')?.[1]
        if (boundary !== undefined && countParts(body, boundary) > maxParts) {
          throw new HttpProblem(
            'KB_HTTP_TOO_MANY_PARTS',
            `Expected at most ${maxParts} parts in a multipart body, not more`,
            { limit: maxParts },
          )
        }
        c.req.raw = new Request(c.req.raw, { body })
      }
      await next()
    } finally {
      active--
    }
  }
}

/** Parts of a multipart body: its delimiters, the closing one excepted; stops counting past `maxParts`. */
function countParts(body: Uint8Array, boundary: string): number {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const delimiter = Buffer.from(`--${boundary}`)
  let count = -1
  for (
    let at = bytes.indexOf(delimiter);
    at !== -1 && count <= maxParts;
    at = bytes.indexOf(delimiter, at + 1)
  )
    count++
  return count
}

function signatureArticles(kb: KnowledgeBase, only: string | undefined) {
  const candidates = only === undefined ? kb.model.articles : [requireArticle(kb, only)]
  const found = candidates.flatMap((article) => {
    const signatures = article.extras.signatures as SignaturesFile | undefined
    return signatures ? [{ id: article.id, signatures }] : []
  })
  if (found.length === 0) {
    throw new HttpProblem(
      'KB_HTTP_UNKNOWN_ARTICLE',
      `Expected an article with symptom signatures (a \`kind: signatures\` file), not ${only === undefined ? 'none in the knowledge base' : `\`${only}\`, which has none`}`,
    )
  }
  return found
}

async function formInputs(form: Record<string, unknown>): Promise<{ inputs: Inputs; facts: unknown }> {
  const inputs: Inputs = {}
  for (const side of ['client', 'server'] as const) {
    const given = form[side]
    if (given === undefined) continue
    const list = Array.isArray(given) ? given : [given]
    inputs[side] = await Promise.all(
      list.map(async (value: unknown, index): Promise<LogInput> => {
        // A pasted string is always text: never let a one-line value be taken for a file path.
        if (typeof value === 'string') return { text: value, name: `${side}[${index}]` }
        const file = value as File
        return { name: file.name || `${side}[${index}]`, content: new Uint8Array(await file.arrayBuffer()) }
      }),
    )
  }
  let facts: unknown = {}
  if (typeof form.facts === 'string' && form.facts.trim() !== '') {
    try {
      facts = JSON.parse(form.facts)
    } catch (error) {
      throw new HttpProblem(
        'KB_HTTP_MALFORMED_JSON',
        `Expected the \`facts\` field to be a JSON object, not text that fails to parse: ${(error as Error).message}`,
        { parameter: 'facts' },
      )
    }
  }
  return { inputs, facts }
}

/**
 * Register `POST /v1/diagnose`.
 *
 * @example
 * registerDiagnose(app, deps) // in createApp, after the middleware
 */
export function registerDiagnose(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'post',
    path: '/v1/diagnose',
    tags: ['check'],
    summary: 'Look for the symptom in logs, then answer "am I affected?"',
    description:
      'A text/plain body is one log (`kind` says which) and is read as a stream; multipart/form-data takes `client` and `server` files or text fields (repeatable) and optional `facts` (JSON). The byte limit (32 MiB by default) is enforced while reading.',
    middleware: [logsBody(deps.limits.logs)] as const,
    request: {
      query: DiagnoseQuery,
      body: {
        required: true,
        content: {
          'text/plain': {
            schema: z.string().openapi({ description: 'One WindowsUpdate.log or SoftwareDistribution.log.' }),
          },
          'multipart/form-data': { schema: DiagnoseFormSchema },
        },
      },
    },
    responses: {
      200: {
        description: 'The evidence per article and the verdicts with it.',
        content: { 'application/json': { schema: DiagnoseResponseSchema } },
      },
      400: problemContent(
        'KB_HTTP_MISSING_LOG, KB_HTTP_INVALID_PARAMETER (no `kind` for text/plain), KB_HTTP_MALFORMED_JSON (`facts`), KB_HTTP_MALFORMED_FORM, KB_HTTP_UNREADABLE_LOG.',
      ),
      404: problemContent('KB_HTTP_UNKNOWN_ARTICLE or KB_HTTP_UNKNOWN_LANGUAGE.'),
      413: problemContent('KB_HTTP_BODY_TOO_LARGE, KB_HTTP_TOO_MANY_PARTS (more than 16 parts).'),
      415: problemContent('KB_HTTP_UNSUPPORTED_MEDIA_TYPE.'),
      422: problemContent('KB_HTTP_INVALID_FACTS: a fact in `facts` is invalid.'),
      503: problemContent('KB_HTTP_BUSY: more than 4 uploads at once; retry after `Retry-After` seconds.'),
    },
  })
  app.openapi(route, async (c) => {
    const { kb } = c.var.snapshot
    const query = c.req.valid('query')
    const articles = signatureArticles(kb, query.article)
    let inputs: Inputs = {}
    let facts: unknown = {}
    let exceeded = () => false
    if (mediaType(c.req.raw) === 'text/plain') {
      if (!query.kind) {
        throw new HttpProblem(
          'KB_HTTP_INVALID_PARAMETER',
          'Expected `kind=client` or `kind=server` with a text/plain log, not no `kind`',
          { parameter: 'kind' },
        )
      }
      if (articles.length === 1) {
        const body = limitedChunks(c.req.raw, deps.limits.logs)
        inputs[query.kind] = [{ name: query.kind, content: body.chunks }]
        exceeded = body.exceeded
      } else {
        // Several articles read the same log: keep the bytes (within the limit) to read them again.
        inputs[query.kind] = [{ name: query.kind, content: await readLimited(c.req.raw, deps.limits.logs) }]
      }
    } else {
      ;({ inputs, facts } = await formInputs(c.req.valid('form') as Record<string, unknown>))
    }
    if (!inputs.client && !inputs.server) {
      throw new HttpProblem('KB_HTTP_MISSING_LOG', 'Expected a `client` or `server` log, not neither')
    }
    let warnings: FactProblem[]
    let diagnosed: DiagnoseResult[]
    try {
      warnings = kb.prepareFacts(facts).warnings
      diagnosed = await kb.diagnose(inputs, {
        facts: facts as Record<string, unknown>,
        ...(query.article === undefined ? {} : { article: query.article }),
      })
    } catch (error) {
      throw asFactsProblem(error)
    }
    if (exceeded()) throw tooLarge(deps.limits.logs)
    const unreadable = diagnosed
      .flatMap(({ diagnosis }) => [diagnosis.client, diagnosis.server])
      .flatMap((side) => side?.files ?? [])
      .find((file) => file.problem)
    if (unreadable?.problem) {
      // The reader's problem is already one "Expected …, not …" sentence naming the log.
      throw new HttpProblem('KB_HTTP_UNREADABLE_LOG', unreadable.problem)
    }
    const i18n = await c.var.snapshot.i18n(c.var.language)
    const evidence = diagnosed.map(({ diagnosis }) => diagnosis)
    const results = diagnosed.map(({ check }) => localizeForApi(check, i18n, kb))
    return c.json({ language: c.var.language, evidence, results, warnings }, 200)
  })
}
