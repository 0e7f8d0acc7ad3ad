// A value shared between callers, frozen all the way down so that no caller changes it for the others.
import { expect, it } from 'vitest'
import { deepFreeze } from '../src/deep-freeze.ts'

it('freezes every object and array in a value and returns the value', () => {
  const value = { fact: 'brewerFirmware', values: [{ value: '9.0', label: 'nine' }], nested: { list: [1] } }
  expect(deepFreeze(value)).toBe(value)
  expect(() => value.values.push({ value: '9.1', label: '?' })).toThrow(TypeError)
  expect(() => {
    value.values[0]!.label = 'changed'
  }).toThrow(TypeError)
  expect(() => value.nested.list.push(2)).toThrow(TypeError)
  expect(value.values[0]!.label).toBe('nine')
})

it('leaves primitives and null as they are', () => {
  expect(deepFreeze('text')).toBe('text')
  expect(deepFreeze(null)).toBeNull()
  expect(deepFreeze(3)).toBe(3)
})
