/** @module Whether a value fits a fact of the vocabulary (defaults, derivations, conditions). */
import type { Located, Reporter } from './reporter.ts'
import type { FactDefinition } from './schema/facts.ts'
import { suggest } from './suggest.ts'

/**
 * Report a value the fact `name` does not accept (`KB_INVALID_VALUE`), or a fact that is not in the
 * vocabulary (`KB_UNKNOWN_REFERENCE`, at the key, with a suggestion).
 *
 * @example
 * checkValue(reporter, facts, 'wsusVersion', '4.0', {file, path: ['derive', 0, 'set', 'wsusVersion']})
 * // Expected `wsusVersion` to be one of `2.0`, `3.0`, …, not `4.0`
 */
export function checkValue(
  reporter: Reporter,
  facts: Map<string, FactDefinition>,
  name: string,
  value: unknown,
  at: Located,
): void {
  const fact = facts.get(name)
  if (!fact) {
    reporter.error(
      'KB_UNKNOWN_REFERENCE',
      `Expected a fact of the vocabulary, not \`${name}\`${suggest(name, [...facts.keys()])}`,
      at,
      true,
    )
    return
  }
  const ok =
    fact.type === 'boolean'
      ? typeof value === 'boolean'
      : fact.type === 'version'
        ? typeof value === 'string' && /^\d+(\.\d+){0,3}$/.test(value)
        : fact.values!.some((candidate) => candidate.value === value)
  if (!ok) {
    const expected =
      fact.type === 'boolean'
        ? '`true` or `false`'
        : fact.type === 'version'
          ? 'a dotted version such as `3.1.6001.66`'
          : `one of ${fact.values!.map((candidate) => `\`${candidate.value}\``).join(', ')}`
    reporter.error('KB_INVALID_VALUE', `Expected \`${name}\` to be ${expected}, not \`${String(value)}\``, at)
  }
}
