/**
 * @module The error of a translation key that neither a language nor English has. In a module of its own: the
 * CLI tells it apart from other errors, and the localizer that throws it loads the Markdown parser.
 */

/**
 * A key the outline asks for that neither the language nor the English fallback has: an error, never a raw
 * key in a published document.
 *
 * @example
 * try { localizer.blocks('kb.cause') } catch (error) { if (error instanceof MissingTranslationError) error.key }
 */
export class MissingTranslationError extends Error {
  override readonly name = 'MissingTranslationError'
  constructor(
    readonly key: string,
    readonly language: string,
    readonly article: string,
  ) {
    super(
      `Expected the translation key \`${key}\` for article \`${article}\` in \`${language}\`${language === 'en' ? '' : ' (or in `en`)'}, not none; add it to ${
        key.startsWith('common:') ? `locales/en/common.yaml` : `locales/en/${article}.yaml`
      }`,
    )
  }
}
