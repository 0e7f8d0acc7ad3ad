// The least-recently-used map behind the bounded caches (compiled articles, answers of kb serve, parsed strings).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LruMap } from '../src/lru-map.ts'

describe('LruMap', () => {
  it('lets go of the least recently used entry beyond its capacity; reading an entry makes it recent', () => {
    const recent = new LruMap<string, number>(2)
    recent.set('a', 1)
    recent.set('b', 2)
    expect(recent.get('a')).toBe(1)
    expect(recent.set('c', 3)).toBe(3)
    expect(recent.has('b')).toBe(false)
    expect(recent.get('b')).toBeUndefined()
    expect([recent.get('a'), recent.get('c'), recent.size]).toEqual([1, 3, 2])
  })

  it('setting a kept key again replaces its value and makes it recent', () => {
    const recent = new LruMap<string, number>(2)
    recent.set('a', 1)
    recent.set('b', 2)
    recent.set('a', 10)
    recent.set('c', 3)
    expect(recent.has('b')).toBe(false)
    expect(recent.get('a')).toBe(10)
  })

  it('keeps everything without a bound, and refuses a capacity below 1', () => {
    const all = new LruMap<number, number>(Number.POSITIVE_INFINITY)
    for (let key = 0; key < 1000; key++) all.set(key, key)
    expect(all.size).toBe(1000)
    expect(all.get(0)).toBe(0)
    expect(() => new LruMap(0)).toThrow('Expected a capacity of at least 1, not `0`')
    expect(() => new LruMap(Number.NaN)).toThrow(RangeError)
  })

  it('keeps what a naive least-recently-used list keeps, under both bounds, whatever the operations', () => {
    const operation = fc.record({
      kind: fc.constantFrom('get', 'set'),
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      weight: fc.integer({ min: 0, max: 12 }),
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 20 }),
        fc.array(operation, { maxLength: 80 }),
        (capacity, maxWeight, operations) => {
          const recent = new LruMap<string, { weight: number }>(capacity, {
            maxWeight,
            weigh: (value) => value.weight,
          })
          let naive: [string, { weight: number }][] = []
          const without = (key: string) => naive.filter(([name]) => name !== key)
          const total = () => naive.reduce((sum, [, value]) => sum + value.weight, 0)
          for (const { kind, key, weight } of operations) {
            const found = naive.find(([name]) => name === key)
            if (kind === 'get') {
              expect(recent.get(key)).toBe(found?.[1])
              if (found) naive = [...without(key), found]
            } else {
              const value = { weight }
              expect(recent.set(key, value)).toBe(value)
              naive = weight > maxWeight ? without(key) : [...without(key), [key, value]]
              while (naive.length > capacity || total() > maxWeight) naive.shift()
            }
            expect(recent.size).toBe(naive.length)
          }
          for (const key of ['a', 'b', 'c', 'd', 'e'])
            expect(recent.get(key)).toBe(naive.find(([name]) => name === key)?.[1])
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('refuses a negative maximum weight', () => {
    expect(() => new LruMap(1, { maxWeight: -1 })).toThrow(
      'Expected a maximum weight of at least 0, not `-1`',
    )
  })
})
