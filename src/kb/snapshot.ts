/**
 * @module A validated copy of the built-in rules and locales, written by `npm run build` into
 * `dist/snapshot.json`. Start-up uses its model for any rules folder whose files have exactly the content the
 * snapshot was made from, and its strings while the locales have; otherwise everything is read and validated
 * again. Content, not modification times: npm resets those when it installs a package.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Resource } from 'i18next'
import { readJsonFile } from './cache-json.ts'
import { folderHash } from './folder-hash.ts'
import type { KnowledgeBaseModel } from './model.ts'
import { defaultLocalesDir } from './paths.ts'

/** `dist/snapshot.json`: the validated model and strings, and the hashes of the folders they were built from. */
export interface Snapshot {
  // 3: the files of an article are relative to the rules folder.
  version: 3
  /** `folderHash` of the rules folder the model was validated from. */
  rulesHash: string
  /** `folderHash` of the locales folder the strings were parsed from. */
  localesHash: string
  model: Omit<KnowledgeBaseModel, 'dir'>
  resources: Resource
}

/** `dist/snapshot.json` when running compiled; from the sources it would be `src/snapshot.json`, which is never written. */
const snapshotFile = fileURLToPath(new URL('../snapshot.json', import.meta.url))

/**
 * The snapshot file, parsed, when it exists and has this version's shape; otherwise undefined.
 *
 * @example
 * readSnapshot()?.model.articles.length
 */
export function readSnapshot(file: string = snapshotFile): Snapshot | undefined {
  try {
    const snapshot = readJsonFile(file) as Snapshot
    return snapshot.version === 3 && typeof snapshot.rulesHash === 'string' ? snapshot : undefined
  } catch {
    return undefined
  }
}

/**
 * The snapshot's validated model for `rulesDir`, when that folder holds exactly the files it was made from
 * (`content`: the folder's hash, when the caller has it).
 *
 * @example
 * const model = snapshotModel(defaultRulesDir)
 * if (model) new KnowledgeBase(model)
 */
export function snapshotModel(
  rulesDir: string,
  file: string = snapshotFile,
  content: string | undefined = folderHash(rulesDir),
): KnowledgeBaseModel | undefined {
  const snapshot = readSnapshot(file)
  if (!snapshot || content !== snapshot.rulesHash) return undefined
  return { ...snapshot.model, dir: path.resolve(rulesDir) }
}

/**
 * The snapshot's parsed strings, when `localesDir` holds exactly the files they were parsed from.
 *
 * @example
 * const resources = snapshotResources() ?? (await loadResources())
 */
export function snapshotResources(
  localesDir: string = defaultLocalesDir,
  file: string = snapshotFile,
): Resource | undefined {
  const snapshot = readSnapshot(file)
  if (!snapshot || folderHash(localesDir) !== snapshot.localesHash) return undefined
  return snapshot.resources
}
