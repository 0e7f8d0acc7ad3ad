/** @module Schema of `kind: facts`: the fact vocabulary that integrators send. */
import { z } from 'zod'
import { FactName } from './common.ts'

const FactValue = z.strictObject({
  value: z.string().min(1),
  /** Other spellings that mean this value; compared case-insensitively, ignoring spaces, `-` and `_`. */
  aliases: z.array(z.string().min(1)).default([]),
})

/** Schema of one fact of the vocabulary. */
export const FactDefinition = z.strictObject({
  name: FactName,
  type: z.enum(['enum', 'boolean', 'version']),
  /**
   * Where the fact comes from: an inventory answer, or evidence found in logs. Only the loader makes
   * evidence facts (from an article's signatures); `kind: facts` declares inventory facts.
   */
  source: z.enum(['inventory', 'evidence']).default('inventory'),
  values: z.array(FactValue).min(2).optional(),
  /** The value assumed when the fact is absent (evidence: no log means no symptom seen). */
  default: z.union([z.string(), z.boolean()]).optional(),
  /** Representative versions tried when ranking missing facts; thresholds from the rules are added. */
  examples: z.array(z.string()).optional(),
})

/** Schema of `kind: facts`: the vocabulary every rule and input uses. */
export const FactsFile = z
  .strictObject({
    kind: z.literal('facts'),
    facts: z.array(FactDefinition).min(1),
  })
  .superRefine((file, context) => {
    file.facts.forEach((fact, index) => {
      if (fact.type === 'enum' && !fact.values) {
        context.addIssue({
          code: 'custom',
          path: ['facts', index, 'values'],
          message: 'Expected `values` for an enum fact',
        })
      }
      if (fact.type !== 'enum' && fact.values) {
        context.addIssue({
          code: 'custom',
          path: ['facts', index, 'values'],
          message: `Expected no \`values\` for a ${fact.type} fact`,
        })
      }
    })
  })

/**
 * A validated fact definition. Evidence facts are not written in `kind: facts`: the loader makes one for each
 * `fact` an article's signatures set, with `article` naming that article (its evidence counts for it alone).
 */
export type FactDefinition = z.infer<typeof FactDefinition> & { article?: string }
/** A validated `kind: facts` file. */
export type FactsFile = z.infer<typeof FactsFile>
