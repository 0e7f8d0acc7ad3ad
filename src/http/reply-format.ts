/** @module Ticket-ready replies of `POST /v1/check` and `POST /v1/diagnose`: `?format=` or `Accept` picks the form. */
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { i18n } from 'i18next'
import type { DiagnosisReport } from '../logs/diagnose.ts'
import { type ReplyResult, renderReply } from '../render/reply.ts'
import type { AppEnv } from './app-env.ts'
import type { localizeForApi } from './localize-response.ts'

/** The forms of an answer: the JSON of the API, or a reply for a ticket. */
const replyFormats = ['json', 'text', 'md', 'html'] as const
export type ReplyFormat = (typeof replyFormats)[number]

const mediaTypes: Record<ReplyFormat, string> = {
  json: 'application/json',
  text: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
}

/** The `format` query parameter of the answering routes. */
export const ReplyFormatQuery = z
  .enum(replyFormats)
  .optional()
  .openapi({
    param: { name: 'format', in: 'query' },
    description:
      'json (default), or a reply ready for a ticket: text (no Markdown left), md, or html (a sanitized fragment). Without it, `Accept: text/plain`, `text/markdown` or `text/html` chooses.',
  })

/** OpenAPI content of a reply in the three text forms. */
export const replyContent = {
  'text/plain': { schema: z.string().openapi({ description: 'The reply as plain text.' }) },
  'text/markdown': { schema: z.string().openapi({ description: 'The reply as Markdown.' }) },
  'text/html': { schema: z.string().openapi({ description: 'The reply as a sanitized HTML fragment.' }) },
}

/**
 * The format asked for: `?format=` wins, then the `Accept` type with the highest q-value (`*` and anything
 * else: JSON).
 *
 * @example
 * replyFormat(undefined, 'text/markdown, application/json;q=0.5') // 'md'
 */
export function replyFormat(query: ReplyFormat | undefined, accept: string | undefined): ReplyFormat {
  if (query) return query
  let best: { format: ReplyFormat; q: number } = { format: 'json', q: 0 }
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = Number(params.find((param) => param.startsWith('q='))?.slice(2) ?? 1)
    const format = replyFormats.find((candidate) => mediaTypes[candidate] === type)
    if (format && Number.isFinite(q) && q > best.q) best = { format, q }
  }
  return best.format
}

type ApiResult = ReturnType<typeof localizeForApi>

/**
 * The `Content-Type` of a reply format.
 *
 * @example
 * replyMediaType('md') // 'text/markdown; charset=utf-8'
 */
export function replyMediaType(format: ReplyFormat): string {
  return `${mediaTypes[format]}; charset=utf-8`
}

/**
 * The reply in `format` (not JSON): titles from the renderer, headings from `web.yaml`.
 *
 * @example
 * if (format !== 'json') return c.body(await replyText(c, format, results, i18n), 200)
 */
export async function replyText(
  c: Context<AppEnv>,
  format: Exclude<ReplyFormat, 'json'>,
  results: readonly ApiResult[],
  i18n: i18n,
  evidence: readonly DiagnosisReport[] = [],
): Promise<string> {
  const t = (key: string, options: Record<string, unknown> = {}) =>
    i18n.t(key, { ns: 'web', ...options }) as string
  const replies: ReplyResult[] = await Promise.all(
    results.map(async (result) => {
      const report = evidence.find((entry) => entry.article === result.article)
      // Each log kind the article read, in the reader's language: the page's sentence with the kind's label.
      const sentences = Object.entries(report?.logs ?? {}).map(([kind, { level }]) =>
        t(`evidence.${level}`, { log: i18n.t(`logKinds.${kind}`, { ns: 'common' }) as string }),
      )
      // The title of the article's first document; an article without documents is named by its id.
      const [doc] = c.var.snapshot.renderer.documentsOf(result.article)
      return {
        ...result,
        title:
          doc === undefined
            ? result.article
            : await c.var.snapshot.renderer.title({ article: result.article, doc, lang: c.var.language }),
        ...(sentences.length > 0 ? { evidence: sentences } : {}),
      }
    }),
  )
  return renderReply(
    replies,
    {
      verdict: (label) => t('result.heading', { verdict: label }),
      reasons: t('result.reasons'),
      steps: t('result.steps'),
      missing: t('result.missing'),
      evidence: t('result.evidence'),
    },
    format,
  )
}
