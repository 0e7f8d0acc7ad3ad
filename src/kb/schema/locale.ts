/** @module Schema of a locale file (`locales/<lang>/<namespace>.yaml`): nested strings plus source hashes. */
import { z } from 'zod'

/** A translated string, or a mapping of further keys (`kb.symptoms.intro`). */
type LocaleEntry = string | { [key: string]: LocaleEntry }

/** A string leaf or a nested mapping; lists, numbers and empty values are not translations. */
const LocaleEntry: z.ZodType<LocaleEntry> = z.lazy(() =>
  z.union([z.string(), z.record(z.string(), LocaleEntry)]),
)

/** The first 8 hex digits of the SHA-1 of an English string (written by `kb locale-hashes`). */
const SourceHash = z
  .string()
  .regex(/^[0-9a-f]{8}$/, 'Expected 8 lower-case hex digits written by `kb locale-hashes`')

/**
 * A locale file: any keys with strings or nested mappings, and in a translation `_meta.source`, the hash
 * of the English each key was translated from.
 *
 * @example
 * LocaleFile.parse({kb: {title: 'Titel'}, _meta: {source: {'kb.title': '5ed1b4b5'}}})
 */
export const LocaleFile = z
  .object({
    _meta: z.strictObject({ source: z.record(z.string(), SourceHash) }).optional(),
  })
  .catchall(LocaleEntry)
