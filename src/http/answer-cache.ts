/** @module A bounded cache of check answers per knowledge snapshot: the same facts always get the same answer. */
import { LruMap } from '../lru-map.ts'

/** Facts whose JSON is longer than this are never cached (they are rare, and would crowd out real keys). */
const maxKeyLength = 2048

/**
 * Least-recently-used answers, keyed by language, article and the facts in a canonical order. It lives on a
 * `KnowledgeSnapshot`, so a hot reload starts with an empty cache and no answer outlives its rules.
 *
 * @example
 * const cache = new AnswerCache<object>(1000)
 * const body = cache.get(key) ?? cache.set(key, await compute())
 */
export class AnswerCache<T> {
  readonly #entries: LruMap<string, T>

  /**
   * At most `capacity` answers, and with `sizeOf`, at most `maxSize` in all: an answer about every article of
   * a large knowledge base is megabytes, and a thousand of them would not fit. An answer larger than
   * `maxSize` is not kept. Throws `RangeError` for a capacity below 1 or a negative `maxSize`.
   */
  constructor(capacity = 1000, options: { maxSize?: number; sizeOf?: (value: T) => number } = {}) {
    this.#entries = new LruMap(capacity, {
      ...(options.maxSize === undefined ? {} : { maxWeight: options.maxSize }),
      ...(options.sizeOf === undefined ? {} : { weigh: options.sizeOf }),
    })
  }

  get(key: string | undefined): T | undefined {
    return key === undefined ? undefined : this.#entries.get(key)
  }

  set(key: string | undefined, value: T): T {
    return key === undefined ? value : this.#entries.set(key, value)
  }
}

/**
 * The cache key of a check request, from its facts after validation as sent (`given` of `kb.prepareFacts`:
 * the defaults are the same for every request to one snapshot) and the warnings that validation gave, or
 * undefined when it should not be cached. Keying on validated values, not on the raw JSON, means two bodies
 * share an answer only when they are the same facts: `1e999` (Infinity) is refused, never confused with
 * `null`, and a value nested thousands deep never reaches the key.
 *
 * @example
 * const {given, warnings} = kb.prepareFacts({office2003OnClients: true, wsusVersion: '3.0'})
 * answerKey('nl', undefined, given, warnings) // the same for {wsusVersion: '3.0', office2003OnClients: true}
 */
export function answerKey(
  language: string,
  article: string | undefined,
  facts: Readonly<Record<string, unknown>>,
  warnings: readonly { message: string }[],
): string | undefined {
  const canonical = JSON.stringify([
    Object.keys(facts)
      .sort()
      .map((name) => [name, facts[name]]),
    warnings.map((warning) => warning.message),
  ])
  if (canonical.length > maxKeyLength) return undefined
  return `${language}\u0000${article ?? ''}\u0000${canonical}`
}
