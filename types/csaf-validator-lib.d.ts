/**
 * Ambient declarations for the files of @secvisogram/csaf-validator-lib 2.0.10 that the CSAF tests import by
 * path: the package is ESM without `exports`, `main` or types.
 */

declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  /** One finding of a test; `instancePath` is a JSON pointer into the document. */
  export interface CsafFinding {
    message: string
    instancePath: string
  }
  /** The result of one test. `isValid` is false only when it reported errors. */
  export interface CsafTestResult {
    name: string
    isValid: boolean
    errors: CsafFinding[]
    warnings: CsafFinding[]
    infos: CsafFinding[]
  }
  /** A test of the library (strict mode refuses any other function). */
  export type CsafDocumentTest = ((doc: unknown) => unknown) & { readonly name: string }
  /** Run `tests` on `doc`; throws when a test is not one of the library's own. */
  export default function validateStrict(
    tests: readonly CsafDocumentTest[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: CsafTestResult[] }>
}

declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js'
  /** The CSAF 2.0 JSON schema with `additionalProperties: false` everywhere. */
  export const csaf_2_0_strict: CsafDocumentTest
  /** The CSAF 2.0 JSON schema as published. */
  export const csaf_2_0: CsafDocumentTest
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js'

  const tests: Record<string, CsafDocumentTest>
  export = tests
}

declare module '@secvisogram/csaf-validator-lib/optionalTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js'

  const tests: Record<string, CsafDocumentTest>
  export = tests
}

declare module '@secvisogram/csaf-validator-lib/informativeTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js'

  const tests: Record<string, CsafDocumentTest>
  export = tests
}
