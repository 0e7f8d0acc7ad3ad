/** @module The error thrown when an article cannot be exported to CSAF. */

/**
 * Thrown by `buildCsaf` when the rules or the locales cannot give a complete CSAF document: the rules leave a
 * product undecided, or a localized string the document needs is missing. The message says what to add.
 *
 * @example
 * try { await buildCsaf(kb, {article: '954960', lang: 'nl', resources}) } catch (error) {
 *   if (error instanceof CsafExportError) console.error(error.message)
 * }
 */
export class CsafExportError extends Error {
  readonly code = 'KB_E_CSAF_EXPORT'
  /** When the rules leave a product undecided: which article, product and facts (and the facts tried in vain). */
  readonly undecided?: {
    article: string
    product: string
    facts: Record<string, unknown>
    missingFacts: string[]
  }

  constructor(message: string, undecided?: CsafExportError['undecided']) {
    super(message)
    this.name = 'CsafExportError'
    if (undecided) this.undecided = undecided
  }
}
