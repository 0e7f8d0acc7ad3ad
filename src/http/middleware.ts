/** @module Per-request middleware of the app: language, knowledge snapshot, JSON bodies. */
import type { MiddlewareHandler } from 'hono'
import { languages } from '../render/i18n.ts'
import type { AppEnv } from './app-env.ts'
import type { KnowledgeBaseHolder } from './knowledge-holder.ts'
import { negotiateLanguage } from './language.ts'
import { HttpProblem, problemBody, problemResponse } from './problem.ts'
import { mediaType, readLimited } from './read-body.ts'

/**
 * Negotiate the language (`?lang=`, then `Accept-Language`); answer with `Content-Language` and
 * `Vary: Accept-Language`. An explicit unsupported `?lang=` is `KB_HTTP_UNKNOWN_LANGUAGE`.
 *
 * @example
 * app.use('/v1/*', language())
 */
export function language(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const negotiated = negotiateLanguage(c.req.query('lang'), c.req.header('accept-language'))
    if (!negotiated.ok) {
      const response = problemResponse(
        problemBody(
          'KB_HTTP_UNKNOWN_LANGUAGE',
          `Expected \`lang\` to be one of ${languages.map((l) => `\`${l}\``).join(', ')}, not \`${negotiated.requested}\``,
          { parameter: 'lang', instance: c.req.path },
        ),
      )
      response.headers.append('Vary', 'Accept-Language')
      return response
    }
    c.set('language', negotiated.language)
    await next()
    c.res.headers.append('Vary', 'Accept-Language')
    if (c.res.ok) c.res.headers.set('Content-Language', negotiated.language)
  }
}

/**
 * Take one snapshot of the knowledge base for the whole request.
 *
 * @example
 * app.use('*', snapshot(holder))
 */
export function snapshot(holder: KnowledgeBaseHolder): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('snapshot', await holder.snapshot())
    await next()
  }
}

/**
 * Read a JSON body of at most `limit` bytes: 415 unless `application/json`, 413 over the limit, 400 when
 * it does not parse. The parsed value is in `c.var.json`.
 *
 * @example
 * createRoute({method: 'post', path: '/v1/check', middleware: [jsonBody(65536)], …})
 */
export function jsonBody(limit: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = mediaType(c.req.raw)
    if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
      throw new HttpProblem(
        'KB_HTTP_UNSUPPORTED_MEDIA_TYPE',
        `Expected a body of type application/json, not ${type === '' ? 'none' : `\`${type}\``}`,
      )
    }
    const bytes = await readLimited(c.req.raw, limit)
    let text: string
    let value: unknown
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
      value = JSON.parse(text)
    } catch (error) {
      throw new HttpProblem(
        'KB_HTTP_MALFORMED_JSON',
        `Expected a JSON body, not text that fails to parse: ${(error as Error).message}`,
      )
    }
    c.set('json', value)
    // The route's zod validator reads the body again through `c.req.json()`, which takes the text from
    // Hono's body cache: no second read, and no second Request object.
    ;(c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve(text)
    await next()
  }
}
