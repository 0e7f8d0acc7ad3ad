/** @module The HTTP app: the API, the OpenAPI document and the "Am I affected?" page, ready to mount. */
import { readFileSync } from 'node:fs'
import { OpenAPIHono } from '@hono/zod-openapi'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import type { Resource } from 'i18next'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { type AccessOptions, rateLimit, requireApiKey } from './access.ts'
import { type AppEnv, type BodyLimits, defaultBodyLimits, type RouteDeps } from './app-env.ts'
import { caching } from './caching.ts'
import { builtInRenderer, type DocumentRenderer } from './document-renderer.ts'
import { KnowledgeBaseHolder } from './knowledge-holder.ts'
import { localizeProblems } from './localize-problem.ts'
import { allowedMethods } from './method-not-allowed.ts'
import { language, snapshot } from './middleware.ts'
import { registerOpenApi } from './openapi.ts'
import { HttpProblem, type ProblemCode, problemBody, problemResponse } from './problem.ts'
import { allowReplay } from './replay.ts'
import { type RequestLogger, requestLog, stderrLogger } from './request-log.ts'
import { memoizeResponses } from './response-memo.ts'
import { registerArticle } from './routes/article.ts'
import { registerArticleDocument } from './routes/article-document.ts'
import { registerArticles } from './routes/articles.ts'
import { registerCheck } from './routes/check.ts'
import { registerCsaf } from './routes/csaf.ts'
import { registerDiagnose } from './routes/diagnose.ts'
import { registerFacts } from './routes/facts.ts'
import { registerFeed } from './routes/feed.ts'
import { registerHealth } from './routes/health.ts'
import { registerPage } from './routes/page.ts'
import { registerSearch } from './routes/search.ts'
import { securityHeaders } from './security-headers.ts'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

/** Options of `createApp`. */
export interface AppOptions {
  /** The knowledge base, or a holder to swap it at run time (hot reload). */
  kb: KnowledgeBase | KnowledgeBaseHolder
  /** Locale strings; the project's `locales/` when absent. Ignored when `kb` is a holder. */
  resources?: Resource
  /** Renders `GET /v1/articles/{id}/{doc}`; `builtInRenderer` (src/render over the current snapshot) by default. */
  renderer?: DocumentRenderer
  /** Origins allowed by CORS (`*` for any); CORS is off when empty or absent. */
  corsOrigins?: readonly string[]
  /**
   * Who may frame the page (CSP `frame-ancestors`); nobody when empty or absent. These origins may also
   * exchange `kb-advisor:*` messages with the page (docs/embedding.md), and a sandboxed frame's opaque
   * origin (`null`) may then fetch the page's scripts and API.
   */
  frameAncestors?: readonly string[]
  /** Byte limits of request bodies. */
  bodyLimit?: Partial<BodyLimits>
  /** Receives one line per request; JSON lines on stderr by default. Pass `() => {}` for silence. */
  logger?: RequestLogger
  /** API keys and rate limits of `/v1/*`; off when absent (docs/http.md, "Access control"). */
  access?: AccessOptions
}

/** Statuses hono itself may throw (validators, media-type gate), mapped to our codes. */
const statusCodes: Partial<Record<number, ProblemCode>> = {
  400: 'KB_HTTP_MALFORMED_FORM',
  404: 'KB_HTTP_NOT_FOUND',
  413: 'KB_HTTP_BODY_TOO_LARGE',
  415: 'KB_HTTP_UNSUPPORTED_MEDIA_TYPE',
}

/**
 * Build the app. Mount it anywhere that speaks fetch (`app.fetch`), or serve it with `startServer`.
 * Routes live in `routes/`, one file each, registered below with the same `RouteDeps`.
 *
 * @example
 * const app = createApp({kb: await loadKnowledgeBase(), logger: () => {}})
 * const response = await app.request('/v1/check?lang=nl', {
 *   method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({wsusVersion: '3.0'}),
 * })
 */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const holder =
    options.kb instanceof KnowledgeBaseHolder
      ? options.kb
      : new KnowledgeBaseHolder(options.kb, options.resources)
  const deps: RouteDeps = {
    limits: { ...defaultBodyLimits, ...options.bodyLimit },
    renderer: options.renderer ?? builtInRenderer,
    version,
  }
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return
      const issue = result.error.issues[0]
      const name = String(issue?.path[0] ?? result.target)
      if (result.target === 'param') {
        throw new HttpProblem('KB_HTTP_NOT_FOUND', `Expected a route of the API, not \`${c.req.path}\``)
      }
      if (result.target === 'json') {
        throw new HttpProblem(
          'KB_HTTP_INVALID_FACTS',
          'Expected facts as a JSON object such as {"wsusVersion": "3.0 SP1"}, not another JSON value',
          {
            fact: '',
          },
        )
      }
      const given = c.req.query(name)
      const expected =
        issue?.code === 'invalid_value'
          ? `one of ${issue.values.map((value) => `\`${String(value)}\``).join(', ')}`
          : `valid (${issue?.message ?? 'invalid'})`
      throw new HttpProblem(
        'KB_HTTP_INVALID_PARAMETER',
        `Expected \`${name}\` to be ${expected}, not ${given === undefined ? 'nothing' : `\`${given}\``}`,
        { parameter: name },
      )
    },
  })

  const logger = options.logger ?? stderrLogger
  app.use('*', requestLog(logger))
  // Outside every middleware that sets headers, so the memo holds the complete answer (replay.ts).
  app.use('/v1/check', memoizeResponses())
  app.use('*', securityHeaders(options.frameAncestors ?? []))
  // A page framed with `sandbox` (no allow-same-origin) has an opaque origin, `null`: its module scripts
  // and API calls are cross-origin requests, allowed once framing is.
  const framed = (options.frameAncestors ?? []).length > 0 ? ['null'] : []
  const origins = [...(options.corsOrigins ?? []), ...framed]
  if (origins.length > 0) {
    app.use(
      '*',
      cors({
        origin: origins.includes('*') ? '*' : origins,
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'Accept-Language'],
        exposeHeaders: ['Content-Language'],
        maxAge: 600,
      }),
    )
  }
  app.use('*', localizeProblems())
  app.use('*', snapshot(holder))
  const access = options.access ?? {}
  const keys = access.apiKeyHashes ?? []
  // Keys first: only a known key gets its own budget; without keys every request counts by address.
  if (keys.length > 0) app.use('/v1/*', requireApiKey(keys))
  if (access.rateLimit)
    app.use(
      '/v1/*',
      rateLimit(access.rateLimit, { byKey: keys.length > 0, trustProxy: access.trustProxy === true }),
    )
  app.use('/v1/*', ...caching({ private: keys.length > 0 }))
  app.use('/v1/*', language())
  app.use('/', language())

  registerHealth(app, deps)
  registerArticles(app, deps)
  registerCsaf(app, deps)
  registerArticleDocument(app, deps)
  registerArticle(app, deps)
  registerFacts(app, deps)
  registerFeed(app, deps)
  registerCheck(app, deps)
  registerDiagnose(app, deps)
  registerSearch(app, deps)
  registerPage(app, deps, options.frameAncestors)

  registerOpenApi(app, version)
  allowReplay(app, {
    holder,
    logger,
    apiKeyHashes: keys,
    rateLimited: Boolean(access.rateLimit),
    jsonLimit: deps.limits.json,
  })

  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path)
    // A route that takes this method but found nothing (an unknown asset or article) is a 404, not a 405.
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      return problemResponse(
        problemBody(
          'KB_HTTP_METHOD_NOT_ALLOWED',
          `Expected ${allowed.map((method) => `\`${method}\``).join(' or ')} on \`${c.req.path}\`, not \`${c.req.method}\``,
          { instance: c.req.path },
        ),
        { Allow: allowed.join(', ') },
      )
    }
    return problemResponse(
      problemBody('KB_HTTP_NOT_FOUND', `Expected a route of the API, not \`${c.req.method} ${c.req.path}\``, {
        instance: c.req.path,
      }),
    )
  })
  app.onError((error, c) => {
    if (error instanceof HttpProblem) {
      return problemResponse(problemBody(error.code, error.message, { instance: c.req.path, ...error.extra }))
    }
    if (error instanceof HTTPException && statusCodes[error.status]) {
      return problemResponse(
        problemBody(
          statusCodes[error.status]!,
          `Expected a well-formed request, not one that fails: ${error.message}`,
          {
            instance: c.req.path,
          },
        ),
      )
    }
    c.set('internalError', error instanceof Error ? error.message : String(error))
    return problemResponse(
      problemBody('KB_HTTP_INTERNAL', 'Expected to answer, not to fail: this is a bug, please report it', {
        instance: c.req.path,
      }),
    )
  })
  return app
}
