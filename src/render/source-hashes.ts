/** @module Source hashes: each translated string records a hash of the English it was translated from. */
import { hash } from 'node:crypto'
import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse, stringify } from 'yaml'
import { translationSources } from './plural-keys.ts'

/**
 * The hash recorded for an English source string: the first 8 hex digits of its SHA-1.
 *
 * @example
 * sourceHash('Symptoms') // '8cd93736'
 */
export function sourceHash(text: string): string {
  return hash('sha1', text, 'hex').slice(0, 8)
}

/**
 * Every string leaf of a locale file by its dotted key (`kb.symptoms.intro`), `_meta` left out.
 *
 * @example
 * flattenStrings({kb: {title: 'x'}}) // Map {'kb.title' => 'x'}
 */
export function flattenStrings(data: unknown, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>()
  addStrings(flat, data, prefix)
  return flat
}

// Into one map: a map per level, copied into its parent's, cost a copy of every string per level.
function addStrings(flat: Map<string, string>, data: unknown, prefix: string): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return
  for (const [key, value] of Object.entries(data)) {
    if (prefix === '' && key === '_meta') continue
    const dotted = prefix === '' ? key : `${prefix}.${key}`
    if (typeof value === 'string') flat.set(dotted, value)
    else addStrings(flat, value, dotted)
  }
}

/**
 * The `_meta.source` hashes a translated file records, by dotted key.
 *
 * @example
 * recordedHashes({title: 'Titel', _meta: {source: {title: 'aaaa1111'}}}) // Map {'title' => 'aaaa1111'}
 */
export function recordedHashes(data: unknown): Map<string, string> {
  const meta = (data as { _meta?: { source?: unknown } } | null)?._meta?.source
  const hashes = new Map<string, string>()
  if (meta && typeof meta === 'object')
    for (const [key, value] of Object.entries(meta)) hashes.set(key, String(value))
  return hashes
}

/**
 * Replace the top-level `_meta:` block of a YAML text (or append one), leaving every other line as it is.
 *
 * @example
 * replaceMetaBlock('title: Titel\n', new Map([['title', 'aaaa1111']]))
 * // 'title: Titel\n\n# Hashes of …\n_meta:\n  source:\n    title: aaaa1111\n'
 */
export function replaceMetaBlock(text: string, hashes: Map<string, string>): string {
  const lines = text.split('\n')
  const start = lines.findIndex((line) => /^_meta\s*:/.test(line))
  let kept = lines
  if (start >= 0) {
    let end = start + 1
    while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]!))) end++
    kept = [...lines.slice(0, start), ...lines.slice(end)]
  }
  // The comment written above the block last time goes too, so repeated runs do not stack it.
  const body = kept
    .join('\n')
    .replace(/\s*$/, '')
    .replace(new RegExp(`\\n*${escapeRegExp(metaComment)}$`), '')
  const source = Object.fromEntries([...hashes].sort(([a], [b]) => a.localeCompare(b)))
  const block = stringify({ _meta: { source } }, { lineWidth: 0 })
  return `${body}\n\n${metaComment}\n${block}`
}

const metaComment =
  '# Hashes of the English source of each string, written by `kb locale-hashes` after review.'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** What `updateSourceHashes` wrote. */
interface HashUpdate {
  file: string
  /** Keys whose recorded hash changed (or was added). */
  updated: string[]
}

/**
 * Record, in every file of `locales/<language>/` (or only those of `namespaces`), the hash of the current English of each key the file
 * translates. Run it after reviewing a translation against the English; `kb lint` then stops reporting those
 * keys as stale. Writes atomically (temporary file, then rename).
 *
 * @example
 * await updateSourceHashes('locales', 'pl', {namespaces: ['954960']}) // [{file: 'locales/pl/954960.yaml', updated: ['kb.title', …]}]
 */
export async function updateSourceHashes(
  localesDir: string,
  language: string,
  options: { namespaces?: readonly string[] } = {},
): Promise<HashUpdate[]> {
  if (language === 'en')
    throw new RangeError('Expected a translated language, not `en` (the source language)')
  const folder = path.join(localesDir, language)
  const names = (await readdir(folder))
    .filter((name) => name.endsWith('.yaml'))
    .filter((name) => !options.namespaces || options.namespaces.includes(name.replace(/\.yaml$/, '')))
    .sort()
  const updates: HashUpdate[] = []
  for (const name of names) {
    const englishFile = path.join(localesDir, 'en', name)
    let english: Map<string, string>
    try {
      english = flattenStrings(parse(await readFile(englishFile, 'utf8'), { maxAliasCount: 0 }))
    } catch {
      continue
    }
    const file = path.join(folder, name)
    const text = await readFile(file, 'utf8')
    const data = parse(text, { maxAliasCount: 0 })
    const translated = flattenStrings(data)
    const before = recordedHashes(data)
    const sources = translationSources(english, language)
    const hashes = new Map<string, string>()
    for (const key of translated.keys()) {
      const source = sources.get(key)
      if (source !== undefined) hashes.set(key, sourceHash(source))
    }
    const updated = [...hashes].filter(([key, hash]) => before.get(key) !== hash).map(([key]) => key)
    const next = replaceMetaBlock(text, hashes)
    if (next !== text) {
      const temporary = `${file}.${process.pid}.tmp`
      await writeFile(temporary, next, 'utf8')
      await rename(temporary, file)
    }
    updates.push({ file, updated })
  }
  return updates
}
