/** @module Plain data made read-only all the way down, for a value that callers share. */

/**
 * `value` with every object and array in it frozen (those already frozen are not walked again), returned for
 * chaining: a value handed to many callers can then not be changed by one of them for the others.
 *
 * @example
 * const question = deepFreeze({fact: 'wsusVersion', values: [{value: '3.0', label: 'WSUS 3.0'}]})
 * question.values.push({value: '4.0', label: '?'}) // throws TypeError in a module (strict mode)
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const item of Object.values(value)) deepFreeze(item)
  return value
}
