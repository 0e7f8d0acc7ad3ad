/** @module A map that keeps at most a number of entries (and of their weight), letting go of the least recently used first. */

/** Options of `LruMap`. */
export interface LruMapOptions<V> {
  /** The most weight kept in all (default: no bound). A value heavier than this alone is not kept. */
  maxWeight?: number
  /** The weight of a value, a number of at least 0 (default: 0, so only the number of entries bounds the map). */
  weigh?: (value: V) => number
}

interface Entry<K, V> {
  readonly key: K
  value: V
  weight: number
  older: Entry<K, V> | undefined
  newer: Entry<K, V> | undefined
}

/**
 * Least-recently-used entries up to `capacity` (`Infinity`: all of them) and up to `maxWeight`. `get` and
 * `set` make an entry the most recent; `set` beyond a bound lets go of the least recent. Every operation takes
 * constant time: the order is a linked list, not a `Map`'s insertion order, whose first entry V8 finds by
 * stepping over every entry deleted since the table was last rebuilt (thousands, in a busy cache).
 *
 * @example
 * const recent = new LruMap<string, number>(2)
 * recent.set('a', 1); recent.set('b', 2); recent.get('a'); recent.set('c', 3)
 * recent.has('b') // false: the least recently used went first
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, Entry<K, V>>()
  readonly capacity: number
  readonly maxWeight: number
  readonly #weigh: (value: V) => number
  #weight = 0
  #oldest: Entry<K, V> | undefined
  #newest: Entry<K, V> | undefined

  constructor(capacity: number, options: LruMapOptions<V> = {}) {
    if (!(capacity >= 1)) throw new RangeError(`Expected a capacity of at least 1, not \`${capacity}\``)
    const maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY
    if (!(maxWeight >= 0))
      throw new RangeError(`Expected a maximum weight of at least 0, not \`${maxWeight}\``)
    this.capacity = capacity
    this.maxWeight = maxWeight
    this.#weigh = options.weigh ?? (() => 0)
  }

  /** How many entries are kept now. */
  get size(): number {
    return this.#entries.size
  }

  has(key: K): boolean {
    return this.#entries.has(key)
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key)
    if (entry === undefined) return undefined
    this.#makeNewest(entry)
    return entry.value
  }

  /** Keep `value` under `key` as the most recent entry (or let go of `key` when `value` alone is too heavy). */
  set(key: K, value: V): V {
    const weight = this.#weigh(value)
    // NaN would stop the weight bound for good, silently.
    if (!(weight >= 0)) throw new RangeError(`Expected a weight of at least 0, not \`${weight}\``)
    const entry = this.#entries.get(key)
    if (weight > this.maxWeight) {
      if (entry !== undefined) this.#remove(entry)
      return value
    }
    if (entry === undefined) {
      const added: Entry<K, V> = { key, value, weight, older: this.#newest, newer: undefined }
      if (this.#newest === undefined) this.#oldest = added
      else this.#newest.newer = added
      this.#newest = added
      this.#entries.set(key, added)
    } else {
      this.#weight -= entry.weight
      entry.value = value
      entry.weight = weight
      this.#makeNewest(entry)
    }
    this.#weight += weight
    while (this.#entries.size > this.capacity || this.#weight > this.maxWeight) this.#remove(this.#oldest!)
    return value
  }

  #makeNewest(entry: Entry<K, V>): void {
    if (entry === this.#newest) return
    this.#unlink(entry)
    entry.older = this.#newest
    entry.newer = undefined
    this.#newest!.newer = entry
    this.#newest = entry
  }

  #remove(entry: Entry<K, V>): void {
    this.#unlink(entry)
    this.#entries.delete(entry.key)
    this.#weight -= entry.weight
  }

  #unlink(entry: Entry<K, V>): void {
    if (entry.older === undefined) this.#oldest = entry.newer
    else entry.older.newer = entry.newer
    if (entry.newer === undefined) this.#newest = entry.older
    else entry.newer.older = entry.older
  }
}
