/** @module `GET /healthz`: liveness for load balancers and `kb serve` users. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, RouteDeps } from '../app-env.ts'
import { HealthSchema } from '../schemas.ts'

/**
 * Register `GET /healthz`.
 *
 * @example
 * registerHealth(app, deps) // in createApp, after the middleware
 */
export function registerHealth(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  const route = createRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    tags: ['service'],
    summary: 'Health check',
    responses: {
      200: { description: 'The service answers.', content: { 'application/json': { schema: HealthSchema } } },
    },
  })
  app.openapi(route, (c) =>
    c.json(
      { status: 'ok' as const, articles: c.var.snapshot.kb.articleIds.length, version: deps.version },
      200,
    ),
  )
}
