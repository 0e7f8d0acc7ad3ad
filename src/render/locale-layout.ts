/**
 * @module The layout of a locales folder: which languages have a folder, and which YAML files each holds. Read
 * before the translation QA starts (it needs no parser), so that a worker thread can start on it at once.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { languages } from './i18n.ts'

/** The languages with a folder (English first) and their files; plain data, for a worker thread too. */
export interface LocaleLayout {
  /** Every language of `languages`, English first: those without a folder have `names: undefined`. */
  folders: Array<{ language: string; names: string[] | undefined }>
  /** Every namespace of any language, sorted: the units. */
  namespaces: string[]
}

/**
 * The layout of a locales folder: which languages have a folder, and their YAML files.
 *
 * @example
 * const layout = await localeLayout('locales') // {folders: [{language: 'en', names: ['954960.yaml', …]}, …], namespaces: ['954960', …]}
 */
export async function localeLayout(localesDir: string): Promise<LocaleLayout> {
  const folders: LocaleLayout['folders'] = []
  const namespaces = new Set<string>()
  // English first, whatever the order of `languages`: each unit checks a translation against its English.
  for (const language of ['en', ...languages.filter((candidate) => candidate !== 'en')]) {
    let names: string[] | undefined
    try {
      names = (await readdir(path.join(localesDir, language))).filter((name) => name.endsWith('.yaml')).sort()
      for (const name of names) namespaces.add(name.replace(/\.yaml$/, ''))
    } catch {
      names = undefined
    }
    folders.push({ language, names })
  }
  return { folders, namespaces: [...namespaces].sort() }
}
