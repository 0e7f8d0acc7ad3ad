// The cache folder keeps at most $KB_CACHE_MAX_MB: every edit of a folder files new entries, and without a
// bound a helpdesk editing a large knowledge base would fill its disk with entries nobody reads again.
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cacheLimit, markCacheFileUsed, trimCache, writeCacheFile } from '../../src/kb/cache-dir.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function cacheFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kb-cache-trim-'))
  folders.push(folder)
  return folder
}

const entry = (kind: string, digit: string) => `${kind}-${digit.repeat(40)}.json`

/** A file of `bytes` bytes last used `ageSeconds` ago. */
function file(folder: string, name: string, bytes: number, ageSeconds: number): string {
  const at = path.join(folder, name)
  writeFileSync(at, 'x'.repeat(bytes))
  const time = new Date(Date.now() - ageSeconds * 1000)
  utimesSync(at, time, time)
  return at
}

describe('trimCache()', () => {
  it('lets go of the least recently used entries until the rest fit, never the one just written', () => {
    const folder = cacheFolder()
    file(folder, entry('rules', 'a'), 400, 300)
    file(folder, entry('strings', 'b'), 400, 200)
    file(folder, entry('answers', 'c'), 400, 100)
    file(folder, entry('rules', 'd'), 400, 400)
    trimCache(folder, { maxBytes: 900, keep: entry('rules', 'd') })
    expect(readdirSync(folder).sort()).toEqual([entry('answers', 'c'), entry('rules', 'd')])
  })

  it('keeps an entry read since (marked as used) over one written later but not read', () => {
    const folder = cacheFolder()
    const read = file(folder, entry('rules', 'a'), 400, 300)
    file(folder, entry('rules', 'b'), 400, 100)
    markCacheFileUsed(read)
    trimCache(folder, { maxBytes: 500 })
    expect(readdirSync(folder)).toEqual([entry('rules', 'a')])
  })

  it('never touches files it did not name, and removes temporary files only once abandoned', () => {
    const folder = cacheFolder()
    file(folder, 'notes.txt', 5000, 9000)
    file(folder, 'rules-short.json', 5000, 9000)
    file(folder, `${entry('rules', 'a')}.123.tmp`, 10, 2 * 3600)
    file(folder, `${entry('rules', 'b')}.456.tmp`, 10, 60)
    // A worker thread's, named with its thread id too.
    file(folder, `${entry('rules', 'c')}.123-2.tmp`, 10, 2 * 3600)
    trimCache(folder, { maxBytes: 0 })
    expect(readdirSync(folder).sort()).toEqual(
      ['notes.txt', 'rules-short.json', `${entry('rules', 'b')}.456.tmp`].sort(),
    )
  })

  it('does nothing while everything fits', () => {
    const folder = cacheFolder()
    file(folder, entry('rules', 'a'), 100, 1000)
    trimCache(folder, { maxBytes: 100 })
    expect(existsSync(path.join(folder, entry('rules', 'a')))).toBe(true)
  })
})

describe('writeCacheFile()', () => {
  it('trims the folder to $KB_CACHE_MAX_MB after writing', () => {
    const folder = cacheFolder()
    file(folder, entry('rules', 'a'), 600_000, 100)
    const previous = process.env.KB_CACHE_MAX_MB
    process.env.KB_CACHE_MAX_MB = '1'
    try {
      expect(writeCacheFile(path.join(folder, entry('strings', 'b')), 'y'.repeat(600_000))).toBe(true)
    } finally {
      if (previous === undefined) delete process.env.KB_CACHE_MAX_MB
      else process.env.KB_CACHE_MAX_MB = previous
    }
    expect(readdirSync(folder)).toEqual([entry('strings', 'b')])
  })
})

describe('cacheLimit()', () => {
  it('reads $KB_CACHE_MAX_MB in megabytes, and 1,024 MB when it is unset or not a positive number', () => {
    expect(cacheLimit({ KB_CACHE_MAX_MB: '200' })).toBe(200 * 1024 * 1024)
    expect(cacheLimit({ KB_CACHE_MAX_MB: '0.5' })).toBe(512 * 1024)
    for (const value of [undefined, '', '0', '-3', 'lots'])
      expect(cacheLimit({ KB_CACHE_MAX_MB: value })).toBe(1024 * 1024 * 1024)
  })
})
