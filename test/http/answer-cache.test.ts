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

  it('keeps at most `maxSize` of weight, the least recent let go first and the value just set kept', () => {
    const operation = fc.record({
      get: fc.boolean(),
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      weight: fc.integer({ min: 0, max: 12 }),
    })
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const maxSize = 10
        const cache = new AnswerCache<string>(3, { maxSize, sizeOf: (text) => text.length })
        let naive: [string, string][] = []
        for (const { get, key, weight } of operations) {
          const found = naive.find(([name]) => name === key)
          if (get) {
            expect(cache.get(key)).toBe(found?.[1])
            if (found) naive = [...naive.filter(([name]) => name !== key), found]
            continue
          }
          const text = 'x'.repeat(weight)
          cache.set(key, text)
          if (found) found[1] = text
          else naive.push([key, text])
          const weightOf = () => naive.reduce((sum, [, value]) => sum + value.length, 0)
          while (naive.length > 3 || weightOf() > maxSize) {
            const index = naive.findIndex(([name]) => name !== key)
            if (index < 0) break
            naive.splice(index, 1)
          }
        }
        for (const key of ['a', 'b', 'c', 'd'])
          expect(cache.get(key)).toBe(naive.find(([name]) => name === key)?.[1])
      }),
      { numRuns: 500 },
    )
  })
})
