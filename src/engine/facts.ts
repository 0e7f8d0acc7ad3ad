/** @module Validate and normalize the facts a caller sends against the vocabulary in `rules/`. */

import type { FactDefinition } from '../kb/schema/facts.ts'
import { normalizeSpelling } from '../kb/spelling.ts'
import { closest } from '../kb/suggest.ts'
import { isVersion } from './version.ts'

/** A normalized fact value. */
export type FactValue = string | boolean
/** Facts after validation: known names only, canonical values, no prototype. */
export type Facts = Record<string, FactValue>

/**
 * Values longer than this are refused: no fact of the vocabulary needs more.
 *
 * @example
 * validateFacts({wsusVersion: 'x'.repeat(maxFactValueLength + 1)}, vocabulary).errors[0]?.code // 'FACT_INVALID_VALUE'
 */
export const maxFactValueLength = 200

/** A problem with one fact, as data. `FACT_UNKNOWN` is a warning; the others are errors. */
export interface FactProblem {
  code: 'FACTS_NOT_OBJECT' | 'FACT_WRONG_TYPE' | 'FACT_INVALID_VALUE' | 'FACT_UNKNOWN'
  severity: 'error' | 'warning'
  /** The fact's name as sent. */
  fact: string
  message: string
  /** The accepted values (enum, boolean) or a description of them (version). */
  expected: string[]
  /** The closest known name, for `FACT_UNKNOWN`. */
  suggestion?: string
}

/**
 * Answers in other words than the canonical values, keyed by `normalizeSpelling`: localized yes/no
 * (`ja`, `tak`, `nei`) and enum value labels (`64-bit (x64)`), built from locales by `factAnswers`.
 */
export interface FactAnswers {
  booleans: ReadonlyMap<string, boolean>
  /** Per enum fact: label → canonical value. */
  labels: ReadonlyMap<string, ReadonlyMap<string, string>>
}

/** Options of `validateFacts`. */
export interface ValidateFactsOptions {
  /** Names to skip silently (a batch's id column). */
  ignore?: readonly string[]
  /** Localized answers accepted besides the canonical values and aliases. */
  answers?: FactAnswers
}

const booleanWords = new Map<string, boolean>([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['0', false],
])

/**
 * Check raw facts (JSON or `name=value` strings): wrong types and values are errors that name the fact
 * and the accepted values; unknown names are warnings with the closest known name. `null` means unknown.
 * The vocabulary is indexed on first use: pass the same array only while it is unchanged.
 *
 * @example
 * validateFacts({wsusVersion: '3.0sp1', office2003OnClients: 'yes'}, vocabulary)
 * // {facts: {wsusVersion: '3.0 SP1', office2003OnClients: true}, errors: [], warnings: []}
 */
export function validateFacts(
  input: unknown,
  vocabulary: readonly FactDefinition[],
  options: ValidateFactsOptions = {},
): { facts: Facts; errors: FactProblem[]; warnings: FactProblem[] } {
  const facts: Facts = Object.create(null)
  const errors: FactProblem[] = []
  const warnings: FactProblem[] = []
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    errors.push({
      code: 'FACTS_NOT_OBJECT',
      severity: 'error',
      fact: '',
      message: `Expected facts as a JSON object such as {"wsusVersion": "3.0 SP1"}, not ${Array.isArray(input) ? 'a list' : input === null ? '`null`' : typeof input}`,
      expected: [],
    })
    return { facts, errors, warnings }
  }
  const byName = definitionsByName(vocabulary)
  for (const name of Object.keys(input)) {
    if (options.ignore?.includes(name)) continue
    const raw = (input as Record<string, unknown>)[name]
    const definition = byName.get(name)
    if (!definition) {
      const suggestion = closest(name, [...byName.keys()])
      warnings.push({
        code: 'FACT_UNKNOWN',
        severity: 'warning',
        fact: name,
        message: `Expected a known fact name, not \`${printable(name)}\`, which is ignored${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
        expected: [...byName.keys()],
        ...(suggestion ? { suggestion } : {}),
      })
      continue
    }
    if (raw === null || raw === undefined) continue
    const result = normalizeValue(definition, raw, options.answers)
    if (result.ok) facts[name] = result.value
    else errors.push(result.problem)
  }
  return { facts, errors, warnings }
}

/** Accepted values of a fact, for messages and for the web page's answers. */
function acceptedValues(definition: FactDefinition): string[] {
  if (definition.type === 'boolean') return ['true', 'false']
  if (definition.type === 'version') return ['a dotted version such as 3.1.6001.66']
  return definition.values!.map((value) => value.value)
}

// A knowledge base validates every query against the same vocabulary: index it once, not per call.
const indexes = new WeakMap<readonly FactDefinition[], ReadonlyMap<string, FactDefinition>>()

/**
 * The vocabulary by fact name, built once per vocabulary array (which must not change after first use).
 *
 * @example
 * definitionsByName(kb.model.facts).get('wsusVersion')?.type // 'enum'
 */
export function definitionsByName(
  vocabulary: readonly FactDefinition[],
): ReadonlyMap<string, FactDefinition> {
  let index = indexes.get(vocabulary)
  if (index === undefined) {
    index = new Map(vocabulary.map((fact) => [fact.name, fact]))
    indexes.set(vocabulary, index)
  }
  return index
}

const positions = new WeakMap<readonly FactDefinition[], ReadonlyMap<string, number>>()

/**
 * The definitions of the named facts, in vocabulary order (names it does not define are left out), without
 * walking the whole vocabulary: an article of a thousand-article knowledge base reads a dozen of thousands.
 *
 * @example
 * definitionsOf(kb.model.facts, ['office2003OnClients', 'wsusVersion']) // [wsusVersion's, office2003OnClients']
 */
export function definitionsOf(
  vocabulary: readonly FactDefinition[],
  names: Iterable<string>,
): FactDefinition[] {
  let position = positions.get(vocabulary)
  if (position === undefined) {
    position = new Map(vocabulary.map((fact, index) => [fact.name, index]))
    positions.set(vocabulary, position)
  }
  const found = [...new Set(names)].flatMap((name) => {
    const index = position.get(name)
    return index === undefined ? [] : [index]
  })
  return found.sort((a, b) => a - b).map((index) => vocabulary[index]!)
}

function normalizeValue(
  definition: FactDefinition,
  raw: unknown,
  answers: FactAnswers | undefined,
): { ok: true; value: FactValue } | { ok: false; problem: FactProblem } {
  const expected = acceptedValues(definition)
  const fail = (code: FactProblem['code'], what: string) => ({
    ok: false as const,
    problem: { code, severity: 'error' as const, fact: definition.name, message: what, expected },
  })
  const shown = describe(raw)
  if (typeof raw === 'string' && raw.length > maxFactValueLength) {
    return fail(
      'FACT_INVALID_VALUE',
      `Expected \`${definition.name}\` to be at most ${maxFactValueLength} characters, not ${raw.length}`,
    )
  }
  switch (definition.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw }
      const spoken =
        typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : undefined
      const word =
        spoken === undefined
          ? undefined
          : (booleanWords.get(spoken) ?? answers?.booleans.get(normalizeSpelling(spoken)))
      if (word !== undefined) return { ok: true, value: word }
      return fail(
        typeof raw === 'string' ? 'FACT_INVALID_VALUE' : 'FACT_WRONG_TYPE',
        `Expected \`${definition.name}\` to be \`true\` or \`false\`, not ${shown}`,
      )
    }
    case 'version': {
      if (typeof raw === 'string' && isVersion(raw.trim())) return { ok: true, value: raw.trim() }
      const hint = typeof raw === 'number' ? '; write the version as a string, such as "3.1.6001.66"' : ''
      return fail(
        typeof raw === 'string' ? 'FACT_INVALID_VALUE' : 'FACT_WRONG_TYPE',
        `Expected \`${definition.name}\` to be a dotted version of up to four numbers such as \`3.1.6001.66\`, not ${shown}${hint}`,
      )
    }
    case 'enum': {
      if (typeof raw === 'string' || (typeof raw === 'number' && Number.isFinite(raw))) {
        const wanted = normalizeSpelling(String(raw))
        for (const candidate of definition.values!) {
          if (
            [candidate.value, ...candidate.aliases].some((spelling) => normalizeSpelling(spelling) === wanted)
          ) {
            return { ok: true, value: candidate.value }
          }
        }
        const labelled = answers?.labels.get(definition.name)?.get(wanted)
        if (labelled !== undefined) return { ok: true, value: labelled }
      }
      return fail(
        typeof raw === 'string' ? 'FACT_INVALID_VALUE' : 'FACT_WRONG_TYPE',
        `Expected \`${definition.name}\` to be one of ${expected.map((value) => `\`${value}\``).join(', ')}, not ${shown}`,
      )
    }
  }
}

// \`null\` never gets here: it means unknown.
function describe(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list'
  if (typeof raw === 'object') return 'an object'
  if (typeof raw === 'string') return `\`${printable(raw)}\``
  return `${typeof raw} \`${String(raw)}\``
}

function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?')
  return clean.length > 40 ? `${clean.slice(0, 37)}…` : clean
}
