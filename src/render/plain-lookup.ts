/**
 * @module Strings that i18next would hand back unchanged, found without its `t`: with a thousand articles a
 * check answer makes hundreds of thousands of look-ups, and most strings have nothing to interpolate. The
 * look-up follows i18next's order (each namespace in turn, in the language and then its fallbacks); anything
 * this module is not sure of is left to i18next.
 */
import type { i18n } from 'i18next'

// A key with a namespace separator may name its namespace itself: i18next decides.
const nsSeparator = ':'

/**
 * The string i18next's `t(key, {ns})` gives, when it is found as is: a non-empty string without
 * interpolation (`{{`) or nesting (`$t(`). Undefined means "ask i18next": not found, empty (a default value
 * would apply), not a string, or not plain.
 *
 * @example
 * plainString(i18n, 'verdict.affected', 'common') // 'Getroffen'
 * plainString(i18n, 'check.unknownFact', 'common') // undefined: "{{fact}} is unknown" needs i18next
 */
export function plainString(i18n: i18n, key: string, ns: string | readonly string[]): string | undefined {
  const found = firstFound(i18n, key, ns)
  if (typeof found !== 'string' || found === '' || found.includes('{{') || found.includes('$t('))
    return undefined
  return found
}

/**
 * `i18n.exists(key, {ns})` for a key without a namespace separator, without going through i18next's
 * translator; undefined for a key that has one.
 *
 * @example
 * keyExists(i18n, 'facts.serverArchitecture.is.x64', ['common', 'contoso-1001']) // true
 */
export function keyExists(i18n: i18n, key: string, ns: string | readonly string[]): boolean | undefined {
  if (key.includes(nsSeparator)) return undefined
  return firstFound(i18n, key, ns) !== undefined
}

/**
 * Whether the value i18next's `t(key, {ns})` finds is a string that nests other keys (`$t(…)`), which i18next
 * looks up in the same namespaces; undefined for a key with a namespace separator.
 *
 * @example
 * nestsKeys(i18n, 'facts.wsusVersion.label', ['common']) // false
 */
export function nestsKeys(i18n: i18n, key: string, ns: string | readonly string[]): boolean | undefined {
  if (key.includes(nsSeparator)) return undefined
  const found = firstFound(i18n, key, ns)
  return typeof found === 'string' && found.includes('$t(')
}

// i18next skips `undefined` and (with `returnNull: false`, as createI18n sets) `null`.
function firstFound(i18n: i18n, key: string, ns: string | readonly string[]): unknown {
  if (key.includes(nsSeparator)) return undefined
  const codes = i18n.languages
  const data = i18n.store.data
  for (const namespace of typeof ns === 'string' ? [ns] : ns) {
    for (const code of codes) {
      const bundle = data[code]?.[namespace]
      // Every path of the bundle is in its map: a key that is not is not there (most look-ups, which try
      // namespaces and languages in turn). An empty string, `null` or a doubly spelled path is left to i18next.
      if (bundle === undefined || bundle === null) continue
      let value = typeof bundle === 'object' ? lookUp(bundle, key) : ambiguous
      if (value === '' || value === null || value === ambiguous)
        value = i18n.getResource(code, namespace, key)
      if (value !== undefined && value !== null) return value
    }
  }
  return undefined
}

const flattened = new WeakMap<object, Map<string, unknown>>()
const dottedTop = new WeakMap<object, boolean>()
const ambiguous = Symbol('ambiguous')

// The value at `key` in a namespace, reading only its top-level value on the way: the top-level values of
// lazily loaded strings (lazy-resources.ts) are parsed when read and let go again, so a namespace is never
// walked whole. A namespace with a top-level key holding a `.` is left to i18next.
function lookUp(bundle: object, key: string): unknown {
  let dotted = dottedTop.get(bundle)
  if (dotted === undefined) {
    // Object.keys reads the names only, not the values behind getters.
    dotted = Object.keys(bundle).some((name) => name.includes('.'))
    dottedTop.set(bundle, dotted)
  }
  if (dotted) return ambiguous
  const dot = key.indexOf('.')
  const head = dot === -1 ? key : key.slice(0, dot)
  if (!Object.hasOwn(bundle, head)) return undefined
  const top: unknown = (bundle as Record<string, unknown>)[head]
  if (dot === -1) return top
  return top !== null && typeof top === 'object' ? flat(top).get(key.slice(dot + 1)) : undefined
}

// Every key path under a top-level value (`wsusVersion.label`, and `wsusVersion` for the object on the way),
// joined by `.` as i18next's key separator: one look-up instead of a split and a walk. Values are never
// changed after loading (nothing adds to them), so one map per object holds; a value let go takes its map.
function flat(bundle: object): Map<string, unknown> {
  let map = flattened.get(bundle)
  if (map === undefined) {
    map = new Map()
    const walk = (node: object, prefix: string) => {
      // i18next reads own properties: a list's `length` too.
      for (const name of Array.isArray(node) ? Object.getOwnPropertyNames(node) : Object.keys(node)) {
        const child: unknown = (node as Record<string, unknown>)[name]
        const path = prefix === '' ? name : `${prefix}.${name}`
        // Two spellings of one path (`a.b` nested, and the key `a.b`): i18next decides which it finds.
        map!.set(path, map!.has(path) ? ambiguous : child)
        if (child !== null && typeof child === 'object') walk(child, path)
      }
    }
    walk(bundle, '')
    flattened.set(bundle, map)
  }
  return map
}

/** A string whose only syntax is `{{name}}` placeholders: the text around them, and their names in order. */
interface Template {
  texts: string[]
  names: string[]
}

const templates = new Map<string, Template | null>()
const maxTemplates = 10_000
// i18next's placeholder with its default prefix and suffix, and the names this module fills itself.
const placeholder = /\{\{(.+?)\}\}/g
const simpleName = /^[A-Za-z_$][\w$]*$/

/**
 * What i18next's `t(key, {ns, ...})` gives for a string whose only syntax is `{{name}}` placeholders, each
 * filled with `valueNamed(name)`, when the instance does not escape values. Undefined means "ask i18next":
 * anything else in the string (`{{- name}}`, a format after a comma, a name with a dot, nesting), a value
 * that is not a string, number or boolean, or what `plainString` leaves to i18next. As i18next does, a value is
 * put in once and never searched for placeholders itself.
 *
 * @example
 * interpolated(i18n, 'check.unknownFact', 'common', (name) => ({fact: 'WSUS version'})[name]) // 'WSUS version is unknown'
 */
export function interpolated(
  i18n: i18n,
  key: string,
  ns: string | readonly string[],
  valueNamed: (name: string) => unknown,
): string | undefined {
  if (!plainInterpolation(i18n.options.interpolation)) return undefined
  const found = firstFound(i18n, key, ns)
  if (typeof found !== 'string' || found === '') return undefined
  const template = templateOf(found)
  if (template === null) return undefined
  let text = template.texts[0]!
  for (let index = 0; index < template.names.length; index++) {
    const value = valueNamed(template.names[index]!)
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined
    text += String(value) + template.texts[index + 1]!
  }
  return text
}

// i18next's own placeholder syntax, values put in unescaped and unformatted, and never searched again: what
// `interpolated` reproduces.
function plainInterpolation(options: i18n['options']['interpolation']): boolean {
  if (options === undefined) return false
  const { prefix = '{{', suffix = '}}', unescapePrefix = '-', nestingPrefix = '$t(' } = options
  return (
    options.escapeValue === false &&
    !options.alwaysFormat &&
    options.skipOnVariables !== false &&
    (options.maxReplaces ?? 1000) === 1000 &&
    options.prefixEscaped === undefined &&
    options.suffixEscaped === undefined &&
    prefix === '{{' &&
    suffix === '}}' &&
    unescapePrefix === '-' &&
    nestingPrefix === '$t('
  )
}

function templateOf(text: string): Template | null {
  let template = templates.get(text)
  if (template !== undefined) return template
  template = parseTemplate(text)
  // Strings come from the locale files, not from requests; bounded all the same.
  if (templates.size >= maxTemplates) templates.clear()
  templates.set(text, template)
  return template
}

function parseTemplate(text: string): Template | null {
  if (text.includes('$t(') || text.includes('{{-')) return null
  const texts: string[] = []
  const names: string[] = []
  let last = 0
  for (const match of text.matchAll(placeholder)) {
    const name = match[1]!.trim()
    if (!simpleName.test(name)) return null
    texts.push(text.slice(last, match.index))
    names.push(name)
    last = match.index + match[0].length
  }
  texts.push(text.slice(last))
  // i18next stops after `maxReplaces` (1,000) placeholders.
  return names.length === 0 || names.length >= 1000 ? null : { texts, names }
}
