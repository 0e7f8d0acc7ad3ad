/** AnswerCache keeps the most recently used answers: the same evictions as a plain least-recently-used list. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AnswerCache } from '../../src/http/answer-cache.ts'

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
              if (found) found[1] = index
              else naive.push([key, index])
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
})
