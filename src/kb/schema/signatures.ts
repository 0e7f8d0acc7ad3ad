/** @module Schema of `kind: signatures`: the log lines that show an article's symptom, as data. */
import { z } from 'zod'
import { patternProblem } from '../../logs/regex-safety.ts'
import { captureNames } from './capture-names.ts'
import { FactName, Id } from './common.ts'

/** A regular expression (JavaScript syntax, no flags) that compiles and cannot backtrack catastrophically. */
const SafePattern = z
  .string()
  .min(1)
  .superRefine((pattern, context) => {
    const problem = patternProblem(pattern)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

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
  /** The kind of log the block appears in: an id of the log-kind registry (`kind: logs`), e.g. `cbs`. */
  log: Id,
  /**
   * The evidence fact this symptom sets to its level (`confirmed`, `partial`, `none`) when a log of its kind
   * is given. The name belongs to this article: no other article declares or reads it.
   */
  fact: FactName,
  description: z.string().min(1),
  /** Most records allowed between the first and the last matched line of one block. */
  window: z.number().int().min(0).max(10_000),
  lines: z.array(SignatureLine).min(1),
  vetoes: z.array(SignatureVeto).default([]),
})

/** Two or more symptoms whose blocks carry the same `faultId` when one fault shows in several logs. */
const Correlation = z.strictObject({
  /** The boolean evidence fact: a `faultId` found in a block of every listed symptom. */
  fact: FactName,
  symptoms: z.array(Id).min(2),
})

/** Schema of `kind: signatures`: an article's symptoms in the logs it reads. */
export const SignaturesFile = z
  .strictObject({
    kind: z.literal('signatures'),
    /** The article's id, quoted (`"954960"`, `"contoso-1001"`). */
    article: Id,
    symptoms: z.array(Symptom).min(1),
    correlation: Correlation.optional(),
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
    const correlation = file.correlation
    correlation?.symptoms.forEach((id, index) => {
      const path = ['correlation', 'symptoms', index]
      if (!symptomIds.has(id)) {
        context.addIssue({ code: 'custom', path, message: `Expected a symptom of this file, not \`${id}\`` })
      } else if (correlation.symptoms.indexOf(id) !== index) {
        context.addIssue({ code: 'custom', path, message: `Expected each symptom once, not \`${id}\` again` })
      } else if (
        !file.symptoms
          .find((symptom) => symptom.id === id)
          ?.lines.some((line) => captureNames(line.pattern).includes('faultId'))
      ) {
        context.addIssue({
          code: 'custom',
          path,
          message: `Expected \`${id}\` to capture \`(?<faultId>…)\` in one of its lines, not no fault ID to correlate`,
        })
      }
    })
    if (correlation && file.symptoms.some((symptom) => symptom.fact === correlation.fact)) {
      context.addIssue({
        code: 'custom',
        path: ['correlation', 'fact'],
        message: `Expected a fact of its own for the correlation, not \`${correlation.fact}\`, which a symptom sets`,
      })
    }
  })

/** A validated symptom. */
export type Symptom = z.infer<typeof Symptom>
/** A validated `kind: signatures` file. */
export type SignaturesFile = z.infer<typeof SignaturesFile>
