/** @module Errors of the HTTP API as RFC 9457 problem details with a stable code. */
import { z } from '@hono/zod-openapi'

/**
 * Every code the API answers with, its HTTP status and its title (docs/errors.md, docs/http.md).
 *
 * @example
 * problemCodes.KB_HTTP_INVALID_FACTS.status // 422
 */
export const problemCodes = {
  KB_HTTP_MALFORMED_JSON: { status: 400, title: 'Malformed JSON' },
  KB_HTTP_MALFORMED_FORM: { status: 400, title: 'Malformed multipart body' },
  KB_HTTP_INVALID_PARAMETER: { status: 400, title: 'Invalid parameter' },
  KB_HTTP_MISSING_LOG: { status: 400, title: 'No log in the request' },
  KB_HTTP_UNREADABLE_LOG: { status: 400, title: 'Log could not be read' },
  KB_HTTP_NOT_FOUND: { status: 404, title: 'Not found' },
  KB_HTTP_UNKNOWN_ARTICLE: { status: 404, title: 'Unknown article' },
  KB_HTTP_UNKNOWN_LANGUAGE: { status: 404, title: 'Unsupported language' },
  KB_HTTP_BODY_TOO_LARGE: { status: 413, title: 'Request body too large' },
  KB_HTTP_TOO_MANY_PARTS: { status: 413, title: 'Too many parts in a multipart body' },
  KB_HTTP_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  KB_HTTP_INVALID_FACTS: { status: 422, title: 'Invalid facts' },
  KB_HTTP_CSAF_UNAVAILABLE: { status: 422, title: 'Article cannot be exported to CSAF' },
  KB_HTTP_ABORTED: { status: 400, title: 'Request aborted by the client' },
  KB_HTTP_INTERNAL: { status: 500, title: 'Internal error' },
  KB_HTTP_BUSY: { status: 503, title: 'Too many uploads at once' },
} as const

/** A code of `problemCodes`, such as `KB_HTTP_INVALID_FACTS`. */
export type ProblemCode = keyof typeof problemCodes

/** A problem with one fact, as `kb.check` reports it. */
export const FactProblemSchema = z
  .object({
    code: z.enum(['FACTS_NOT_OBJECT', 'FACT_WRONG_TYPE', 'FACT_INVALID_VALUE', 'FACT_UNKNOWN']),
    severity: z.enum(['error', 'warning']),
    fact: z.string(),
    message: z.string(),
    expected: z.array(z.string()),
    suggestion: z.string().optional(),
  })
  .openapi('FactProblem')

/** The body of every error response (`application/problem+json`). */
const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:kb-advisor:problem:KB_HTTP_INVALID_FACTS' }),
    title: z.string().openapi({ example: 'Invalid facts' }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().openapi({
      example: 'Expected `wsusVersion` to be one of `2.0`, `3.0`, `3.0 SP1`, `3.0 SP2`, not `3.1`',
    }),
    code: z.enum(Object.keys(problemCodes) as [ProblemCode, ...ProblemCode[]]),
    instance: z.string().optional().openapi({ description: 'The request path.' }),
    fact: z.string().optional().openapi({ description: 'The first invalid fact (KB_HTTP_INVALID_FACTS).' }),
    problems: z.array(FactProblemSchema).optional(),
    parameter: z.string().optional().openapi({ description: 'The invalid parameter or field.' }),
    limit: z.number().int().optional().openapi({
      description: 'The byte limit (KB_HTTP_BODY_TOO_LARGE) or part limit (KB_HTTP_TOO_MANY_PARTS).',
    }),
  })
  .openapi('Problem')

type Problem = z.infer<typeof ProblemSchema>

/**
 * Thrown by handlers and middleware; the app's error handler turns it into a problem response.
 *
 * @example
 * throw new HttpProblem('KB_HTTP_UNKNOWN_ARTICLE', 'Expected an article of the knowledge base (`954960`), not `1`')
 */
export class HttpProblem extends Error {
  readonly code: ProblemCode
  readonly extra: Partial<Problem>

  constructor(code: ProblemCode, detail: string, extra: Partial<Problem> = {}) {
    super(detail)
    this.name = 'HttpProblem'
    this.code = code
    this.extra = extra
  }
}

/**
 * The problem object of a code.
 *
 * @example
 * problemBody('KB_HTTP_NOT_FOUND', 'Expected a route of the API, not `/nope`')
 * // {type: 'urn:kb-advisor:problem:KB_HTTP_NOT_FOUND', title: 'Not found', status: 404, …}
 */
export function problemBody(code: ProblemCode, detail: string, extra: Partial<Problem> = {}): Problem {
  const { status, title } = problemCodes[code]
  return { type: `urn:kb-advisor:problem:${code}`, title, status, detail, code, ...extra }
}

/**
 * A `Response` with the problem as `application/problem+json`.
 *
 * @example
 * return problemResponse(problemBody('KB_HTTP_INTERNAL', 'Expected to answer, not to fail; please report it'))
 */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  })
}

/**
 * The OpenAPI description of a problem response, for `responses` of `createRoute`.
 *
 * @example
 * responses: {404: problemContent('KB_HTTP_UNKNOWN_ARTICLE or KB_HTTP_UNKNOWN_LANGUAGE.')}
 */
export function problemContent(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } }
}
