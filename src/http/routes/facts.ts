/** @module `GET /v1/facts`: the fact vocabulary with localized questions, labels and values. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { languages } from '../../render/i18n.ts'
import { factNamespaces } from '../../render/localize-check.ts'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { describeFact } from '../localize-response.ts'
import { problemContent } from '../problem.ts'
import { LanguageOnlyQuery } from '../schemas.ts'

const FactDescriptionSchema = z
  .object({
    fact: z.string().openapi({ example: 'serverArchitecture' }),
    type: z.enum(['enum', 'boolean', 'version']),
    source: z.enum(['inventory', 'evidence']).openapi({
      description: '`evidence` facts come from logs (`POST /v1/diagnose`); send `inventory` facts.',
    }),
    label: z.string(),
    question: z.string(),
    values: z
      .array(z.object({ value: z.union([z.string(), z.boolean()]), label: z.string() }))
      .optional()
      .openapi({
        description: 'Enum and boolean facts: the values to send, with labels (also accepted as values).',
      }),
    examples: z.array(z.string()).optional().openapi({ description: 'Version facts: example values.' }),
  })
  .openapi('FactDescription')

const FactListSchema = z
  .object({ language: z.enum(languages), facts: z.array(FactDescriptionSchema) })
  .openapi('FactList')

/**
 * Register `GET /v1/facts`.
 *
 * @example
 * await app.request('/v1/facts?lang=nl') // {language: 'nl', facts: [{fact, type, label, question, values}, …]}
 */
export function registerFacts(app: OpenAPIHono<AppEnv>, _deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/v1/facts',
    operationId: 'listFacts',
    tags: ['check'],
    summary: 'The fact vocabulary, localized',
    description:
      'Every fact `POST /v1/check` accepts, with its question, label and values in the negotiated language. Localized yes/no words and value labels of any language are accepted as values too.',
    request: { query: LanguageOnlyQuery },
    responses: {
      200: { description: 'The vocabulary.', content: { 'application/json': { schema: FactListSchema } } },
      404: problemContent('KB_HTTP_UNKNOWN_LANGUAGE.'),
    },
  })
  app.openapi(route, async (c) => {
    const { kb } = c.var.snapshot
    const i18n = await c.var.snapshot.i18n(c.var.language)
    const namespaces = factNamespaces(kb)
    const facts = kb.model.facts.map((definition) => ({
      ...describeFact(definition, i18n, namespaces),
      source: definition.source,
    }))
    return c.json({ language: c.var.language, facts }, 200)
  })
}
