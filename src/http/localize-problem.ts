/** @module Problem details in the request's language: `common.yaml` `problems.<code>` over the English text. */
import type { MiddlewareHandler } from 'hono'
import { languages } from '../render/i18n.ts'
import type { AppEnv } from './app-env.ts'
import { negotiateLanguage } from './language.ts'

type ProblemJson = Record<string, unknown> & {
  code?: string
  instance?: string
  problems?: Array<{ expected?: string[] }>
}

/**
 * Translate the `title` and, when the problem carries every value its sentence needs, the `detail` of a
 * problem response, and say the language in `Content-Language`. English stays as the code wrote it.
 *
 * @example
 * app.use('*', localizeProblems())
 */
export function localizeProblems(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    if (!c.res.headers.get('content-type')?.startsWith('application/problem+json')) return
    // An unsupported `?lang=` is itself the problem: then Accept-Language alone decides.
    const accept = c.req.header('accept-language')
    const asked = negotiateLanguage(c.req.query('lang'), accept)
    const fallback = negotiateLanguage(undefined, accept)
    const lang = c.var.language ?? (asked.ok ? asked.language : fallback.ok ? fallback.language : 'en')
    const headers = new Headers(c.res.headers)
    headers.set('Content-Language', lang)
    if (lang === 'en') {
      c.res = new Response(c.res.body, { status: c.res.status, headers })
      return
    }
    const problem = (await c.res.json()) as ProblemJson
    const i18n = await c.var.snapshot?.i18n(lang)
    const key = `problems.${problem.code}`
    if (i18n?.exists(`${key}.title`, { ns: 'common' })) {
      problem.title = i18n.t(`${key}.title`, { ns: 'common' })
      const articleId = /^\/v1\/articles\/([^/]+)/.exec(problem.instance ?? '')?.[1]
      const params: Record<string, string | undefined> = {
        parameter: problem.parameter as string | undefined,
        fact: problem.fact as string | undefined,
        expected: problem.problems?.[0]?.expected?.join(', '),
        limit: problem.limit === undefined ? undefined : String(problem.limit),
        method: c.req.method,
        path: problem.instance,
        allowed: c.res.headers.get('allow') ?? undefined,
        requested: c.req.query('lang'),
        languages: languages.join(', '),
        id: c.req.query('article') ?? articleId,
        known: c.var.snapshot?.kb.articleIds.join(', '),
        seconds: c.res.headers.get('retry-after') ?? undefined,
      }
      const template = i18n.exists(`${key}.detail`, { ns: 'common' })
        ? (i18n.getResource(lang, 'common', `${key}.detail`) as string | undefined)
        : undefined
      const needed = [...(template ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!)
      if (
        template !== undefined &&
        needed.every((name) => params[name] !== undefined && params[name] !== '')
      ) {
        problem.detail = i18n.t(`${key}.detail`, {
          ns: 'common',
          ...params,
          interpolation: { escapeValue: false },
        })
      }
    }
    headers.delete('content-length')
    c.res = new Response(JSON.stringify(problem), { status: c.res.status, headers })
  }
}
