/**
 * @module The validated model of a rules folder without validating it again when nothing changed: the build's
 * snapshot for the built-in rules, else the compiled copy filed for the folder's content (compiled-cache.ts),
 * else the folder read and validated, and filed for the next run.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { writeCacheFile } from './cache-dir.ts'
import type { FolderEntries } from './compiled-cache.ts'
import { KnowledgeBaseError } from './errors.ts'
import { filedModelBytes, readFiledModel } from './filed-model.ts'
import { folderHash } from './folder-hash.ts'
import type { KnowledgeBaseModel } from './model.ts'
import { snapshotModel } from './snapshot.ts'

/**
 * The model of `dir`, and the cache's entries for its content (undefined for the snapshot or with the cache
 * off), where what is derived from the model can be filed too. Throws `KnowledgeBaseError` when the folder
 * does not validate.
 *
 * @example
 * const { model } = await loadCompiledModel('test/fixtures/fictional/rules')
 */
export async function loadCompiledModel(
  dir: string,
): Promise<{ model: KnowledgeBaseModel; entries: FolderEntries | undefined }> {
  // Hashed once for both: stating every file of 1,000 articles takes about 25 ms.
  const content = folderHash(dir)
  const snapshot = snapshotModel(dir, undefined, content)
  if (snapshot) return { model: snapshot, entries: undefined }
  const { folderEntries } = await import('./compiled-cache.ts')
  const entries = folderEntries(dir, content)
  const filed = entries && readFiledModel(entries.file('rules', ''), dir)
  if (filed) return { model: filed, entries }
  // The loader (YAML parser, zod schemas) is imported only when the files must be read.
  const { lintRules } = await import('./load.ts')
  const { problems, model } = await lintRules(dir)
  if (!model) throw new KnowledgeBaseError(problems)
  // Filed with its warnings (for a later `kb lint`), unless a file changed while the folder was read: what was
  // read then may be neither the content hashed before nor the content now.
  if (entries && folderHash(dir) === content) {
    const { fileRulesWarnings } = await import('./filed-rules-lint.ts')
    fileCompiledModel(entries, model)
    fileRulesWarnings(entries, dir, problems)
  }
  return { model: { ...model, dir: path.resolve(dir) }, entries }
}

/**
 * File the validated model of a folder under its cache entries when no run has filed it yet: what
 * `loadCompiledModel` would file, for the next `kb check` or `kb serve` (and the next `kb lint`'s worker thread).
 * `entries` must have been taken before the folder was read (see `folderEntries`).
 *
 * @example
 * const entries = folderEntries(dir); const { model } = await lintRules(dir); if (model && entries) fileCompiledModel(entries, model)
 */
export function fileCompiledModel(entries: FolderEntries, model: KnowledgeBaseModel): void {
  const file = entries.file('rules', '')
  if (!existsSync(file)) writeCacheFile(file, filedModelBytes(model))
}
