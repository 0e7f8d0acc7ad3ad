/** @module Where kb-advisor keeps what it computed from folders, across runs. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

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
 * Write a cache file whole or not at all (a temporary file renamed into place). A read-only or full cache only
 * costs time, so a failure is ignored; the result says whether the file was written.
 *
 * @example
 * writeCacheFile(path.join(cacheDir()!, 'rules-….json'), JSON.stringify(model))
 */
export function writeCacheFile(file: string, text: string | Uint8Array): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, text)
    renameSync(temporary, file)
    return true
  } catch {
    return false
  }
}
