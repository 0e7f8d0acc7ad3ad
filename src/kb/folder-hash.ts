/**
 * @module The SHA-256 of a folder's files, read only when a file may have changed. A folder whose files all
 * have the size, inode, modification and change times they had when it was last hashed has that hash again;
 * it is remembered in this process and in the cache folder (`cacheDir`). A file whose times are within two
 * seconds of when its folder was hashed is never trusted to them (a second write in the same clock tick can
 * keep them, as Git's "racily clean" entries): such a folder is read again.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { cacheDir, markCacheFileUsed, writeCacheFile } from './cache-dir.ts'

// Clock ticks of file systems and the gap between their clock and ours stay well below this.
const racyMs = 2000

interface Remembered {
  hash: string
  /** `Date.now()` just before the files were read. */
  at: number
}

const remembered = new Map<string, Remembered>()

/**
 * SHA-256 of every file under `dir`: relative paths and contents, in sorted order, so the same files give
 * the same hash wherever the folder lives. Undefined when the folder or a file in it cannot be read (the
 * full load then reports why). `memo`: the folder that remembers hashes across runs (default `cacheDir()`).
 *
 * @example
 * folderHash('rules') === snapshot.rulesHash // the snapshot's model is this folder's
 */
export function folderHash(dir: string, memo: string | undefined = cacheDir()): string | undefined {
  const listing = statListing(dir)
  if (listing === undefined) return undefined
  const key = createHash('sha256')
    .update(`${path.resolve(dir)}\u0000${listing.text}`)
    .digest('hex')
  const trusted = (entry: Remembered | undefined) =>
    entry !== undefined && typeof entry.hash === 'string' && listing.newest < entry.at - racyMs
  const known = remembered.get(key)
  if (trusted(known)) return known!.hash
  const file = memo === undefined ? undefined : path.join(memo, `folder-${key.slice(0, 40)}.json`)
  const stored = file === undefined ? undefined : readRemembered(file)
  if (trusted(stored)) {
    markCacheFileUsed(file!)
    remembered.set(key, stored!)
    return stored!.hash
  }
  const at = Date.now()
  const hash = contentHash(dir, listing.files)
  if (hash === undefined) return undefined
  const entry = { hash, at }
  remembered.set(key, entry)
  if (file !== undefined) writeCacheFile(file, JSON.stringify(entry))
  return hash
}

/** The files under `dir` (relative, sorted as `contentHash` reads them) and a line per file of their times. */
function statListing(dir: string): { files: string[]; text: string; newest: number } | undefined {
  const files: string[] = []
  let text = ''
  let newest = 0
  const walk = (relative: string): void => {
    const entries = readdirSync(path.join(dir, relative), { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (entry.isDirectory()) walk(name)
      else {
        const info = statSync(path.join(dir, name))
        files.push(name)
        text += `${name}\u0000${info.size}\u0000${info.ino}\u0000${info.mtimeMs}\u0000${info.ctimeMs}\n`
        newest = Math.max(newest, info.mtimeMs, info.ctimeMs)
      }
    }
  }
  try {
    walk('')
  } catch {
    return undefined
  }
  return { files, text, newest }
}

function contentHash(dir: string, files: readonly string[]): string | undefined {
  const hash = createHash('sha256')
  try {
    for (const name of files) {
      const content = readFileSync(path.join(dir, name))
      hash.update(`${name}\u0000${content.length}\u0000`).update(content)
    }
  } catch {
    return undefined
  }
  return hash.digest('hex')
}

function readRemembered(file: string): Remembered | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Remembered
  } catch {
    return undefined
  }
}
