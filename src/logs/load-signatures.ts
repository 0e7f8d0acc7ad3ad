/**
 * @module Validates a parsed `kind: signatures` document; can also read the YAML file itself. Compiling its
 * patterns is `compile-signatures.ts`, re-exported here.
 */
import { readFile } from 'node:fs/promises'
import { SignaturesFile } from '../kb/schema/signatures.ts'

export {
  type CompiledLine,
  type CompiledPattern,
  type CompiledSymptom,
  compileSignatures,
} from './compile-signatures.ts'

/**
 * Validates a parsed signatures document, throwing one readable error listing every problem.
 *
 * @example
 * const file = parseSignatures(parse(await readFile('rules/articles/954960/signatures.yaml', 'utf8')))
 * file.symptoms.map((symptom) => symptom.id) // ['client-syncupdates-internal-server-error', ...]
 */
export function parseSignatures(document: unknown, source = 'signatures'): SignaturesFile {
  const result = SignaturesFile.safeParse(document)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
  throw new Error(
    `Expected a valid signatures file in ${source}, not one with ${problems.length} problem(s): ${problems.join('; ')}`,
  )
}

/**
 * Reads and validates a signatures YAML file.
 *
 * @example
 * const signatures = await readSignaturesFile('rules/articles/954960/signatures.yaml')
 */
export async function readSignaturesFile(path: string): Promise<SignaturesFile> {
  // The YAML parser is loaded only here: matching needs none.
  const { parse } = await import('yaml')
  return parseSignatures(parse(await readFile(path, 'utf8')), path)
}
