/** @module File names, canonical URLs and key order of CSAF documents, as the standard and its validator want them. */

/**
 * The file name of a CSAF document (§5.1): the tracking id lower-cased, every run of characters other than
 * `+`, `-`, `a-z` and `0-9` replaced by `_`, then `.json`.
 *
 * @example
 * csafFileName('KBA-954960-nl') // 'kba-954960-nl.json'
 * csafFileName('Example Co 2024:001') // 'example_co_2024_001.json'
 */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`
}

/**
 * Where a document lives below the publication folder: a folder per year of the initial release (as CSAF
 * providers lay them out, §7.1.11), then the file name. Both the canonical URL and `kb export csaf --out`
 * use it, so a folder written by the export can be published as it is.
 *
 * @example
 * csafRelativePath('2008-06-30T00:00:00.000Z', 'KBA-954960-nl') // '2008/kba-954960-nl.json'
 */
export function csafRelativePath(initialRelease: string, trackingId: string): string {
  return `${initialRelease.slice(0, 4)}/${csafFileName(trackingId)}`
}

/**
 * The canonical URL of a document (the `self` reference that test 6.2.11 looks for): the publication folder
 * followed by `csafRelativePath`.
 *
 * @example
 * csafUrl('https://example.org/csaf/', '2008-06-30', 'KBA-954960') // 'https://example.org/csaf/2008/kba-954960.json'
 */
export function csafUrl(baseUrl: string, initialRelease: string, trackingId: string): string {
  const folder = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  return new URL(csafRelativePath(initialRelease, trackingId), folder).href
}

/**
 * A copy with the keys of every object in the order of `Intl.Collator` (test 6.2.13 compares with it);
 * arrays keep their order.
 *
 * @example
 * JSON.stringify(sortKeys({b: 1, a: {d: 2, c: 3}})) // '{"a":{"c":3,"d":2},"b":1}'
 */
export function sortKeys<T>(value: T): T {
  const collator = new Intl.Collator()
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit)
    if (node === null || typeof node !== 'object') return node
    return Object.fromEntries(
      Object.entries(node)
        .sort(([a], [b]) => collator.compare(a, b))
        .map(([key, child]) => [key, visit(child)]),
    )
  }
  return visit(value) as T
}
