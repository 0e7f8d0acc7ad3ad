/** @module Schema of `kind: article`: one article's facts and structure; prose lives in `locales/`. */
import { z } from 'zod'
import { DottedVersion, Id, IsoDate, Url } from './common.ts'

const LogLine = z.strictObject({
  /** The timestamp as the real log wrote it; documents that show placeholders leave it out. */
  timestamp: z.string().min(1).optional(),
  /** Everything after the timestamp, verbatim. */
  text: z.string().min(1),
  /** Continuation lines (a .NET stack) and the elision marker carry no timestamp. */
  continuation: z.boolean().default(false),
  /** Marks the "lines removed" elision of the seeds; rendered in the reader's language. */
  elided: z.boolean().default(false),
})

const LogExcerpt = z.strictObject({
  /** Where the log lives, with its environment variable (`%windir%\WindowsUpdate.log`). */
  path: z.string().min(1),
  lines: z.array(LogLine).min(1),
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
  id: Id,
  code: z.string().optional(),
  get steps() {
    return z.array(Step).min(1).optional()
  },
})

const Procedure = z.strictObject({
  id: Id,
  /** Catalog products the procedure is for. */
  products: z.array(Id).min(1),
  steps: z.array(Step).min(1),
})

const Reference = z.strictObject({
  id: Id,
  kind: z.enum(['kb', 'advisory', 'blog', 'support']),
  url: Url,
  /** The document number, when it has one (`954474`). */
  number: z.string().optional(),
  /** `related`: about a different problem that looks alike. */
  relation: z.enum(['self', 'source', 'related', 'download-help', 'support']),
})

const Revision = z.strictObject({ id: Id, date: IsoDate })

/** Schema of `kind: article`: what the KB article and the advisory say, as facts only. */
export const ArticleFile = z.strictObject({
  kind: z.literal('article'),
  id: z.string().regex(/^[A-Za-z0-9-]+$/, 'Expected an article id of letters, digits and `-`'),
  kb: z.strictObject({
    /** How identifiers of this kind are named in exports (CSAF `ids[].system_name`); never translated. */
    idSystem: z.string().min(1),
    number: z.string().min(1),
    url: Url,
    technicalUpdate: IsoDate,
    lastReview: IsoDate,
    revision: z.string().min(1),
    keywords: z.array(z.string()).default([]),
  }),
  advisory: z.strictObject({
    idSystem: z.string().min(1),
    number: z.string().min(1),
    url: Url,
    published: IsoDate,
    updated: IsoDate,
    revisions: z.array(Revision).min(1),
  }),
  products: z.strictObject({
    /** The products the KB article's "Applies to" names. */
    appliesTo: z.array(Id).min(1),
    /** Affected outright (when the prerequisite holds). */
    affected: z.array(Id).min(1),
    /**
     * Affected only under a condition that the verdict rules spell out: `product` runs one of the products
     * in `through` (SBS 2003 upgraded to WSUS 3.0 or 3.0 SP1), and is affected as that product is.
     */
    conditional: z.array(z.strictObject({ product: Id, through: z.array(Id).min(1) })).default([]),
    notAffected: z.array(Id).default([]),
    /** What must be present on clients for the problem to show. */
    prerequisite: Id,
  }),
  fix: z.strictObject({
    id: z.string().min(1),
    products: z.array(Id).min(1),
    released: IsoDate,
    url: Url,
    architectures: z.array(z.enum(['x86', 'x64'])).min(1),
    restartsServices: z.array(z.string()).min(1),
  }),
  workaround: z.strictObject({
    products: z.array(Id).min(1),
    updateId: z.string().regex(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/i, 'Expected an update GUID'),
    detectCommand: z.string().min(1),
  }),
  component: z.strictObject({
    id: Id,
    file: z.string().min(1),
    folder: z.string().min(1),
    /** The component belongs to this product. */
    product: Id,
    fixedVersion: DottedVersion,
    unfixedVersion: DottedVersion,
  }),
  logs: z.strictObject({ client: LogExcerpt, server: LogExcerpt }),
  errorCodes: z.strictObject({
    client: z.string().regex(/^0x[0-9A-F]{8}$/, 'Expected a Windows error code such as `0x8024400E`'),
    server: z.string().min(1),
    exception: z.string().min(1),
  }),
  procedures: z.array(Procedure).min(1),
  knownIssues: z.array(z.strictObject({ id: Id, procedure: Id.optional() })).default([]),
  references: z.array(Reference).min(1),
})

/** A validated `kind: article` file. */
export type ArticleFile = z.infer<typeof ArticleFile>
