import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareVersions, isVersion, previousVersion } from '../../src/engine/version.ts'

/** The comparison as its documentation states it: digit runs, leading zeros dropped, missing parts 0. */
function reference(a: string, b: string): number {
  const left = a.split(/\D+/).filter(Boolean)
  const right = b.split(/\D+/).filter(Boolean)
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const x = (left[index] ?? '0').replace(/^0+(?=\d)/, '')
    const y = (right[index] ?? '0').replace(/^0+(?=\d)/, '')
    if (x.length !== y.length) return x.length < y.length ? -1 : 1
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

describe('compareVersions', () => {
  it.each([
    ['3.1.6001.100', '3.1.6001.66', 1],
    ['3.1.6001.7', '3.1.6001.66', -1],
    ['3.1.6001.66', '3.1.6001.66', 0],
    ['3.1.6001.066', '3.1.6001.66', 0],
    ['1.2', '1.2.0.0', 0],
    ['1.2.0.0', '1.2', 0],
    ['1.2.0.1', '1.2', 1],
    ['1.2', '1.2.0.1', -1],
    ['0', '00', 0],
    ['0', '0.0.0.1', -1],
    ['10', '9', 1],
    ['9', '10', -1],
    ['1.10', '1.9', 1],
    ['1.19', '1.21', -1],
    ['2.0', '1.99', 1],
    ['123456789012', '123456789013', -1],
    ['000000000005', '5', 0],
    // labels around the numbers are ignored, as in a file version read from a tool's output
    ['v1.2', '1.2', 0],
    ['KB 3.1 build 7', '3.1.7', 0],
  ] as const)('%s against %s is %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected)
    expect(compareVersions(b, a)).toBe(-expected || 0)
  })

  it('compares any two strings as digit runs, leading zeros dropped and missing parts 0', () => {
    const text = fc
      .array(fc.constantFrom('0', '00', '1', '9', '10', '66', '066', '.', '..', ' ', 'v', 'SP', ''), {
        maxLength: 9,
      })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(compareVersions(a, b)).toBe(reference(a, b))
      }),
      { numRuns: 5000 },
    )
  })
})

describe('isVersion', () => {
  it.each(['3', '3.0', '3.1.6001', '3.1.6001.65', '0', '123456789012.1'])('accepts %s', (value) => {
    expect(isVersion(value)).toBe(true)
  })
  it.each([
    '',
    '3.0 SP1',
    '1.2.3.4.5',
    '1234567890123',
    '1.',
    '.1',
    'v1',
    '1..2',
    ' 1',
    '1 ',
    3,
    null,
    undefined,
    ['1'],
  ])('refuses %j', (value) => {
    expect(isVersion(value)).toBe(false)
  })
})

describe('previousVersion', () => {
  it.each([
    ['3.1.6001.66', '3.1.6001.65'],
    ['3.0', '2.0'],
    ['2.10', '2.9'],
    ['10', '9'],
    ['1.0.5.0', '1.0.4.0'],
    ['1.0.0', '0.0.0'],
    ['123456789012.0', '123456789011.0'],
    ['9007199254740993', '9007199254740992'],
    ['3.1.6001.066', '3.1.6001.65'],
  ])('the version just below %s is %s', (version, expected) => {
    expect(previousVersion(version)).toBe(expected)
    expect(compareVersions(previousVersion(version)!, version)).toBe(-1)
  })

  it.each(['0', '0.0', '0.0.0.0'])('there is none below %s', (version) => {
    expect(previousVersion(version)).toBeUndefined()
  })
})
