/**
 * @module Orama's index with each field's token frequencies counted once. Orama counts a token's frequency by
 * walking all of the field's tokens again for every token it inserts, which is quadratic in a section's length:
 * most of the time of indexing a large knowledge base. The counts, and so every score, are the same.
 */
import { components } from '@orama/orama'

type Index = ReturnType<typeof components.index.createIndex>
type IndexStore = Parameters<Index['insertTokenScoreParameters']>[0]

/**
 * An index component for `create({components: {index: countingIndex()}})`.
 *
 * @example
 * const database = create({schema: {text: 'string'}, components: {index: countingIndex()}})
 */
export function countingIndex(): Index {
  const standard = components.index.createIndex()
  // The tokens of the field being inserted: Orama passes the same array for each of its tokens.
  let counted: readonly string[] | undefined
  let counts = new Map<string, number>()
  return {
    ...standard,
    insertTokenScoreParameters(index: IndexStore, prop, id, tokens, token) {
      if (tokens !== counted) {
        counted = tokens
        counts = new Map()
        for (const each of tokens) counts.set(each, (counts.get(each) ?? 0) + 1)
      }
      const internalId = components.internalDocumentIDStore.getInternalDocumentId(
        index.sharedInternalDocumentStore,
        id,
      )
      index.frequencies[prop]![internalId]![token] = counts.get(token)! / tokens.length
      index.tokenOccurrences[prop]![token] = (index.tokenOccurrences[prop]![token] ?? 0) + 1
    },
  }
}
