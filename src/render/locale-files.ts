/** @module The string files of one language and namespace, read for translation exchange. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { flattenStrings, recordedHashes } from './source-hashes.ts'

/** One `locales/<language>/<namespace>.yaml` file, or an empty one when it does not exist yet. */
export interface LocaleStrings {
  file: string
  /** The file's text, or undefined when it does not exist. */
  text: string | undefined
  /** Its strings by dotted key, `_meta` left out. */
  strings: Map<string, string>
  /** Its `_meta.source` hashes by dotted key. */
  hashes: Map<string, string>
}

/**
 * Read `locales/<language>/<namespace>.yaml`; a missing file reads as one without strings.
 *
 * @example
 * const polish = await readLocaleStrings('locales', 'pl', 'common')
 * polish.strings.get('verdict.affected') // 'Dotyczy'
 */
export async function readLocaleStrings(
  localesDir: string,
  language: string,
  namespace: string,
): Promise<LocaleStrings> {
  const file = path.join(localesDir, language, `${namespace}.yaml`)
  let text: string | undefined
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    return { file, text: undefined, strings: new Map(), hashes: new Map() }
  }
  const data = parse(text, { maxAliasCount: 0 })
  return { file, text, strings: flattenStrings(data), hashes: recordedHashes(data) }
}

/**
 * The namespaces of the English source (file names of `locales/en/` without `.yaml`), sorted.
 *
 * @example
 * await sourceNamespaces('locales') // ['954960', 'common', 'csaf', 'web']
 */
export async function sourceNamespaces(localesDir: string): Promise<string[]> {
  return (await readdir(path.join(localesDir, 'en')))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.replace(/\.yaml$/, ''))
    .sort()
}
