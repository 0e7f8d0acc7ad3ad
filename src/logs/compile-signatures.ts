/**
 * @module Compiles the patterns of a validated `kind: signatures` document for matching. Kept apart from the
 * validation (zod) and the YAML reader: `kb diagnose` gets validated signatures from the knowledge base and
 * needs neither.
 */

import { captureNames } from '../kb/schema/capture-names.ts'
import type { SignaturesFile, Symptom } from '../kb/schema/signatures.ts'

/** A signature line or veto with its pattern compiled. */
export interface CompiledLine {
  id: string
  regex: RegExp
  required: boolean
  distinctive: boolean
  captures: string[]
}

/** A symptom ready for matching: lines in block order, vetoes, window. */
export interface CompiledSymptom {
  id: string
  /** The log kind the symptom is searched in. */
  log: Symptom['log']
  window: number
  lines: CompiledLine[]
  vetoes: CompiledLine[]
}

/**
 * Compiles every pattern of a validated file (the schema already proved they compile and are safe), or only
 * the symptoms searched in one log kind. Files compiled with the same `patterns` map share the compiled form
 * of a pattern they have in common (a regular expression without flags keeps no state between searches).
 *
 * @example
 * const [client] = compileSignatures(signatures)
 * client.lines[0].regex.test('PT: Synchronizing server updates') // true
 */
export function compileSignatures(
  file: SignaturesFile,
  options: { kind?: string; patterns?: Map<string, CompiledPattern> } = {},
): CompiledSymptom[] {
  const patterns = options.patterns ?? new Map<string, CompiledPattern>()
  const compileLine = (id: string, pattern: string, required: boolean, distinctive: boolean) => {
    let compiled = patterns.get(pattern)
    if (compiled === undefined) {
      compiled = { regex: new RegExp(pattern), captures: captureNames(pattern) }
      patterns.set(pattern, compiled)
    }
    return { id, required, distinctive, ...compiled }
  }
  return file.symptoms
    .filter((symptom) => options.kind === undefined || symptom.log === options.kind)
    .map((symptom) => ({
      id: symptom.id,
      log: symptom.log,
      window: symptom.window,
      lines: symptom.lines.map((line) => compileLine(line.id, line.pattern, line.required, line.distinctive)),
      vetoes: symptom.vetoes.map((veto) => compileLine(veto.id, veto.pattern, false, false)),
    }))
}

/** The part of a compiled line that depends on its pattern alone. */
export type CompiledPattern = Pick<CompiledLine, 'regex' | 'captures'>
