/**
 * @module The required literals of every pattern of a set of articles (`requiredLiterals`), as plain data: what
 * `kb diagnose` files across runs, since analysing the patterns of a thousand articles takes longer than the
 * pass over a small log.
 */
import type { SignaturesFile } from '../kb/schema/signatures.ts'
import { requiredLiterals } from './literal-alternatives.ts'

/** Per pattern (a compiled expression's `source`), its required literals, or null when it has none. */
export type SignatureLiterals = Record<string, string[] | null>

/**
 * The required literals of every line and veto of `articles`, keyed as `MatcherSet` looks them up.
 *
 * @example
 * signatureLiterals([signatures])['SOAP Fault: 0x000190'] // ['SOAP Fault: 0x000190']
 */
export function signatureLiterals(articles: readonly SignaturesFile[]): SignatureLiterals {
  // Without a prototype: a pattern may be `__proto__`.
  const literals: SignatureLiterals = Object.create(null)
  for (const signatures of articles)
    for (const symptom of signatures.symptoms)
      for (const { pattern } of [...symptom.lines, ...symptom.vetoes]) {
        // As `compileSignatures` compiles it: its `source` may escape what the pattern did not.
        const source = new RegExp(pattern).source
        if (!Object.hasOwn(literals, source)) literals[source] = requiredLiterals(source) ?? null
      }
  return literals
}
