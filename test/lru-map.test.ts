// The least-recently-used map behind the bounded caches (compiled articles, translators).
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
})
