/** AnswerCache keeps the most recently used answers: the same evictions as a plain least-recently-used list. */
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { AnswerCache } from '../../src/http/answer-cache.ts'
import { createApp } from '../../src/http/app.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { KnowledgeBase } from '../../src/knowledge-base.ts'
import { knowledgeBase, postJson } from './helpers.ts'

describe('AnswerCache', () => {
  it('evicts what a naive least-recently-used list evicts, whatever the gets and sets', () => {
    const operation = fc.record({ get: fc.boolean(), key: fc.constantFrom('a', 'b', 'c') })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(operation, { maxLength: 60 }),
        (capacity, operations) => {
          const cache = new AnswerCache<number>(capacity)
          let naive: [string, number][] = []
          operations.forEach(({ get, key }, index) => {
            const found = naive.find(([name]) => name === key)
            if (get) {
              expect(cache.get(key)).toBe(found?.[1])
              if (found) naive = [...naive.filter(([name]) => name !== key), found]
            } else {
              cache.set(key, index)
              naive = [...naive.filter(([name]) => name !== key), [key, index]]
              if (naive.length > capacity) naive.shift()
            }
          })
          for (const key of ['a', 'b', 'c'])
            expect(cache.get(key)).toBe(naive.find(([name]) => name === key)?.[1])
        },
      ),
      { numRuns: 500 },
    )
  })

  it('keeps at most maxSize in all, the least recently used going first, and never an answer larger than it', () => {
    const operation = fc.record({
      get: fc.boolean(),
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      size: fc.integer({ min: 0, max: 12 }),
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.array(operation, { maxLength: 60 }),
        (maxSize, operations) => {
          const cache = new AnswerCache<{ size: number; at: number }>(3, {
            maxSize,
            sizeOf: (value) => value.size,
          })
          let naive: [string, { size: number; at: number }][] = []
          const total = () => naive.reduce((sum, [, value]) => sum + value.size, 0)
          operations.forEach(({ get, key, size }, at) => {
            const found = naive.find(([name]) => name === key)
            if (get) {
              expect(cache.get(key)).toBe(found?.[1])
              if (found) naive = [...naive.filter(([name]) => name !== key), found]
              return
            }
            const value = { size, at }
            cache.set(key, value)
            if (size > maxSize) naive = naive.filter(([name]) => name !== key)
            else {
              naive = [...naive.filter(([name]) => name !== key), [key, value]]
              while (naive.length > 3 || total() > maxSize) naive.shift()
            }
          })
          for (const key of ['a', 'b', 'c', 'd'])
            expect(cache.get(key)).toBe(naive.find(([name]) => name === key)?.[1])
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('POST /v1/check', () => {
  it('answers the same facts again without checking again, also when the defaults alone are kilobytes', async () => {
    // A large knowledge base has thousands of evidence facts with defaults: here 200 more, unused by any rule.
    const { model } = await knowledgeBase()
    const evidence = Array.from({ length: 200 }, (_, index) =>
      FactDefinition.parse({
        name: `observedSymptomOfAnotherArticle${index}`,
        type: 'enum',
        source: 'evidence',
        values: [{ value: 'none' }, { value: 'confirmed' }],
        default: 'none',
      }),
    )
    const kb = new KnowledgeBase({ ...model, facts: [...model.facts, ...evidence] })
    const checks = vi.spyOn(kb, 'checkPrepared')
    const app = createApp({ kb, logger: () => {} })
    const facts = { wsusVersion: '3.0 SP1', office2003OnClients: true }
    const first = await (await postJson(app, '/v1/check', facts)).text()
    const again = await (await postJson(app, '/v1/check', facts)).text()
    expect(again).toBe(first)
    expect(checks).toHaveBeenCalledTimes(1)
  })
})
