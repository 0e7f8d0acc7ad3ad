/**
 * @module Which strings a resource object holds, as a text that changes whenever they do: the content hashes of
 * the locales folders they were read from. What is made from the strings (the localized answers of a knowledge
 * base) is filed across runs under it. Resources whose origin is not known have none, and nothing made from
 * them is filed.
 */
import type { Resource } from 'i18next'

const identities = new WeakMap<Resource, string>()

/**
 * Record that `resources` hold exactly the strings `identity` names (undefined: not known); returns them.
 *
 * @example
 * const resources = withStringsIdentity(await loadResources(dir), `locales:${folderHash(dir)}`)
 */
export function withStringsIdentity<T extends Resource>(resources: T, identity: string | undefined): T {
  if (identity !== undefined) identities.set(resources, identity)
  return resources
}

/**
 * The identity recorded for `resources` (or for the resource object an i18next instance was made from,
 * `i18n.store.data`), or undefined.
 *
 * @example
 * stringsIdentity(i18n.store.data) // '/home/me/.cache/kb-advisor/strings-….json'
 */
export function stringsIdentity(resources: Resource): string | undefined {
  return identities.get(resources)
}
