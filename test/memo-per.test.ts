// A value made once per object (and key): the memo behind the lint's per-model and per-article values.
import { expect, it } from 'vitest'
import { memoBounded, memoOf, memoPer, memoPerPair } from '../src/memo-per.ts'

it('makes a value once per object and key, and keeps an undefined one too', () => {
  const store = new WeakMap<object, Map<string, number | undefined>>()
  const [one, other] = [{}, {}]
  let made = 0
  const make = (value: number | undefined) => () => {
    made++
    return value
  }
  expect(memoPer(store, one, 'a', make(1))).toBe(1)
  expect(memoPer(store, one, 'a', make(2))).toBe(1)
  expect(memoPer(store, one, 'b', make(3))).toBe(3)
  expect(memoPer(store, other, 'a', make(4))).toBe(4)
  expect(memoPer(store, one, 'c', make(undefined))).toBeUndefined()
  expect(memoPer(store, one, 'c', make(5))).toBeUndefined()
  expect(made).toBe(4)
})

it('makes a value once per object, and keeps an undefined one too', () => {
  const store = new WeakMap<object, number | undefined>()
  const [one, other, third] = [{}, {}, {}]
  let made = 0
  const make = (value: number | undefined) => () => {
    made++
    return value
  }
  expect(memoOf(store, one, make(1))).toBe(1)
  expect(memoOf(store, one, make(2))).toBe(1)
  expect(memoOf(store, other, make(3))).toBe(3)
  expect(memoOf(store, third, make(undefined))).toBeUndefined()
  expect(memoOf(store, third, make(4))).toBeUndefined()
  expect(made).toBe(3)
})

it('makes a value once per pair of objects', () => {
  const store = new WeakMap<object, WeakMap<object, string[]>>()
  const [language, other, kb] = [{}, {}, {}]
  const one = memoPerPair(store, language, kb, () => ['made'])
  expect(memoPerPair(store, language, kb, () => ['again'])).toBe(one)
  expect(memoPerPair(store, other, kb, () => ['other'])).toEqual(['other'])
  expect(memoPerPair(store, language, {}, () => ['new kb'])).toEqual(['new kb'])
})

it('keeps at most the limit of values, letting all go when full, and keeps an undefined one too', () => {
  const kept = new Map<string, number | undefined>()
  let made = 0
  const make = (value: number | undefined) => () => {
    made++
    return value
  }
  expect(memoBounded(kept, 'a', 2, make(1))).toBe(1)
  expect(memoBounded(kept, 'a', 2, make(9))).toBe(1)
  expect(memoBounded(kept, 'b', 2, make(undefined))).toBeUndefined()
  expect(memoBounded(kept, 'b', 2, make(9))).toBeUndefined()
  expect(made).toBe(2)
  expect(memoBounded(kept, 'c', 2, make(3))).toBe(3)
  expect(kept.size).toBe(1)
  expect(memoBounded(kept, 'a', 2, make(4))).toBe(4)
  expect(made).toBe(4)
})
