/** @module A value made once per object (or per object and key), for as long as the object lives. */

/**
 * What `make()` gives for `key` of `owner`, made on the first call and kept in `store` while `owner` is
 * reachable (a model, a compiled article): for values asked for many times, such as once per locale file.
 *
 * @example
 * const made = new WeakMap<object, Map<string, number>>()
 * memoPer(made, model, 'en', () => expensive(model, 'en')) // computed
 * memoPer(made, model, 'en', () => expensive(model, 'en')) // the same value, not computed again
 */
export function memoPer<O extends object, K, V>(
  store: WeakMap<O, Map<K, V>>,
  owner: O,
  key: K,
  make: () => V,
): V {
  let perOwner = store.get(owner)
  if (perOwner === undefined) {
    perOwner = new Map()
    store.set(owner, perOwner)
  }
  if (perOwner.has(key)) return perOwner.get(key) as V
  const value = make()
  perOwner.set(key, value)
  return value
}

/**
 * What `make()` gives for `owner`, made on the first call and kept in `store` while `owner` is reachable: for
 * one value per object, such as an index of a model that several checks read.
 *
 * @example
 * const made = new WeakMap<object, number>()
 * memoOf(made, model, () => expensive(model)) // computed
 * memoOf(made, model, () => expensive(model)) // the same value, not computed again
 */
export function memoOf<O extends object, V>(store: WeakMap<O, V>, owner: O, make: () => V): V {
  if (store.has(owner)) return store.get(owner) as V
  const value = make()
  store.set(owner, value)
  return value
}

/**
 * What `make()` gives for the pair (`first`, `second`), kept in `store` while both are reachable: for a value per
 * i18next instance and knowledge base, which a reload replaces together.
 *
 * @example
 * const made = new WeakMap<object, WeakMap<object, Map<string, string>>>()
 * memoPerPair(made, i18n, kb, () => new Map()) // the same map for the same two objects
 */
export function memoPerPair<A extends object, B extends object, V>(
  store: WeakMap<A, WeakMap<B, V>>,
  first: A,
  second: B,
  make: () => V,
): V {
  return memoOf(
    memoOf(store, first, () => new WeakMap<B, V>()),
    second,
    make,
  )
}

/**
 * What `make()` gives for `key`, kept in `map` until it holds `limit` values, when all are let go at once: a
 * bound that keeps a cache whose keys come from requests small, for the cost of one look-up per key.
 *
 * @example
 * const kept = new Map<string, string>()
 * memoBounded(kept, 'facts.wsusVersion.question', 10_000, () => translate('facts.wsusVersion.question'))
 */
export function memoBounded<K, V>(map: Map<K, V>, key: K, limit: number, make: () => V): V {
  if (map.has(key)) return map.get(key) as V
  const value = make()
  if (map.size >= limit) map.clear()
  map.set(key, value)
  return value
}
