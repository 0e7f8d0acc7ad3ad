/** @module The condition language of verdict, derivation and action rules. */
import { z } from 'zod'
import { FactName, Scalar, ValueName } from './common.ts'

/** Operators a leaf may use; the `version*` ones compare dotted versions part by part. */
const operators = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'versionEqual',
  'versionLessThan',
  'versionLessThanInclusive',
  'versionGreaterThan',
  'versionGreaterThanInclusive',
] as const

type Operator = (typeof operators)[number]

/** A leaf: compare one fact with a value. */
export interface LeafCondition {
  fact: string
  operator: Operator
  value?: string | number | boolean | Array<string | number | boolean>
  /** Name of a value of the article's `values:` (`fixedVersion`), so a version or date is stated once. */
  valueRef?: string
}

/** A tree of `all`, `any` and `not` over leaves. */
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition }

const shapeKeys = ['all', 'any', 'not', 'fact'] as const

// One strict object with optional members instead of a union: zod then reports an unknown key
// at the key itself, which maps to a precise line and column.
/** Schema of a `when:` condition. */
export const Condition: z.ZodType<Condition> = z
  .strictObject({
    fact: FactName.optional().describe('A leaf: the fact of `rules/facts.yaml` it compares.'),
    operator: z
      .enum(operators)
      .optional()
      .describe('How the leaf compares; `version…` on version facts only.'),
    value: z
      .union([Scalar, z.array(Scalar).min(1)])
      .optional()
      .describe('A literal value of an enum or boolean fact (a list for `in` and `notIn`).'),
    valueRef: ValueName.optional().describe(
      "The name of a value of the article's `values:` (versions, dates).",
    ),
    get all() {
      return z.array(Condition).min(1).optional().describe('Holds when every condition holds.')
    },
    get any() {
      return z.array(Condition).min(1).optional().describe('Holds when some condition holds.')
    },
    get not() {
      return Condition.optional().describe('Holds when the condition does not.')
    },
  })
  .superRefine((node, context) => {
    const present = shapeKeys.filter((key) => key in node)
    if (present.length !== 1) {
      context.addIssue({
        code: 'custom',
        message: `Expected a condition with exactly one of \`all\`, \`any\`, \`not\` or \`fact\`, not ${
          present.length === 0 ? 'none' : present.map((key) => `\`${key}\``).join(' and ')
        }`,
      })
      return
    }
    if (present[0] === 'fact') {
      if (!('operator' in node))
        context.addIssue({ code: 'custom', message: 'Expected `operator` beside `fact`' })
      if ('value' in node === 'valueRef' in node) {
        context.addIssue({
          code: 'custom',
          message: 'Expected exactly one of `value` or `valueRef` beside `fact`',
        })
      }
      const listOperator = node.operator === 'in' || node.operator === 'notIn'
      if (node.value !== undefined && listOperator !== Array.isArray(node.value)) {
        context.addIssue({
          code: 'custom',
          path: ['value'],
          message: listOperator
            ? `Expected a list as \`value\` for \`${node.operator}\``
            : `Expected a single value for \`${node.operator}\`, not a list`,
        })
      }
    } else if ('operator' in node || 'value' in node || 'valueRef' in node) {
      context.addIssue({
        code: 'custom',
        message: 'Expected `operator`, `value` and `valueRef` only beside `fact`',
      })
    }
  }) as unknown as z.ZodType<Condition>
