/** @module Turn zod issues into positioned problems with one-sentence messages. */
import type { z } from 'zod'
import type { Problem } from './problem.ts'
import type { YamlSource } from './yaml-source.ts'

/**
 * Map every zod issue of a failed parse to a problem at the field's `file:line:column`.
 *
 * @example
 * const result = CatalogFile.safeParse(source.data)
 * if (!result.success) problems.push(...issuesToProblems(result.error.issues, source))
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], source: YamlSource): Problem[] {
  const problems: Problem[] = []
  for (const issue of issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol')
    const field = describeField(path)
    const received = valueAt(source.data, path)
    const push = (code: Problem['code'], message: string, at = path, key = false) =>
      problems.push({
        code,
        severity: 'error',
        message,
        file: source.file,
        ...source.locate(at, { key }),
        path: at,
      })

    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          push(
            'KB_UNKNOWN_KEY',
            `Expected no key \`${key}\` in ${field}; remove it or check its spelling`,
            [...path, key],
            true,
          )
        }
        break
      case 'invalid_type':
        if (received === undefined) {
          push('KB_MISSING_KEY', `Expected ${field} (${issue.expected}), but it is missing`)
        } else {
          push(
            'KB_WRONG_TYPE',
            `Expected ${field} to be ${article(issue.expected)}, not ${describeValue(received)}`,
          )
        }
        break
      case 'invalid_value':
        push(
          'KB_INVALID_VALUE',
          `Expected ${field} to be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((value) => `\`${String(value)}\``).join(', ')}, not ${describeValue(received)}`,
        )
        break
      default:
        push(
          'KB_INVALID_VALUE',
          `${issue.message.replace(/\.$/, '')} in ${field}${received === undefined ? '' : `, not ${describeValue(received)}`}`,
        )
    }
  }
  return problems
}

function describeField(path: ReadonlyArray<string | number>): string {
  const name = [...path].reverse().find((part) => typeof part === 'string')
  return name === undefined ? 'the document' : `\`${name}\``
}

function article(type: string): string {
  if (type === 'array') return 'a list'
  if (type === 'object') return 'a mapping'
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

/** Describe a received value briefly: type plus a short rendering. */
function describeValue(value: unknown): string {
  if (value === null) return '`null`'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  const text = String(value)
  const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text
  return `${typeof value === 'string' ? '' : `${typeof value} `}\`${shown}\``
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = data
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[part]
  }
  return current
}
