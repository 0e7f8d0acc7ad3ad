/** @module A map that keeps at most a number of entries, letting go of the least recently used first. */

/**
 * Least-recently-used entries up to `capacity` (`Infinity`: all of them). `get` and `set` make an entry the
 * most recent; `set` beyond the capacity lets go of the least recent.
 *
 * @example
 * const recent = new LruMap<string, number>(2)
 * recent.set('a', 1); recent.set('b', 2); recent.get('a'); recent.set('c', 3)
 * recent.has('b') // false: the least recently used went first
 */
export class LruMap<K, V> {
  // A Map iterates in insertion order: the first entry is the least recent.
  readonly #entries = new Map<K, V>()
  readonly capacity: number

  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`Expected a capacity of at least 1, not \`${capacity}\``)
    this.capacity = capacity
  }

  /** How many entries are kept now. */
  get size(): number {
    return this.#entries.size
  }

  has(key: K): boolean {
    return this.#entries.has(key)
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key)
    // Unbounded, the order never matters.
    if (value !== undefined && this.capacity !== Number.POSITIVE_INFINITY) {
      this.#entries.delete(key)
      this.#entries.set(key, value)
    }
    return value
  }

  set(key: K, value: V): V {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as K)
    return value
  }
}
