/** @module `GET /openapi.json`: the OpenAPI 3.1 document, completed for client generators. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { FactDefinition } from '../kb/schema/facts.ts'
import { languages } from '../render/i18n.ts'
import type { AppEnv } from './app-env.ts'

type Json = Record<string, unknown>
type Operation = { responses?: Record<string, Json>; parameters?: Json[] }

/**
 * The `Facts` schema of the vocabulary: each fact typed (enum values, boolean, dotted version), `null` for
 * unknown. Localized labels are accepted too (docs/http.md) but the schema names the canonical values.
 *
 * @example
 * factsSchema(kb.model.facts).properties.wsusVersion // {enum: ['2.0', '3.0', …, null]}
 */
export function factsSchema(facts: readonly FactDefinition[]): Json {
  const properties: Record<string, Json> = {}
  for (const fact of facts) {
    const description = `${fact.source === 'evidence' ? 'Evidence from logs. ' : ''}null means unknown.`
    if (fact.type === 'boolean') properties[fact.name] = { type: ['boolean', 'null'], description }
    else if (fact.type === 'enum')
      properties[fact.name] = {
        enum: [...(fact.values ?? []).map((value) => value.value), null],
        description,
      }
    else
      properties[fact.name] = {
        type: ['string', 'null'],
        pattern: '^\\d+(\\.\\d+){0,3}$',
        ...(fact.examples ? { examples: fact.examples } : {}),
        description,
      }
  }
  return {
    type: 'object',
    description: 'Facts by name (docs/facts.md and GET /v1/facts). Unknown names are ignored with a warning.',
    properties,
  }
}

const header = (description: string, schema: Json = { type: 'string' }) => ({ description, schema })

/**
 * Add what zod does not say: typed facts, the language enum, response headers of every answer, 304 and 429.
 * Mutates and returns `document`.
 */
function complete(document: Json, facts: readonly FactDefinition[]): Json {
  document.components ??= {}
  const components = document.components as { schemas?: Json }
  components.schemas = {
    ...components.schemas,
    Facts: factsSchema(facts),
    Language: { enum: [...languages] },
  }
  const language = { $ref: '#/components/schemas/Language' }
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
  for (const [path, operations] of Object.entries(
    document.paths as Record<string, Record<string, Operation>>,
  )) {
    for (const [method, operation] of Object.entries(operations)) {
      operation.responses ??= {}
      const responses = operation.responses
      for (const [status, response] of Object.entries(responses)) {
        if (!status.startsWith('2') || !path.startsWith('/v1/')) continue
        response.headers = {
          'Content-Language': header('The language of the answer.', language),
          ...(method === 'get'
            ? {
                ETag: header('Send it back as If-None-Match to get 304 while nothing changed.'),
                'Cache-Control': header('How long the answer may be reused.'),
              }
            : {}),
        }
      }
      if (method === 'get' && path.startsWith('/v1/'))
        responses['304'] = { description: 'Not modified: the If-None-Match ETag is still current.' }
      responses['429'] = {
        description: 'KB_HTTP_RATE_LIMITED: too many requests; wait for Retry-After seconds.',
        headers: { 'Retry-After': header('Seconds to wait.', { type: 'integer' }) },
        content: problem,
      }
      if (path.startsWith('/v1/'))
        responses['401'] = {
          description: 'KB_HTTP_UNAUTHORIZED: API keys are on and the request has none or a wrong one.',
          content: problem,
        }
    }
  }
  return document
}

/**
 * Register `GET /openapi.json`, built per request from the snapshot's vocabulary (a reload changes `Facts`).
 *
 * @example
 * registerOpenApi(app, '0.1.0') // after every route
 */
export function registerOpenApi(app: OpenAPIHono<AppEnv>, version: string): void {
  app.get('/openapi.json', (c) => {
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'kb-advisor API',
        version,
        description:
          'A knowledge base of articles as rules: facts or logs in, verdicts with localized reasons and steps out; search, documents, CSAF and a change feed. Errors are application/problem+json with a stable `code` (docs/http.md).',
      },
    }) as unknown as Json
    return c.json(complete(document, c.var.snapshot.kb.model.facts))
  })
}
