/** @module A bounded cache of check answers per knowledge snapshot: the same facts always get the same answer. */

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
  readonly #entries = new Map<string, T>()
  readonly #capacity: number
  /** The most recent key: asked again (the common case under load), it is already in place. */
  #newest: string | undefined

  constructor(capacity = 1000) {
    this.#capacity = capacity
  }

  get(key: string | undefined): T | undefined {
    if (key === undefined) return undefined
    const value = this.#entries.get(key)
    if (value !== undefined && key !== this.#newest) {
      // Move to the end: a Map iterates in insertion order, so the first entry is the least recent.
      this.#entries.delete(key)
      this.#entries.set(key, value)
      this.#newest = key
    }
    return value
  }

  set(key: string | undefined, value: T): T {
    if (key === undefined) return value
    // A key set again keeps its place in the Map's order: it is the newest only when it was not there.
    if (!this.#entries.has(key)) this.#newest = key
    this.#entries.set(key, value)
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value as string)
    return value
  }
}

/**
 * The cache key of a check request, from its facts after validation (`kb.prepareFacts`) and the warnings
 * that validation gave, or undefined when it should not be cached. Keying on validated values, not on the
 * raw JSON, means two bodies share an answer only when they are the same facts: `1e999` (Infinity) is
 * refused, never confused with `null`, and a value nested thousands deep never reaches the key.
 *
 * @example
 * const {facts, warnings} = kb.prepareFacts({office2003OnClients: true, wsusVersion: '3.0'})
 * answerKey('nl', undefined, facts, warnings) // the same for {wsusVersion: '3.0', office2003OnClients: true}
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
