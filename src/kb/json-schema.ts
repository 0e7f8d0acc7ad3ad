/** @module JSON Schema of every rules and locale file, generated from the zod schemas (the one source of truth). */
import { z } from 'zod'
import { type FileKind, fileKinds } from './kinds.ts'
import { LocaleFile } from './schema/locale.ts'

/** Every file with a committed `schema/<name>.schema.json`: the rules kinds, and `locale` for `locales/`. */
const schemas = { ...fileKinds, locale: LocaleFile }

/** A rules file kind, or `locale` for the files under `locales/<lang>/`. */
type SchemaName = FileKind | 'locale'

/**
 * The draft-07 JSON Schema of one kind of file, as committed in `schema/<name>.schema.json` for
 * editors (yaml-language-server).
 *
 * @example
 * const schema = jsonSchemaOf('verdicts')
 * const locale = jsonSchemaOf('locale')
 */
function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  const schema = z.toJSONSchema(schemas[name], { target: 'draft-7', io: 'input', unrepresentable: 'any' })
  return { ...schema, title: `kb-advisor ${name} file`, $id: `${name}.schema.json` }
}

/**
 * Every schema's JSON text, keyed by file name.
 *
 * @example
 * Object.keys(allJsonSchemas()) // ['catalog.schema.json', …, 'locale.schema.json']
 */
export function allJsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of Object.keys(schemas) as SchemaName[]) {
    files[`${name}.schema.json`] = `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`
  }
  return files
}
