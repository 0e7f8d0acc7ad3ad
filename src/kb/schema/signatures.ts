/** @module Schema of `kind: signatures`: the log lines that show an article's symptom, as data. */
import { z } from 'zod'
import { patternProblem } from '../../logs/regex-safety.ts'
import { Id } from './common.ts'

/** A regular expression (JavaScript syntax, no flags) that compiles and cannot backtrack catastrophically. */
const SafePattern = z
  .string()
  .min(1)
  .superRefine((pattern, context) => {
    const problem = patternProblem(pattern)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

/**
 * Named capture groups a pattern declares, e.g. `faultId` for `(?<faultId>...)`.
 *
 * @example
 * captureNames('(?<faultId>0x[0-9A-F]{8}) (?<file>\\S+)') // ['faultId', 'file']
 */
export function captureNames(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<([A-Za-z][A-Za-z0-9]*)>/g)].map((match) => match[1]!)
}

const SignatureLine = z.strictObject({
  id: Id,
  /** Searched anywhere in a record (its first line plus continuation lines such as stack frames). */
  pattern: SafePattern,
  /** A block is `confirmed` only when every required line matched, in order. */
  required: z.boolean().default(true),
  /** A match of this line is enough for `partial`; lines common to healthy logs stay `false`. */
  distinctive: z.boolean().default(false),
  description: z.string().min(1).optional(),
})

const SignatureVeto = z.strictObject({
  id: Id,
  /** A record matching this inside an open block shows a different problem: the block counts as `none`. */
  pattern: SafePattern,
  description: z.string().min(1).optional(),
})

/** Schema of one symptom: the log lines that show it and the lines that rule it out. */
export const Symptom = z.strictObject({
  id: Id,
  /** Which log the block appears in: the client's WindowsUpdate.log or the server's SoftwareDistribution.log. */
  log: z.enum(['client', 'server']),
  /** Where that log lives, for messages. */
  file: z.string().min(1),
  description: z.string().min(1),
  /** Most records allowed between the first and the last matched line of one block. */
  window: z.number().int().min(0).max(10_000),
  lines: z.array(SignatureLine).min(1),
  vetoes: z.array(SignatureVeto).default([]),
})

/** Schema of `kind: signatures`: an article's symptoms in the client and server logs. */
export const SignaturesFile = z
  .strictObject({
    kind: z.literal('signatures'),
    article: z.string().regex(/^\d+$/, 'Expected the article number as a quoted string such as "954960"'),
    symptoms: z.array(Symptom).min(1),
  })
  .superRefine((file, context) => {
    const symptomIds = new Set<string>()
    file.symptoms.forEach((symptom, index) => {
      if (symptomIds.has(symptom.id)) {
        context.addIssue({
          code: 'custom',
          path: ['symptoms', index, 'id'],
          message: `Expected a unique symptom id, not a second \`${symptom.id}\``,
        })
      }
      symptomIds.add(symptom.id)
      const ids = new Set<string>()
      for (const [lineIndex, line] of [...symptom.lines, ...symptom.vetoes].entries()) {
        if (ids.has(line.id)) {
          context.addIssue({
            code: 'custom',
            path: ['symptoms', index],
            message: `Expected unique line and veto ids, not a second \`${line.id}\` (entry ${lineIndex + 1})`,
          })
        }
        ids.add(line.id)
      }
      if (!symptom.lines.some((line) => line.required)) {
        context.addIssue({
          code: 'custom',
          path: ['symptoms', index, 'lines'],
          message: 'Expected at least one line with `required: true`',
        })
      }
    })
  })

/** A validated symptom. */
export type Symptom = z.infer<typeof Symptom>
/** A validated `kind: signatures` file. */
export type SignaturesFile = z.infer<typeof SignaturesFile>
