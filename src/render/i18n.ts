/** @module i18next instances over the YAML resources in `locales/`. */
import { existsSync, readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { i18n, Resource, ResourceKey } from 'i18next'
import { defaultLocalesDir } from '../kb/paths.ts'
import { stringsIdentity, withStringsIdentity } from './strings-identity.ts'

export { defaultLocalesDir }

/**
 * The languages every document and answer exists in.
 *
 * @example
 * for (const lang of languages) await renderer.render({article: '954960', doc: 'kb', lang, format: 'md'})
 */
export const languages = ['en', 'nl', 'pl', 'nb'] as const
/** One of `languages`. */
export type Language = (typeof languages)[number]

/**
 * True when `value` is one of the supported languages.
 *
 * @example
 * isLanguage('nb') // true
 * isLanguage('de') // false
 */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

/**
 * Read every `locales/<lang>/<namespace>.yaml` (of `only` those languages, when given) into an i18next
 * resource object. `_meta` keys (source hashes for translation QA) are kept out of the resources.
 *
 * @example
 * const resources = await loadResources()
 * resources.nl['954960'] // the Dutch strings of article 954960
 */
export async function loadResources(
  dir: string = defaultLocalesDir,
  only: readonly Language[] = languages,
): Promise<Resource> {
  const resources: Resource = {}
  for (const language of only) {
    const names = await localeNamespaces(dir, language)
    if (names === undefined) continue
    resources[language] = {}
    for (const name of names) resources[language]![name] = await readLocaleFile(dir, language, name)
  }
  return resources
}

/**
 * The namespaces of one language's folder (`common`, `954960`…), sorted; undefined when it has no folder.
 *
 * @example
 * await localeNamespaces('locales', 'nl') // ['4096317', '954960', 'common', …]
 */
export async function localeNamespaces(dir: string, language: Language): Promise<string[] | undefined> {
  try {
    const names = (await readdir(path.join(dir, language))).filter((name) => name.endsWith('.yaml')).sort()
    return names.map((name) => name.slice(0, -'.yaml'.length))
  } catch {
    return undefined
  }
}

/**
 * One namespace's strings, parsed from `<dir>/<language>/<namespace>.yaml`, without its `_meta` key.
 *
 * @example
 * await readLocaleFile('locales', 'nb', 'common') // {verdict: {affected: 'Berørt', …}, …}
 */
export async function readLocaleFile(
  dir: string,
  language: Language,
  namespace: string,
): Promise<ResourceKey> {
  // Imported here, not at the top: `kb check` reads a prebuilt snapshot and never needs a YAML parser.
  const { quickYamlData } = await import('../kb/quick-yaml.ts')
  const file = path.join(dir, language, `${namespace}.yaml`)
  // Reading a directory fails without the path: add it, so the error can name it. Synchronous: a promise's
  // read is four round trips to the thread pool, for each of thousands of small files.
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    ;(error as NodeJS.ErrnoException).path ??= file
    throw error
  }
  // yaml reads what the quick reader leaves to it (any alias among it), and throws on any problem.
  let data: unknown
  try {
    data = quickYamlData(text)?.data ?? (await import('yaml')).parse(text, { maxAliasCount: 0 }) ?? {}
  } catch (error) {
    // A file that does not parse: its problems with their positions, as `kb lint` reports them.
    const { parseYamlSource } = await import('../kb/yaml-source.ts')
    const { displayPath } = await import('../kb/display-path.ts')
    const { problems } = parseYamlSource(displayPath(file), text)
    if (problems.some((problem) => problem.severity === 'error')) {
      const { KnowledgeBaseError } = await import('../kb/errors.ts')
      throw new KnowledgeBaseError(problems)
    }
    throw error
  }
  delete (data as Record<string, unknown>)._meta
  return data as ResourceKey
}

// What Intl.DateTimeFormat reads from its options.
const dateTimeOptions = [
  'localeMatcher',
  'calendar',
  'numberingSystem',
  'hour12',
  'hourCycle',
  'timeZone',
  'dateStyle',
  'timeStyle',
  'weekday',
  'era',
  'year',
  'month',
  'day',
  'dayPeriod',
  'hour',
  'minute',
  'second',
  'fractionalSecondDigits',
  'timeZoneName',
  'formatMatcher',
] as const

/** Options of `createI18n`. */
interface CreateI18nOptions {
  /**
   * Called with every interpolated (and formatted) value; its result replaces the placeholder. The renderer
   * uses it to put an opaque token in the Markdown and the value back after parsing, so values never become
   * Markdown syntax.
   */
  escape?: (value: string) => string
}

/**
 * Merge a second resource tree over the first, namespace by namespace (a fixture's article strings over the
 * built-in ones).
 *
 * @example
 * const merged = mergeResources(await loadResources(), await loadResources('test/fixtures/fictional/locales'))
 */
export function mergeResources(base: Resource, extra: Resource): Resource {
  const merged: Resource = { ...base }
  for (const [language, namespaces] of Object.entries(extra)) {
    // Descriptors, not values: namespaces read when first needed (lazy-resources.ts) stay unread.
    merged[language] = Object.defineProperties(
      Object.defineProperties({}, Object.getOwnPropertyDescriptors(base[language] ?? {})),
      Object.getOwnPropertyDescriptors(namespaces),
    )
  }
  const [first, second] = [stringsIdentity(base), stringsIdentity(extra)]
  return withStringsIdentity(merged, first && second && JSON.stringify([first, second]))
}

/**
 * The `locales/` folder beside a rules folder (a fixture's or another knowledge base's own strings), when it
 * exists and is not the built-in one.
 *
 * @example
 * localesBeside('test/fixtures/fictional/rules') // '/…/test/fixtures/fictional/locales'
 */
export function localesBeside(rules: string): string | undefined {
  const beside = path.join(path.resolve(rules), '..', 'locales')
  return existsSync(beside) && beside !== path.resolve(defaultLocalesDir) ? beside : undefined
}

/**
 * A fresh i18next instance for one language (never the global singleton), with English as fallback
 * and `datetime` formatting of ISO dates through Intl.
 *
 * @example
 * const t = (await createI18n(resources, 'pl')).t
 * t('verdict.affected', {ns: 'common'})
 */
export async function createI18n(
  resources: Resource,
  language: Language,
  options: CreateI18nOptions = {},
): Promise<i18n> {
  // Loaded on first use: importing the package stays cheap for callers that never render.
  const { default: i18next } = await import('i18next')
  const instance = i18next.createInstance()
  await instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    interpolation: options.escape ? { escapeValue: true, escape: options.escape } : { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  // Building an Intl.DateTimeFormat costs far more than formatting with it: one per language and the
  // options it reads (i18next passes every option of the `t` call too, which Intl ignores).
  const formats = new Map<string, Intl.DateTimeFormat>()
  instance.services.formatter?.add('datetime', (value, lng, options) => {
    const date =
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value
    const read: Record<string, unknown> = { dateStyle: 'long', timeZone: 'UTC' }
    for (const name of dateTimeOptions) if (options?.[name] !== undefined) read[name] = options[name]
    const key = `${lng}\u0000${JSON.stringify(read)}`
    let format = formats.get(key)
    if (format === undefined) {
      format = new Intl.DateTimeFormat(lng, read)
      formats.set(key, format)
    }
    return format.format(date as Date)
  })
  return instance
}
