/** @module The zod schemas of the API: one source for request validation, the OpenAPI document and docs/http.md. */
import { z } from '@hono/zod-openapi'
import { FactProblemSchema } from './problem.ts'
import { ReplyFormatQuery } from './reply-format.ts'

const LanguageQuery = z
  .string()
  .optional()
  .openapi({
    param: { name: 'lang', in: 'query' },
    description:
      'Language of the answer: en, nl, pl or nb (no, nn and nb-NO mean nb). Wins over Accept-Language; an unsupported value is a 404 problem.',
    example: 'nl',
  })

/** Query of routes whose only parameter is the language. */
export const LanguageOnlyQuery = z.object({ lang: LanguageQuery })

/** The `{id}` path parameter: an article id such as `contoso-1001`. */
export const ArticleParam = z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'contoso-1001' })

const Verdict = z.enum(['affected', 'not_affected', 'fixed', 'unknown'])
const FactValue = z.union([z.string(), z.boolean()])

const ArticleSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'contoso-1001' }),
    title: z
      .string()
      .optional()
      .openapi({ description: 'The localized title of the KB article, when it has one.' }),
    advisoryTitle: z
      .string()
      .optional()
      .openapi({ description: 'The localized title of the security advisory, when it has one.' }),
    documents: z
      .object({
        kb: z.string().optional().openapi({ example: '/v1/articles/contoso-1001/kb?lang=en' }),
        advisory: z.string().optional().openapi({ example: '/v1/articles/contoso-1001/advisory?lang=en' }),
      })
      .openapi({ description: 'The documents the article has.' }),
    kb: z.object({ number: z.string(), url: z.string() }).optional(),
    advisory: z.object({ number: z.string(), url: z.string() }).optional(),
  })
  .openapi('ArticleSummary')

/** Answer of `GET /v1/articles`. */
export const ArticleListSchema = z
  .object({ language: z.string(), articles: z.array(ArticleSummarySchema) })
  .openapi('ArticleList')

/** Path of `GET /v1/articles/{id}/{doc}`. */
export const DocumentParams = z.object({
  id: ArticleParam,
  doc: z
    .enum(['kb', 'advisory'])
    .openapi({ param: { name: 'doc', in: 'path' }, description: 'The KB article or the security advisory.' }),
})

/** Query of `GET /v1/articles/{id}/{doc}`: language and format. */
export const DocumentQuery = z.object({
  lang: LanguageQuery,
  format: z
    .enum(['md', 'html', 'text', 'json'])
    .default('md')
    .openapi({
      param: { name: 'format', in: 'query' },
      description: 'Markdown (default), an HTML page, plain text, or the document tree as JSON.',
    }),
})

/** Body of `POST /v1/check`; any value passes here so that `validateFacts` can name the fact it rejects. */
export const FactsSchema = z.record(z.string(), z.unknown()).openapi('Facts', {
  description:
    'Facts by name (docs/facts.md). Values: strings, booleans, or null for unknown. Unknown names are ignored with a warning.',
  example: { widgetServerVersion: '4.2', brewerConnected: true, brewerFirmware: '9.0.1' },
})

const ArticleQuery = z
  .string()
  .optional()
  .openapi({ param: { name: 'article', in: 'query' }, description: 'One article only (all by default).' })

/** Query of `POST /v1/check`. */
export const CheckQuery = z.object({ lang: LanguageQuery, article: ArticleQuery, format: ReplyFormatQuery })

const ReasonFactSchema = z.object({
  fact: z.string(),
  operator: z.string(),
  value: z.unknown(),
  actual: FactValue.optional(),
  result: z.enum(['true', 'false', 'unknown']),
  derivedBy: z.string().optional(),
})

const ReasonSchema = z
  .object({
    rule: z.string().openapi({ description: 'The decision rule; empty for `undecided`.' }),
    verdict: Verdict.openapi({ description: '`unknown` only for `undecided`: no rule decides these facts.' }),
    status: z.enum(['decided', 'open', 'conflict', 'undecided']),
    messageKey: z.string(),
    facts: z.array(ReasonFactSchema),
    message: z.string().openapi({ description: 'The localized sentence of `messageKey`.' }),
    details: z.array(z.string()).openapi({ description: 'One localized sentence per fact in `facts`.' }),
  })
  .openapi('Reason')

/** A step of a KB article procedure, with its sub-steps (recursive, hence the explicit type). */
interface ArticleStepText {
  text: string
  code?: string | undefined
  steps?: ArticleStepText[] | undefined
}
const ArticleStepTextSchema: z.ZodType<ArticleStepText> = z
  .lazy(() =>
    z.object({
      text: z.string().openapi({ description: 'The step as the KB article prints it (Markdown).' }),
      code: z.string().optional().openapi({ description: 'An update id or a command shown under the step.' }),
      steps: z.array(ArticleStepTextSchema).optional(),
    }),
  )
  .openapi('ArticleStep')

const ActionSchema = z
  .object({
    id: z.string(),
    step: z.string().optional(),
    recommended: z.boolean(),
    conditional: z.boolean(),
    waitingFor: z.array(z.string()),
    conflict: z.boolean(),
    messageKey: z.string(),
    message: z.string(),
    condition: z
      .string()
      .optional()
      .openapi({ description: 'The localized "If …:" of a conditional action.' }),
    articleStep: z
      .object({
        path: z.string(),
        procedure: z.string(),
        heading: z.string(),
        text: z.string().optional(),
        steps: z.array(ArticleStepTextSchema).optional(),
      })
      .optional()
      .openapi({
        description: 'The KB article step the action reuses: its procedure heading and Markdown text.',
      }),
  })
  .openapi('Action')

const QuestionSchema = z
  .object({
    fact: z.string().openapi({ example: 'wsusVersion' }),
    question: z.string().openapi({ example: 'Which version of WSUS runs on the server?' }),
    label: z.string().openapi({ example: 'WSUS version' }),
    type: z.enum(['enum', 'boolean', 'version']),
    values: z
      .array(z.object({ value: FactValue, label: z.string() }))
      .optional()
      .openapi({ description: 'The accepted answers of an enum or boolean fact, with localized labels.' }),
    examples: z.array(z.string()).optional().openapi({ description: 'Example answers of a version fact.' }),
  })
  .openapi('Question')

const CheckResultSchema = z
  .object({
    article: z.string(),
    verdict: Verdict,
    verdictLabel: z.string(),
    missingFacts: z.array(z.string()).openapi({ description: 'Ask these next, most useful first.' }),
    questions: z.array(QuestionSchema).openapi({ description: 'One question per entry of `missingFacts`.' }),
    reasons: z.array(ReasonSchema),
    actions: z.array(ActionSchema),
    conflicts: z.array(ReasonSchema),
    facts: z.record(z.string(), FactValue).openapi({
      description:
        "The facts sent, then the article's own (read, set or checked by its rules) as the rules saw them: defaults and derived values included.",
    }),
  })
  .openapi('CheckResult')

/** Answer of `POST /v1/check`. */
export const CheckResponseSchema = z
  .object({
    language: z.string(),
    results: z.array(CheckResultSchema),
    warnings: z.array(FactProblemSchema),
  })
  .openapi('CheckResponse')

/** Query of `POST /v1/diagnose`. */
export const DiagnoseQuery = z.object({
  lang: LanguageQuery,
  article: ArticleQuery,
  format: ReplyFormatQuery,
  kind: z
    .string()
    .optional()
    .openapi({
      param: { name: 'kind', in: 'query' },
      description:
        'Which log a text/plain body is: a log kind of `GET /v1/diagnose/log-kinds` (`windowsupdate`, `cbs`, …), or the shortcut `client` or `server`.',
      example: 'windowsupdate',
    }),
})

const LogField = z.any().optional().openapi({ type: 'string', format: 'binary' })

/** Multipart body of `POST /v1/diagnose`: one field per log kind (each repeatable) and optional facts. */
export const DiagnoseFormSchema = z
  .looseObject({
    client: LogField.openapi({
      description:
        'Shortcut for the kind marked `shortcut: client` (WindowsUpdate.log); file or text, repeatable.',
    }),
    server: LogField.openapi({
      description:
        'Shortcut for the kind marked `shortcut: server` (SoftwareDistribution.log); file or text, repeatable.',
    }),
    facts: z.string().optional().openapi({
      description: "Inventory facts as a JSON object; each article's own evidence overrides the same names.",
    }),
  })
  .openapi('DiagnoseForm', {
    description:
      'Any other field is a log named by its kind id (`setuperr`, `cbs`, …); file or text, repeatable.',
  })

const LogTexts = z.union([z.string(), z.array(z.string())])

/** JSON body of `POST /v1/diagnose`: log texts by kind, and optional facts. */
export const DiagnoseJsonSchema = z
  .object({
    logs: z
      .record(z.string(), LogTexts)
      .optional()
      .openapi({
        description: 'Log text by kind id, one text or several.',
        example: { cbs: '2024-04-12 …' },
      }),
    client: LogTexts.optional().openapi({ description: 'Shortcut for the kind marked `shortcut: client`.' }),
    server: LogTexts.optional().openapi({ description: 'Shortcut for the kind marked `shortcut: server`.' }),
    facts: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Inventory facts.' }),
  })
  .openapi('DiagnoseJson')

const Level = z.enum(['confirmed', 'partial', 'none'])

const KindReportSchema = z.object({
  level: Level,
  files: z.array(
    z.looseObject({
      kind: z.string(),
      name: z.string(),
      level: Level,
      faultIds: z.array(z.string()),
      correlatedIds: z.array(z.string()),
    }),
  ),
})

const EvidenceSchema = z
  .looseObject({
    article: z.string(),
    logs: z.record(z.string(), KindReportSchema).openapi({
      description: 'By log kind: the kinds this article reads that a log was given for.',
    }),
    correlated: z.boolean(),
    sharedIds: z.array(z.string()),
    facts: z.record(z.string(), FactValue).openapi({
      description: "The article's own evidence facts (named by its signatures); they count for it alone.",
    }),
  })
  .openapi('Evidence', { description: 'What the logs show, per article (docs/logs.md).' })

/** Answer of `POST /v1/diagnose`. */
export const DiagnoseResponseSchema = z
  .object({
    language: z.string(),
    ranking: z
      .array(
        z.object({
          article: z.string(),
          level: z.enum(['confirmed', 'partial']),
          strength: z.number().int(),
        }),
      )
      .openapi({
        description:
          'The articles whose symptom the logs show, strongest evidence first (`evidence` and `results` follow the same order).',
      }),
    evidence: z.array(EvidenceSchema),
    results: z.array(CheckResultSchema),
    warnings: z.array(FactProblemSchema),
  })
  .openapi('DiagnoseResponse')

/** Answer of `GET /v1/diagnose/log-kinds`. */
export const LogKindListSchema = z
  .object({
    language: z.string(),
    kinds: z.array(
      z.object({
        id: z.string().openapi({ example: 'windowsupdate' }),
        label: z.string().openapi({ description: 'Localized name of the kind.' }),
        file: z.string().openapi({ example: 'WindowsUpdate.log' }),
        path: z.string().openapi({ description: 'Where the file usually lives.' }),
        encoding: z.enum(['utf-8', 'utf-16le', 'ansi']),
        command: z.string().optional().openapi({ description: 'The command that writes the file, if any.' }),
        shortcut: z.enum(['client', 'server']).optional(),
        articles: z
          .array(z.string())
          .openapi({ description: 'The articles whose signatures read this kind.' }),
      }),
    ),
  })
  .openapi('LogKindList')

/** Answer of `GET /healthz`. */
export const HealthSchema = z
  .object({ status: z.literal('ok'), articles: z.number().int(), version: z.string() })
  .openapi('Health')
