/**
 * @module A compiled copy of any rules or locales folder, kept across runs: the validated model (or parsed
 * strings) of a folder, filed under the SHA-256 of its content and of the code that validated it. A changed
 * file gives another hash, so the folder is read and validated again; nothing is ever served stale. The
 * cache lives in `$KB_CACHE_DIR`, else `$XDG_CACHE_HOME/kb-advisor`, else `~/.cache/kb-advisor`;
 * `KB_CACHE_DIR=off` turns it off. A cache that cannot be read or written is skipped silently: it only
 * saves time.
 */
import { createHash } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cacheDir, markCacheFileUsed, writeCacheFile } from './cache-dir.ts'
import { asciiJson, readJsonFile } from './cache-json.ts'
import { folderHash } from './folder-hash.ts'

// 2: the files of an article are relative to the rules folder, no longer as shown in problems. 3: an article's
// texts are read from the model's file when first needed (filed-model.ts). 4: its rules and the signatures of
// all articles too, the facts each article concerns in the header.
const CACHE_VERSION = 4

let codeStamp: string | undefined
// The code that validates: a rebuilt or edited loader must not reuse what the old one produced.
function validatingCode(): string {
  if (codeStamp === undefined) {
    const hash = createHash('sha256').update(String(CACHE_VERSION))
    const here = path.dirname(fileURLToPath(import.meta.url))
    // kb/ and its schemas validate, render/ parses strings, lints them and localizes answers, engine/ judges
    // decidability and answers, http/ localizes the API's answers, logs/ analyses the signatures' patterns.
    const folders = ['.', 'schema', '../render', '../engine', '../http', '../logs'].map((folder) =>
      path.join(here, folder),
    )
    for (const folder of folders) {
      for (const name of safeList(folder)) {
        const info = statSync(path.join(folder, name), { throwIfNoEntry: false })
        if (info?.isFile()) hash.update(`${folder}/${name}\u0000${info.size}\u0000${info.mtimeMs}\u0000`)
      }
    }
    codeStamp = hash.digest('hex')
  }
  return codeStamp
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder).sort()
  } catch {
    return []
  }
}

/**
 * The cache's entries for a folder's content as it is now: the folder is hashed once, here, before anything of
 * it is read, so that whatever is filed under these entries was made from this content or later content, never
 * earlier (a file edited meanwhile makes an entry stale, never wrong). `known`: the folder's hash when the
 * caller took it just before, under the same rule. Undefined when the cache is off or the folder unreadable.
 *
 * @example
 * const entries = folderEntries(dir)
 * const model = await (entries?.get('rules', '', build) ?? build())
 */
export function folderEntries(folder: string, known?: string): FolderEntries | undefined {
  const dir = cacheDir()
  const content = dir === undefined ? undefined : (known ?? folderHash(folder))
  if (dir === undefined || content === undefined) return undefined
  const fileOf = (kind: string, variant: string) => entryFile(dir, kind, variant, content)
  return {
    file: fileOf,
    async get<T>(kind: string, variant: string, build: () => Promise<T>): Promise<T> {
      const file = fileOf(kind, variant)
      try {
        const value = readJsonFile(file) as T
        markCacheFileUsed(file)
        return value
      } catch {
        // Not compiled yet, or unreadable: compile.
      }
      const value = await build()
      writeCacheFile(file, asciiJson(value))
      return value
    },
  }
}

/**
 * Where the compiled copy of a folder with this content would be; undefined when the cache is off or the folder
 * unreadable. For callers that file their own format (strings read namespace by namespace).
 *
 * @example
 * compiledEntryFile('strings', 'locales', 'en,nl') // '~/.cache/kb-advisor/strings-….json'
 */
export function compiledEntryFile(kind: string, folder: string, variant: string): string | undefined {
  return folderEntries(folder)?.file(kind, variant)
}

/**
 * The cache file of an entry that depends on this version of the code alone, not on a folder (for example the
 * plain text of Markdown strings); undefined when the cache is off.
 *
 * @example
 * codeEntryFile('plain') // '~/.cache/kb-advisor/plain-….json'
 */
export function codeEntryFile(kind: string): string | undefined {
  const dir = cacheDir()
  return dir === undefined ? undefined : entryFile(dir, kind)
}

// An entry's file, named as `trimCache` recognizes it: the kind, then a hash of what it was made from and of
// the code that made it.
function entryFile(dir: string, kind: string, ...madeFrom: string[]): string {
  const key = createHash('sha256')
    .update([kind, ...madeFrom, validatingCode()].join('\u0000'))
    .digest('hex')
  return path.join(dir, `${kind}-${key.slice(0, 40)}.json`)
}

/** See `folderEntries`. */
export interface FolderEntries {
  /** The file of the entry `kind` (and `variant`), for callers that read and write it themselves. */
  file(kind: string, variant: string): string
  /**
   * What is filed as `kind` (and `variant`, e.g. the languages parsed) for the folder's content, or else what
   * `build()` returns, filed for the next run.
   */
  get<T>(kind: string, variant: string, build: () => Promise<T>): Promise<T>
}

/**
 * The compiled copy of `folder` when one with exactly its content exists; otherwise `build()` runs, and what
 * it returns is filed for the next run. `variant` separates compilations of the same folder (for example the
 * languages parsed).
 *
 * @example
 * const model = await compiledFolder('rules', dir, '', () => loadRules(dir))
 */
export async function compiledFolder<T>(
  kind: string,
  folder: string,
  variant: string,
  build: () => Promise<T>,
): Promise<T> {
  const entries = folderEntries(folder)
  return entries ? entries.get(kind, variant, build) : build()
}
