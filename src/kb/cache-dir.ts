/**
 * @module Where kb-advisor keeps what it computed from folders, across runs, and how much: every edit of a
 * folder (and every new version of the code) files new entries, so the least recently used go once the folder
 * holds more than `$KB_CACHE_MAX_MB` (default 1,024 MB).
 */
import {
  mkdirSync,
  readdirSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { threadId } from 'node:worker_threads'

/**
 * The cache folder, or undefined when it is turned off: `$KB_CACHE_DIR`, else `$XDG_CACHE_HOME/kb-advisor`,
 * else `~/.cache/kb-advisor`; `KB_CACHE_DIR=off` turns it off.
 *
 * @example
 * cacheDir({ KB_CACHE_DIR: '/tmp/kb' }) // '/tmp/kb'
 * cacheDir({ KB_CACHE_DIR: 'off' }) // undefined
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.KB_CACHE_DIR === 'off') return undefined
  if (env.KB_CACHE_DIR) return env.KB_CACHE_DIR
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'kb-advisor')
}

/**
 * Write a cache file whole or not at all (a temporary file renamed into place), then keep the folder within
 * `cacheLimit()` (`trimCache`). A read-only or full cache only costs time, so a failure is ignored; the result
 * says whether the file was written.
 *
 * @example
 * writeCacheFile(path.join(cacheDir()!, 'rules-….json'), asciiJson(model))
 */
export function writeCacheFile(file: string, text: string | Uint8Array): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    // The thread too: a worker thread of the same process may file the same entry at the same time.
    const temporary = `${file}.${process.pid}${threadId === 0 ? '' : `-${threadId}`}.tmp`
    writeFileSync(temporary, text)
    renameSync(temporary, file)
  } catch {
    return false
  }
  // Trimming reads the whole folder: on a process's first write, then after each sixteenth of the limit.
  const limit = cacheLimit()
  writtenSinceTrim += typeof text === 'string' ? text.length : text.byteLength
  if (writtenSinceTrim >= Math.min(limit / 16, 64 * 1024 * 1024)) {
    trimCache(path.dirname(file), { maxBytes: limit, keep: path.basename(file) })
    writtenSinceTrim = 0
  }
  return true
}

let writtenSinceTrim = Number.POSITIVE_INFINITY

/**
 * Mark a cache file as just used (its modification time), so that trimming lets go of it last. Call it after
 * reading an entry; a failure is ignored.
 *
 * @example
 * const model = readJsonFile(file); markCacheFileUsed(file)
 */
export function markCacheFileUsed(file: string): void {
  try {
    const now = new Date()
    utimesSync(file, now, now)
  } catch {
    // Read-only cache: trimming then goes by when the entry was written.
  }
}

const defaultLimitMb = 1024

/**
 * The most bytes the cache folder keeps: `$KB_CACHE_MAX_MB` megabytes (1,024 when unset or not a positive
 * number).
 *
 * @example
 * cacheLimit({ KB_CACHE_MAX_MB: '200' }) // 209715200
 */
export function cacheLimit(env: NodeJS.ProcessEnv = process.env): number {
  const megabytes = Number(env.KB_CACHE_MAX_MB)
  return (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : defaultLimitMb) * 1024 * 1024
}

// Only names kb-advisor gives its entries (`rules-<40 hex>.json`) and its temporary files: the folder may be
// shared with anything else.
const entryName = /^[a-z]+-[0-9a-f]{40}\.json$/
const temporaryName = /^[a-z]+-[0-9a-f]{40}\.json\.\d+(?:-\d+)?\.tmp$/
// A temporary file this old was left by a process that stopped while writing it.
const abandonedMs = 60 * 60 * 1000

/**
 * Let go of the least recently used entries of the cache folder `dir` until they take at most `maxBytes`
 * (never `keep`, the entry just written), and of temporary files left for an hour. Files of other names are
 * never touched. A file another process is reading stays readable to it; one it was about to read is
 * computed again.
 *
 * @example
 * trimCache(cacheDir()!, { maxBytes: cacheLimit(), keep: 'rules-….json' })
 */
export function trimCache(dir: string, options: { maxBytes: number; keep?: string }): void {
  const now = Date.now()
  const entries: Array<{ file: string; size: number; used: number }> = []
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const entry = entryName.test(name)
    if (!entry && !temporaryName.test(name)) continue
    const file = path.join(dir, name)
    const info = statOf(file)
    if (!info?.isFile()) continue
    if (entry) {
      const used = name === options.keep ? Number.POSITIVE_INFINITY : info.mtimeMs
      entries.push({ file, size: info.size, used })
    } else if (now - info.mtimeMs > abandonedMs) remove(file)
  }
  let total = entries.reduce((sum, entry) => sum + entry.size, 0)
  entries.sort((a, b) => a.used - b.used)
  for (const entry of entries) {
    if (total <= options.maxBytes || entry.used === Number.POSITIVE_INFINITY) break
    if (remove(entry.file)) total -= entry.size
  }
}

// Gone meanwhile, or not ours to read: left alone.
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

function remove(file: string): boolean {
  try {
    unlinkSync(file)
    return true
  } catch {
    return false
  }
}
