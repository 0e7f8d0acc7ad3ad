import { create, insertMultiple, search } from '@orama/orama'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countingIndex } from '../../src/search/counting-index.ts'

const schema = { title: 'string', text: 'string' } as const
// Few words, so that texts repeat them (the frequencies differ) and queries find several documents.
const word = fc.constantFrom('wsus', 'update', 'client', 'fault', 'server', 'sync', 'error')
const text = fc.array(word, { maxLength: 40 }).map((words) => words.join(' '))
const documents = fc.array(fc.record({ title: text, text }), { minLength: 1, maxLength: 25 })

async function hits(index: ReturnType<typeof countingIndex> | undefined, docs: object[], term: string) {
  // Words as they come, repeats kept, as the knowledge base's own tokenizer gives them.
  const tokenizer = {
    language: 'english',
    normalizationCache: new Map(),
    tokenize: (raw: string) => raw.split(' ').filter(Boolean),
  }
  const database = create({ schema, components: { tokenizer, ...(index ? { index } : {}) } })
  await insertMultiple(
    database,
    docs.map((doc, id) => ({ id: String(id), ...doc })),
  )
  const found = await search(database, { term, properties: ['title', 'text'], limit: docs.length })
  return found.hits.map((hit) => ({ id: hit.id, score: hit.score }))
}

describe('countingIndex: token frequencies counted once per field', () => {
  it('scores every search exactly as the standard index does', async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.array(word, { minLength: 1, maxLength: 3 }), async (docs, query) => {
        const term = query.join(' ')
        expect(await hits(countingIndex(), docs, term)).toEqual(await hits(undefined, docs, term))
      }),
      { numRuns: 200 },
    )
  })
})
