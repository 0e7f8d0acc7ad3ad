/**
 * @module Locale strings as an i18next resource object whose namespaces are parsed when first looked up and
 * let go again. A knowledge base of a thousand articles has four thousand namespaces, hundreds of MB once
 * parsed, while a server works on a few at a time. Each namespace is a getter: i18next, the renderer and every
 * other reader see a plain `Resource`, and a namespace let go is parsed again, equal, from the compiled copy
 * (compiled-strings.ts). The strings are read-only: a change made inside a value is lost when the value is let go.
 */
import type { Resource, ResourceKey, ResourceLanguage } from 'i18next'
import { LruMap } from '../lru-map.ts'
import { type CompiledStrings, compiledStrings } from './compiled-strings.ts'
import { defaultLocalesDir, type Language, languages } from './i18n.ts'
import { withStringsIdentity } from './strings-identity.ts'

/** Options of `loadLazyResources`. */
export interface LazyResourcesOptions {
  /**
   * Keep parsed namespaces up to this many bytes of their JSON, the least recently used let go first (default
   * 256 KiB, the strings of about twenty articles in one language); a value larger than this alone is parsed again
   * at each read.
   */
  keepBytes?: number
}

// Whatever is kept outlives a young-generation collection or two and is promoted; a server answering about a
// thousand articles at once (the first `POST /v1/check` of kbscale-1000) ended with 8 MB more heap at 4 MiB.
const defaultKeepBytes = 256 * 1024

// The compiled file stays open while a getter of its namespaces is reachable (a merged copy of the resources
// holds the getters, not the object they were made on), and is closed after.
const closing = new FinalizationRegistry<CompiledStrings>((strings) => strings.close())

/**
 * The strings of `dir` (of `only` those languages), equal to `loadResources(dir, only)`, read namespace by
 * namespace on demand. Reading a namespace can throw only what reading its compiled copy throws: every file was
 * parsed when the folder was first compiled, with the errors `loadResources` gives.
 *
 * @example
 * const resources = await loadLazyResources('bench/data/kbscale-1000/locales')
 * resources.nl?.['800003'] // parsed now, kept while recently used
 */
export async function loadLazyResources(
  dir: string = defaultLocalesDir,
  only: readonly Language[] = languages,
  options: LazyResourcesOptions = {},
): Promise<Resource> {
  const strings = await compiledStrings(dir, only)
  const kept = new KeptNamespaces(strings, options.keepBytes ?? defaultKeepBytes)
  closing.register(kept, strings)
  const resources: Resource = {}
  for (const [language, namespaces] of strings.namespaces) {
    const target: ResourceLanguage = {}
    for (const namespace of namespaces) {
      const name = `${language}\u0000${namespace}`
      const get = () => kept.namespace(language, namespace, name)
      lazyProperty(target, namespace, get)
      filedFactNames.set(get, () => strings.factNames(language, namespace))
    }
    resources[language] = target
  }
  return withStringsIdentity(resources, strings.identity)
}

// A lazy namespace's getter → the facts it names, from the compiled index. Keyed by the getter, which a merged
// copy of the resources shares (mergeResources copies property descriptors).
const filedFactNames = new WeakMap<() => unknown, () => readonly string[]>()

/**
 * The keys of `language[namespace].facts`: the facts whose strings the namespace holds. For a namespace that
 * `loadLazyResources` gave and nobody has set since, from the compiled index, parsing nothing (a change made
 * inside its value is not seen: the strings are read-only); for any other, from its value.
 *
 * @example
 * factNamesIn(resources.nl!, '954960') // ['wsusVersion', 'office2003OnClients', …]
 */
export function factNamesIn(language: ResourceLanguage, namespace: string): readonly string[] {
  const get = Object.getOwnPropertyDescriptor(language, namespace)?.get
  const filed = get === undefined ? undefined : filedFactNames.get(get)
  if (filed !== undefined) return filed()
  const facts = (language[namespace] as { facts?: unknown } | undefined)?.facts
  return facts !== null && typeof facts === 'object' ? Object.keys(facts) : []
}

/** A property read by `get` on every access until a caller sets it (i18next's addResourceBundle): a plain value then. */
function lazyProperty(target: object, name: string, get: () => unknown): void {
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get,
    // On the object set, not on `target`: a merged copy of the resources has this setter too (mergeResources).
    set(this: object, value: unknown) {
      Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true })
    },
  })
}

/**
 * Each namespace's top-level keys, as lazy properties (kept: a few per namespace), and the values parsed, most
 * recently used last, up to a number of bytes of their JSON.
 */
class KeptNamespaces {
  readonly #strings: CompiledStrings
  readonly #namespaces = new Map<string, ResourceKey>()
  readonly #parsed: LruMap<string, { value: ResourceKey; size: number }>

  constructor(strings: CompiledStrings, limit: number) {
    this.#strings = strings
    this.#parsed = new LruMap(Number.POSITIVE_INFINITY, { maxWeight: limit, weigh: (parsed) => parsed.size })
  }

  /**
   * The namespace: an object whose keys parse when read, or, when it is not a mapping, its value. `name` is
   * `language` and `namespace` joined by a NUL (they are file names, which never hold one), made by the caller
   * once: i18next reads a namespace at every look-up of a string in it.
   */
  namespace(language: string, namespace: string, name: string): ResourceKey {
    const found = this.#namespaces.get(name)
    if (found !== undefined) return found
    const keys = this.#strings.keys(language, namespace)
    if (keys === undefined) return this.#value(name, language, namespace, undefined)
    const object: Record<string, unknown> = {}
    for (const key of keys) {
      // A key may hold a NUL, so it comes last.
      const keyName = `${name}\u0000${key}`
      lazyProperty(object, key, () => this.#value(keyName, language, namespace, key))
    }
    this.#namespaces.set(name, object as ResourceKey)
    return object as ResourceKey
  }

  #value(name: string, language: string, namespace: string, key: string | undefined): ResourceKey {
    const found = this.#parsed.get(name)
    if (found !== undefined) return found.value
    const value = this.#strings.read(language, namespace, key)
    this.#parsed.set(name, { value, size: this.#strings.size(language, namespace, key) })
    return value
  }
}
