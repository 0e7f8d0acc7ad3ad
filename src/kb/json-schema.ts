/** @module JSON Schema of every rules file kind, generated from the zod schemas (the one source of truth). */
import { z } from 'zod'
import { type FileKind, fileKinds } from './kinds.ts'

/**
 * The draft-07 JSON Schema of one kind of rules file, as committed in `schema/<kind>.schema.json` for
 * editors (yaml-language-server).
 *
 * @example
 * const schema = jsonSchemaOf('verdicts')
 */
export function jsonSchemaOf(kind: FileKind): Record<string, unknown> {
  const schema = z.toJSONSchema(fileKinds[kind], { target: 'draft-7', io: 'input', unrepresentable: 'any' })
  return { ...schema, title: `kb-advisor ${kind} file`, $id: `${kind}.schema.json` }
}

/** Every kind's schema, keyed by file name. */
export function allJsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const kind of Object.keys(fileKinds) as FileKind[]) {
    files[`${kind}.schema.json`] = `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`
  }
  return files
}
