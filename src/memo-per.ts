/** @module A value made once per object and key, for as long as the object lives. */

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
