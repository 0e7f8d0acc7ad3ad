/** @module Schema of `kind: article`: one article's facts and structure; prose lives in `locales/`. */
import { z } from 'zod'
import { Id, IsoDate, Url, ValueName } from './common.ts'
import { DocumentOutline } from './outline.ts'

const LogLine = z.strictObject({
  timestamp: z
    .string()
    .min(1)
    .optional()
    .describe('The timestamp as the real log wrote it; documents that show placeholders leave it out.'),
  text: z.string().min(1).describe('Everything after the timestamp, verbatim.'),
  continuation: z
    .boolean()
    .default(false)
    .describe('A continuation line (a .NET stack frame, the elision marker): it carries no timestamp.'),
  elided: z
    .boolean()
    .default(false)
    .describe(
      'The "lines removed" elision marker: in the reader\'s language where placeholders stand for the timestamps, verbatim (`indent` + `text`) with real timestamps.',
    ),
  indent: z
    .string()
    .regex(/^[ \t]+$/, 'Expected spaces or tabs')
    .optional()
    .describe(
      'Leading white space of the elision marker where the source indents it (shown with real timestamps).',
    ),
})

const LogExcerpt = z.strictObject({
  log: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'Expected a log kind of lower-case letters, digits and `-`')
    .optional()
    .describe(
      'The kind of log the excerpt comes from (`windowsupdate`, `softwaredistribution`, `setuperr`, `cbs`, `eventlog`).',
    ),
  path: z
    .string()
    .min(1)
    .optional()
    .describe('Where the log lives, with its environment variable (`%windir%\\WindowsUpdate.log`).'),
  separator: z
    .string()
    .regex(/^[ \t]+$/, 'Expected spaces or tabs')
    .default('  ')
    .describe(
      'What stands between a timestamp and the text, verbatim as the source prints it (default two spaces).',
    ),
  lines: z.array(LogLine).min(1).describe('The excerpt, line by line, as the log wrote it.'),
  variants: z
    .record(
      Id,
      z
        .string()
        .min(1)
        .describe(
          'The whole excerpt as one source prints it, verbatim (a YAML literal block keeps every space).',
        ),
    )
    .default({})
    .describe(
      'The excerpt as particular sources print it (translated lines, a localized marker, collapsed spaces), keyed by a variant name that outline `log` blocks choose per language.',
    ),
})

/** One step of an article procedure, possibly with sub-steps. */
export interface Step {
  id: string
  steps?: Step[]
  /** Path into this article whose value the step shows verbatim (an update id, a command). */
  code?: string
}

/** Schema of a procedure step (recursive, hence the explicit type). */
export const Step: z.ZodType<Step> = z.strictObject({
  id: Id.describe('The step id; its text is `procedures.<procedure>.<step>` in the locale file.'),
  code: z
    .string()
    .optional()
    .describe(
      'Dotted path into this article whose value the step shows verbatim (`workaround.detectCommand`).',
    ),
  get steps() {
    return z.array(Step).min(1).optional().describe('Sub-steps, in order.')
  },
})

const Procedure = z.strictObject({
  id: Id.describe('The procedure id, which actions name in `step`.'),
  products: z.array(Id).min(1).describe('Catalog products the procedure is for.'),
  steps: z.array(Step).min(1).describe('The steps, in order.'),
})

const Reference = z.strictObject({
  id: Id.describe('The reference id; `{{<id>Url}}` and `{{<id>Number}}` interpolate it.'),
  kind: z.enum(['kb', 'advisory', 'blog', 'support']).describe('What kind of document it is.'),
  url: Url.describe('Where it is.'),
  urls: z
    .partialRecord(z.enum(['en', 'nl', 'pl', 'nb']), Url)
    .optional()
    .describe(
      "Where a language's version is, when a language's source names its own (a local support page); `{{<id>Url}}` is that one in that language.",
    ),
  number: z.string().optional().describe('The document number, when it has one (`954474`).'),
  relation: z
    .enum(['self', 'source', 'related', 'download-help', 'support'])
    .describe('How it relates to this article; `related`: about a different problem that looks alike.'),
})

const Source = z.strictObject({
  url: Url.describe('Where the source is published.'),
  title: z.string().min(1).describe('The title of the source as published.'),
  repository: z
    .string()
    .min(1)
    .optional()
    .describe('The repository and path it was read from, when it was read from one (`owner/name/path`).'),
  commit: z.string().min(1).optional().describe('The commit of the repository version that was read.'),
  date: IsoDate.optional().describe('The date the source carries (`ms.date`, last review).'),
  supports: z
    .array(z.string().min(1))
    .min(1)
    .describe('What the source supports: the facts, values, log lines and rules taken from it.'),
})

const Revision = z.strictObject({
  id: Id.describe('The revision id; `{{revision<Id>}}` interpolates its date.'),
  date: IsoDate.describe('When the revision was published.'),
})

const idSystem = z
  .string()
  .min(1)
  .describe('How identifiers of this kind are named in exports (CSAF `ids[].system_name`); never translated.')

const Products = z.strictObject({
  appliesTo: z.array(Id).min(1).describe('The products the KB article\'s "Applies to" names.'),
  affected: z.array(Id).min(1).describe('Affected outright (when the prerequisite holds).'),
  conditional: z
    .array(
      z.strictObject({
        product: Id.describe('The platform that is affected only through another product.'),
        through: z.array(Id).min(1).describe('The products it runs, through which it is affected.'),
      }),
    )
    .default([])
    .describe(
      'Affected only under a condition that the verdict rules spell out: `product` runs one of `through` and is affected as that product is.',
    ),
  notAffected: z.array(Id).default([]).describe('Products the article says are not affected.'),
  prerequisite: Id.optional().describe('What must be present on clients for the problem to show.'),
})

/** Schema of `kind: article`: what the KB article and the advisory say, as facts only. */
export const ArticleFile = z.strictObject({
  kind: z.literal('article').describe('Always `article`.'),
  id: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'Expected an article id of letters, digits and `-`')
    .describe(
      'The article id; its rules live in `rules/articles/<id>/`, its texts in `locales/<lang>/<id>.yaml`.',
    ),
  values: z
    .record(
      ValueName,
      z.union([z.string().min(1), z.number()]).describe('A version, build, threshold, date, number or name.'),
    )
    .default({})
    .describe(
      'Named values: every version, build, threshold, date or number a rule compares with, and every other fact a text states (a package name, a support phone number), declared once. Rules name them with `valueRef`, texts with `{{name}}`.',
    ),
  kb: z
    .strictObject({
      idSystem,
      number: z.string().min(1).describe('The KB article number, digits as published.'),
      url: Url.describe('Where the KB article is published.'),
      technicalUpdate: IsoDate.optional().describe('Date of the last technical update.'),
      lastReview: IsoDate.optional().describe('Date of the last review.'),
      revision: z.string().min(1).optional().describe('The revision number the article shows (`7.0`).'),
      keywords: z.array(z.string()).default([]).describe('Keywords listed at the end of the KB article.'),
      pages: z
        .partialRecord(
          z.enum(['en', 'nl', 'pl', 'nb']),
          z.strictObject({
            lastReview: IsoDate.describe("Date of this language's last review."),
            revision: z.string().min(1).describe("The revision number this language's page shows."),
          }),
        )
        .default({})
        .describe(
          "Per-language page metadata: each language's KB page has its own last review and revision; `{{kbLastReview}}` and `{{kbRevision}}` take them in that language (else `lastReview` and `revision`).",
        ),
    })
    .optional()
    .describe('The KB article, when there is one.'),
  advisory: z
    .strictObject({
      idSystem,
      number: z.string().min(1).describe('The advisory number.'),
      url: Url.describe('Where the advisory is published.'),
      published: IsoDate.describe('Date of first publication.'),
      updated: IsoDate.describe('Date of the last update.'),
      revisions: z.array(Revision).min(1).describe('The revision history, each entry a date.'),
    })
    .optional()
    .describe('The security advisory, when one was published.'),
  products: Products.describe('The products the article applies to and affects.'),
  fix: z
    .strictObject({
      id: z.string().min(1).describe("The fix's identifier (`KB` and the update's number)."),
      products: z.array(Id).min(1).describe('Catalog products the fix is for.'),
      released: IsoDate.optional().describe('When the fix was released.'),
      url: Url.optional().describe('Where to get the fix.'),
      architectures: z
        .array(z.string().min(1))
        .min(1)
        .optional()
        .describe('The architectures the fix comes for (`x86`, `x64`, `arm64`, …).'),
      restartsServices: z
        .array(z.string())
        .min(1)
        .optional()
        .describe('Services that installing the fix restarts.'),
    })
    .optional()
    .describe('The fix, when there is one.'),
  workaround: z
    .strictObject({
      products: z.array(Id).min(1).describe('Catalog products the workaround is for.'),
      updateId: z
        .string()
        .regex(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/i, 'Expected an update GUID')
        .optional()
        .describe('The update GUID the workaround acts on.'),
      detectCommand: z
        .string()
        .min(1)
        .optional()
        .describe('The command that starts a detection on a client.'),
    })
    .optional()
    .describe('The workaround, when there is one.'),
  component: z
    .strictObject({
      id: Id.describe('The component id, used in export product ids.'),
      file: z.string().min(1).describe('The file name of the component.'),
      folder: z.string().min(1).optional().describe('The folder the file is in.'),
      product: Id.describe('The catalog product the component belongs to.'),
      fixedVersion: ValueName.describe('Name of the entry of `values` that holds the first fixed version.'),
      unfixedVersion: ValueName.describe(
        'Name of the entry of `values` that holds the last unfixed version.',
      ),
    })
    .optional()
    .describe('A file whose version tells whether the fix is installed, when the fix is such a file.'),
  logs: z
    .record(Id, LogExcerpt.describe('One excerpt; its lead-in text lives in locales.'))
    .default({})
    .describe(
      'Log excerpts the documents show, keyed by an excerpt id; `{{<id>LogPath}}` and `{{<id>LogFile}}` interpolate the path.',
    ),
  errorCodes: z
    .record(Id, z.string().min(1).describe('The code or message, verbatim.'))
    .default({})
    .describe(
      'Error codes and messages the article names, keyed by an id; `{{<id>ErrorCode}}` interpolates one.',
    ),
  procedures: z
    .array(Procedure)
    .default([])
    .describe("The article's procedures; their texts live in locales."),
  references: z.array(Reference).default([]).describe('Documents the article links to.'),
  documents: z
    .strictObject({
      kb: DocumentOutline.optional().describe('The KB article: published when declared.'),
      advisory: DocumentOutline.optional().describe('The security advisory: published when declared.'),
    })
    .default({})
    .describe(
      'The documents the article publishes and their outlines (see "Document outlines" in docs/rules.md); none when absent.',
    ),
  sources: z
    .array(Source)
    .default([])
    .describe(
      'Where the facts of this article come from, and what each source supports; what no source supports is left out.',
    ),
})

/** A validated `kind: article` file. */
export type ArticleFile = z.infer<typeof ArticleFile>
