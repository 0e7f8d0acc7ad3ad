/**
 * @module A locales folder compiled to one JSON text per namespace, read back one namespace at a time. The
 * compiled copy is filed in the cache folder under the folder's content hash (kb/compiled-cache.ts), so a
 * process reads from it only the namespaces it needs; without a cache folder the texts stay in memory, which
 * still costs a fraction of the parsed strings.
 */
import type { ResourceKey } from 'i18next'
import { writeCacheFile } from '../kb/cache-dir.ts'
import { compiledEntryFile } from '../kb/compiled-cache.ts'
import { indexedFileBytes, openIndexedFile } from '../kb/indexed-file.ts'
import { type Language, localeNamespaces, readLocaleFile } from './i18n.ts'

/** Where a text is: `[offset, length]` in bytes after the index. */
type Place = [number, number]
/**
 * A namespace that is a mapping is filed key by key (`kb`, `verdicts`, `facts`…), so a reader of one key never
 * parses the others; anything else is filed whole.
 */
type NamespacePlace = { keys: Record<string, Place>; facts?: string[] } | { whole: Place }
type Index = Record<string, Record<string, NamespacePlace>>

/** The compiled strings of one folder: which namespaces each language has, and each one's strings on demand. */
export interface CompiledStrings {
  /** Language → its namespaces, in the order `loadResources` gives them. */
  readonly namespaces: ReadonlyMap<string, readonly string[]>
  /** The top-level keys of a namespace that is a mapping, in their order; undefined for any other namespace. */
  keys(language: string, namespace: string): readonly string[] | undefined
  /** The keys of the namespace's `facts` (the facts it names), in their order, from the index: nothing is parsed. */
  factNames(language: string, namespace: string): readonly string[]
  /**
   * The value of a top-level key of the namespace (or the whole namespace, without `key`), parsed anew on every
   * call; what JSON cannot hold exactly is kept parsed.
   */
  read(language: string, namespace: string, key?: string): ResourceKey
  /** Its size in bytes of JSON: what keeping it parsed costs, roughly. */
  size(language: string, namespace: string, key?: string): number
  /** Let go of the open file, if any (the strings cannot be read after this). */
  close(): void
  /**
   * The compiled copy's file, whose name is made of the folder's content hash, the languages and the code's
   * version: an identity of exactly these strings. Undefined when they were not filed (no cache folder).
   */
  readonly identity?: string
}

/**
 * The strings of `dir` (of `only` those languages), from its compiled copy when one with exactly its content
 * exists; otherwise every file is parsed (with the errors `loadResources` gives) and the copy is filed.
 *
 * @example
 * const strings = await compiledStrings('locales', ['en', 'nl'])
 * strings.read('nl', 'common') // the Dutch common strings
 */
export async function compiledStrings(dir: string, only: readonly Language[]): Promise<CompiledStrings> {
  const file = compiledEntryFile('strings', dir, only.join(','))
  const filed = file === undefined ? undefined : openCompiled(file)
  if (filed && (await sameNamespaces(filed, dir, only))) return filed
  filed?.close()
  const { index, body, kept } = await compile(dir, only)
  // Read back from the file when it could be filed, so the texts do not stay in memory.
  if (
    file !== undefined &&
    kept.size === 0 &&
    writeCacheFile(file, indexedFileBytes(JSON.stringify(index), [body]))
  ) {
    const written = openCompiled(file)
    if (written) return written
  }
  return fromBytes(index, (offset, length) => body.subarray(offset, offset + length), undefined, kept)
}

/**
 * The content hash sees files only: a `<name>.yaml` that is a folder leaves it unchanged, and must still be
 * read (and reported) as the eager load would.
 */
async function sameNamespaces(
  filed: CompiledStrings,
  dir: string,
  only: readonly Language[],
): Promise<boolean> {
  for (const language of only) {
    const listed = await localeNamespaces(dir, language)
    // Sorted: the index lists numeric names (`954960`) first, as any object does.
    const names = filed.namespaces.get(language)
    if (JSON.stringify(listed ?? null) !== JSON.stringify(names === undefined ? null : [...names].sort()))
      return false
  }
  return true
}

async function compile(dir: string, only: readonly Language[]) {
  const index: Index = {}
  const texts: Buffer[] = []
  // Namespaces JSON cannot hold exactly: kept parsed, and the folder is not filed.
  const kept = new Map<string, ResourceKey>()
  let offset = 0
  for (const language of only) {
    const names = await localeNamespaces(dir, language)
    if (names === undefined) continue
    index[language] = {}
    for (const name of names) {
      const file = (key: string | undefined, data: unknown): Place => {
        const json = exactJson(data)
        if (json === undefined) kept.set(keptKey(language, name, key), data as ResourceKey)
        const text = Buffer.from(json ?? '')
        texts.push(text)
        offset += text.length
        return [offset - text.length, text.length]
      }
      const data = await readLocaleFile(dir, language, name)
      if (!isMapping(data)) {
        index[language]![name] = { whole: file(undefined, data) }
        continue
      }
      const place: NamespacePlace = {
        keys: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, file(key, value)])),
      }
      // Which namespaces name a fact is asked of every article's strings (localize-check.ts): answered here.
      if (data.facts !== null && typeof data.facts === 'object') place.facts = Object.keys(data.facts)
      index[language]![name] = place
    }
  }
  return { index, body: Buffer.concat(texts), kept }
}

function isMapping(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype
}

function keptKey(language: string, namespace: string, key: string | undefined): string {
  return JSON.stringify([language, namespace, key ?? null])
}

/** JSON that parses back to exactly `data`; undefined when YAML gave what JSON cannot hold (`.inf`, `.nan`, `-0`). */
function exactJson(data: unknown): string | undefined {
  let exact = true
  const text = JSON.stringify(data, (_key, value: unknown) => {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) exact = false
    return value
  })
  return exact ? text : undefined
}

/** The compiled copy in `file`, kept open; undefined when it is missing or not whole. */
function openCompiled(file: string): CompiledStrings | undefined {
  const opened = openIndexedFile<Index>(file, (index) =>
    Object.values(index)
      .flatMap((namespaces) => Object.values(namespaces))
      .flatMap((place) => ('whole' in place ? [place.whole] : Object.values(place.keys)))
      .reduce((sum, [, length]) => sum + length, 0),
  )
  return opened && { ...fromBytes(opened.header, opened.read, opened.close), identity: file }
}

function fromBytes(
  index: Index,
  bytes: (offset: number, length: number) => Buffer,
  close: () => void = () => undefined,
  kept: ReadonlyMap<string, ResourceKey> = new Map(),
): CompiledStrings {
  const place = (language: string, namespace: string, key: string | undefined): Place => {
    const filed = own(own(index, language), namespace)
    const found =
      filed === undefined
        ? undefined
        : key === undefined
          ? 'whole' in filed
            ? filed.whole
            : undefined
          : 'keys' in filed
            ? own(filed.keys, key)
            : undefined
    if (found === undefined)
      throw new RangeError(`Expected a key of \`${language}/${namespace}\`, not \`${key ?? ''}\``)
    return found
  }
  return {
    namespaces: new Map(Object.entries(index).map(([language, names]) => [language, Object.keys(names)])),
    keys: (language, namespace) => {
      const filed = own(own(index, language), namespace)
      return filed !== undefined && 'keys' in filed ? Object.keys(filed.keys) : undefined
    },
    factNames: (language, namespace) => {
      const filed = own(own(index, language), namespace)
      return (filed !== undefined && 'keys' in filed && filed.facts) || []
    },
    read: (language, namespace, key) =>
      kept.get(keptKey(language, namespace, key)) ??
      JSON.parse(bytes(...place(language, namespace, key)).toString('utf8')),
    size: (language, namespace, key) => place(language, namespace, key)[1],
    close,
  }
}

// Own properties only: a namespace or key named `constructor` is not Object's.
function own<T>(record: Record<string, T> | undefined, name: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined
}
