/** @module `POST /v1/diagnose`: logs of any registered kind in, each article's evidence and verdict out; `GET /v1/diagnose/log-kinds`. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { FactProblem } from '../../engine/facts.ts'
import type { SignaturesFile } from '../../kb/schema/signatures.ts'
import type { DiagnoseResult, KnowledgeBase } from '../../knowledge-base.ts'
import { kindsRead } from '../../logs/diagnose.ts'
import { type DiagnoseInputs, logShortcuts, unknownKind } from '../../logs/log-inputs.ts'
import type { LogInput } from '../../logs/sources.ts'
import { rankDiagnoses } from '../../search/rank-diagnoses.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { asFactsProblem } from '../facts-problem.ts'
import { localizeForApi } from '../localize-response.ts'
import { jsonBody } from '../middleware.ts'
import { HttpProblem, problemBody, problemContent, problemResponse } from '../problem.ts'
import { checkDeclaredLength, limitedChunks, mediaType, readLimited, tooLarge } from '../read-body.ts'
import { replyContent, replyFormat, replyMediaType, replyText } from '../reply-format.ts'
import {
  DiagnoseFormSchema,
  DiagnoseJsonSchema,
  DiagnoseQuery,
  DiagnoseResponseSchema,
  LanguageOnlyQuery,
  LogKindListSchema,
} from '../schemas.ts'
import { requireArticle } from './check.ts'

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/

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
 * and its parts are counted before the form parser sees it; JSON is read and parsed here under the same
 * limit. At most `maxConcurrentUploads` at once.
 */
function logsBody(limit: number): MiddlewareHandler<AppEnv> {
  const jsonLogs = jsonBody(limit)
  let active = 0
  return async (c, next) => {
    const type = mediaType(c.req.raw)
    const json = JSON_TYPE.test(type)
    if (type !== 'multipart/form-data' && type !== 'text/plain' && !json) {
      throw new HttpProblem(
        'KB_HTTP_UNSUPPORTED_MEDIA_TYPE',
        `Expected a body of type text/plain (one log, with ?kind=), multipart/form-data (a field per log kind, facts) or application/json ({"logs": {kind: text}, "facts": {…}}), not ${type === '' ? 'none' : `\`${type}\``}`,
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
      if (json) return await jsonLogs(c, next)
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

/** The articles to diagnose: all with signatures, or the one asked for. */
function signatureArticles(kb: KnowledgeBase, only: string | undefined): SignaturesFile[] {
  const candidates = only === undefined ? kb.model.articles : [requireArticle(kb, only)]
  const found = candidates.flatMap((article) => {
    const signatures = article.extras.signatures as SignaturesFile | undefined
    return signatures ? [signatures] : []
  })
  if (found.length === 0) {
    throw new HttpProblem(
      'KB_HTTP_UNKNOWN_ARTICLE',
      `Expected an article with symptom signatures (a \`kind: signatures\` file), not ${only === undefined ? 'none in the knowledge base' : `\`${only}\`, which has none`}`,
    )
  }
  return found
}

/** Puts one log field (a kind id or a shortcut) into the inputs, or answers 400 for an unknown name. */
function addLog(kb: KnowledgeBase, inputs: DiagnoseInputs, field: string, logs: LogInput[]): void {
  if ((logShortcuts as readonly string[]).includes(field)) {
    const shortcut = field as (typeof logShortcuts)[number]
    if (!kb.model.logKinds.some((kind) => kind.shortcut === shortcut)) {
      throw new HttpProblem(
        'KB_HTTP_INVALID_PARAMETER',
        `Expected a log kind marked \`shortcut: ${shortcut}\`, not none in this knowledge base: name the kind instead`,
        { parameter: field },
      )
    }
    inputs[shortcut] = [...((inputs[shortcut] as LogInput[] | undefined) ?? []), ...logs]
    return
  }
  const ids = kb.model.logKinds.map((kind) => kind.id)
  if (!ids.includes(field)) {
    throw new HttpProblem('KB_HTTP_INVALID_PARAMETER', unknownKind(field, [...ids, ...logShortcuts]), {
      parameter: field,
    })
  }
  inputs.logs = { ...inputs.logs, [field]: [...((inputs.logs?.[field] as LogInput[]) ?? []), ...logs] }
}

function parseFactsField(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return {}
  try {
    return JSON.parse(value)
  } catch (error) {
    throw new HttpProblem(
      'KB_HTTP_MALFORMED_JSON',
      `Expected the \`facts\` field to be a JSON object, not text that fails to parse: ${(error as Error).message}`,
      { parameter: 'facts' },
    )
  }
}

/** Multipart: every field but `facts` is a log, named by kind id or shortcut; files or pasted text. */
async function formInputs(kb: KnowledgeBase, form: Record<string, unknown>) {
  const inputs: DiagnoseInputs = {}
  for (const [field, given] of Object.entries(form)) {
    if (field === 'facts') continue
    const list = Array.isArray(given) ? given : [given]
    const logs = await Promise.all(
      list.map(async (value: unknown, index): Promise<LogInput> => {
        // A pasted string is always text: never let a one-line value be taken for a file path.
        if (typeof value === 'string') return { text: value, name: `${field}[${index}]` }
        const file = value as File
        return { name: file.name || `${field}[${index}]`, content: new Uint8Array(await file.arrayBuffer()) }
      }),
    )
    addLog(kb, inputs, field, logs)
  }
  return { inputs, facts: parseFactsField(form.facts) }
}

/** JSON: `{logs: {kind: text | text[]}, client?, server?}`; every log is text. */
function jsonInputs(kb: KnowledgeBase, body: z.infer<typeof DiagnoseJsonSchema>) {
  const inputs: DiagnoseInputs = {}
  const texts = (field: string, given: string | string[]) =>
    (Array.isArray(given) ? given : [given]).map((text, index) => ({ text, name: `${field}[${index}]` }))
  for (const [field, given] of Object.entries(body.logs ?? {})) addLog(kb, inputs, field, texts(field, given))
  for (const shortcut of logShortcuts) {
    const given = body[shortcut]
    if (given !== undefined) addLog(kb, inputs, shortcut, texts(shortcut, given))
  }
  return inputs
}

/**
 * Register `POST /v1/diagnose` and `GET /v1/diagnose/log-kinds`.
 *
 * @example
 * registerDiagnose(app, deps) // in createApp, after the middleware
 */
export function registerDiagnose(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  registerLogKinds(app)
  const route = createRoute({
    method: 'post',
    path: '/v1/diagnose',
    operationId: 'diagnoseLogs',
    tags: ['check'],
    summary: 'Look for the articles\' symptoms in logs, then answer "am I affected?"',
    description:
      'Logs are named by log kind (`GET /v1/diagnose/log-kinds`; `client` and `server` are shortcuts). A text/plain body is one log (`kind` says which) and is read as a stream; multipart/form-data takes one field per kind (files or text, repeatable) and optional `facts` (JSON); application/json takes `{"logs": {kind: text or [texts]}, "facts": {…}}`. Each article reads only the kinds its signatures name, and its evidence counts for it alone; articles that read none of the given kinds are left out. The byte limit (32 MiB by default) is enforced while reading.',
    middleware: [logsBody(deps.limits.logs)] as const,
    request: {
      query: DiagnoseQuery,
      body: {
        required: true,
        content: {
          'text/plain': {
            schema: z.string().openapi({ description: 'One log of the kind `kind` names.' }),
          },
          'multipart/form-data': { schema: DiagnoseFormSchema },
          'application/json': { schema: DiagnoseJsonSchema },
        },
      },
    },
    responses: {
      200: {
        description: 'The evidence per article and the verdicts with it.',
        content: { 'application/json': { schema: DiagnoseResponseSchema }, ...replyContent },
      },
      400: problemContent(
        'KB_HTTP_MISSING_LOG (no log, or none of a kind an article reads), KB_HTTP_INVALID_PARAMETER (an unknown log kind as `kind` or field name; no `kind` for text/plain), KB_HTTP_MALFORMED_JSON, KB_HTTP_MALFORMED_FORM, KB_HTTP_UNREADABLE_LOG.',
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
    let inputs: DiagnoseInputs = {}
    let facts: unknown = {}
    let exceeded = () => false
    const type = mediaType(c.req.raw)
    if (type === 'text/plain') {
      if (!query.kind) {
        throw new HttpProblem(
          'KB_HTTP_INVALID_PARAMETER',
          'Expected `kind` (a log kind such as `windowsupdate`, or `client`/`server`) with a text/plain log, not no `kind`',
          { parameter: 'kind' },
        )
      }
      // Read once for every article (a stream cannot be read twice): no copy needed.
      const body = limitedChunks(c.req.raw, deps.limits.logs)
      addLog(kb, inputs, query.kind, [{ name: query.kind, content: body.chunks }])
      exceeded = body.exceeded
    } else if (JSON_TYPE.test(type)) {
      // Facts as parsed (not through zod), like POST /v1/check: a `__proto__` key stays plain data.
      inputs = jsonInputs(kb, c.req.valid('json') as z.infer<typeof DiagnoseJsonSchema>)
      facts = (c.var.json as { facts?: unknown }).facts ?? {}
    } else {
      ;({ inputs, facts } = await formInputs(kb, c.req.valid('form') as Record<string, unknown>))
    }
    const given = [...Object.keys(inputs.logs ?? {}), ...logShortcuts.filter((name) => inputs[name])]
    if (given.length === 0) {
      throw new HttpProblem(
        'KB_HTTP_MISSING_LOG',
        'Expected at least one log (a field per log kind), not none',
      )
    }
    let warnings: FactProblem[]
    let diagnosed: DiagnoseResult[]
    try {
      const { prepared, options } = c.var.snapshot.prepareFacts(facts)
      warnings = prepared.warnings
      diagnosed = await kb.diagnose(inputs, {
        facts: facts as Record<string, unknown>,
        ...options,
        ...(query.article === undefined ? {} : { article: query.article }),
      })
    } catch (error) {
      throw asFactsProblem(error)
    }
    if (exceeded()) throw tooLarge(deps.limits.logs)
    if (diagnosed.length === 0) {
      const read = [...new Set(articles.flatMap((signatures) => kindsRead(signatures)))]
      throw new HttpProblem(
        'KB_HTTP_MISSING_LOG',
        `Expected a log of a kind that ${query.article === undefined ? 'an article' : `article \`${query.article}\``} reads (${read.map((kind) => `\`${kind}\``).join(', ')}), not only ${given.map((kind) => `\`${kind}\``).join(', ')}`,
      )
    }
    const unreadable = diagnosed
      .flatMap(({ diagnosis }) => Object.values(diagnosis.logs).flatMap((kind) => kind.files))
      .find((file) => file.problem)
    if (unreadable?.problem) {
      // The reader's problem is already one "Expected …, not …" sentence naming the log.
      throw new HttpProblem('KB_HTTP_UNREADABLE_LOG', unreadable.problem)
    }
    const i18n = await c.var.snapshot.i18n(c.var.language)
    // Without `article`, every article with signatures read the logs: the strongest evidence comes first.
    const { ordered, ranking } = rankDiagnoses(diagnosed)
    const evidence = ordered.map(({ diagnosis }) => diagnosis)
    const results = ordered.map(({ check }) => localizeForApi(check, i18n, kb))
    const format = replyFormat(query.format, c.req.header('accept'))
    if (format !== 'json') {
      const text = await replyText(c, format, results, i18n, evidence)
      return c.body(text, 200, { 'content-type': replyMediaType(format), Vary: 'Accept' }) as never
    }
    return c.json({ language: c.var.language, ranking, evidence, results, warnings }, 200)
  })
}

/** `GET /v1/diagnose/log-kinds`: what a client may send, with localized labels and the articles that read each kind. */
function registerLogKinds(app: OpenAPIHono<AppEnv>): void {
  const route = createRoute({
    method: 'get',
    path: '/v1/diagnose/log-kinds',
    operationId: 'listLogKinds',
    tags: ['check'],
    summary: 'List the log kinds that `POST /v1/diagnose` reads',
    request: { query: LanguageOnlyQuery },
    responses: {
      200: {
        description: 'The log kinds of the knowledge base, labels in the negotiated language.',
        content: { 'application/json': { schema: LogKindListSchema } },
      },
      404: problemContent('KB_HTTP_UNKNOWN_LANGUAGE.'),
    },
  })
  app.openapi(route, async (c) => {
    const { kb } = c.var.snapshot
    const i18n = await c.var.snapshot.i18n(c.var.language)
    const readers = kb.model.articles.flatMap((article) => {
      const signatures = article.extras.signatures as SignaturesFile | undefined
      return signatures ? [{ id: article.id, kinds: kindsRead(signatures) }] : []
    })
    const kinds = kb.model.logKinds.map((kind) => ({
      ...kind,
      label: i18n.t(`logKinds.${kind.id}`, { ns: 'common' }) as string,
      articles: readers.filter((reader) => reader.kinds.includes(kind.id)).map((reader) => reader.id),
    }))
    return c.json({ language: c.var.language, kinds }, 200)
  })
}
