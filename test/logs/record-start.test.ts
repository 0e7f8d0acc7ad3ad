import { describe, expect, it } from 'vitest'
import {
  continuesAt,
  isBlankAt,
  isContinuation,
  isSpaceOrBacktick,
  LINE_START,
  LINE_START_AT,
  MID_LINE_START,
} from '../../src/logs/record-start.ts'

describe('isSpaceOrBacktick', () => {
  it('is true for exactly what /[\\s\\x60]/ matches', () => {
    const regex = /[\s\x60]/
    for (let code = 0; code <= 0xffff; code++) {
      if (isSpaceOrBacktick(code) !== regex.test(String.fromCharCode(code))) {
        expect.fail(`U+${code.toString(16).padStart(4, '0')}: ${isSpaceOrBacktick(code)}`)
      }
    }
  })
})

const lines = [
  '   at A.B()',
  '\tat A.B()',
  '`at`',
  'at A.B()',
  'at\tA.B()',
  'at`x',
  'at',
  'atx',
  'attribute',
  'a b',
  '--- End of inner exception ---',
  '---',
  '--',
  '-- x',
  '-x-',
  'plain',
  '2008-06-13 19:59:53:383 Agent',
  '\u3000wide space',
  '\ufeffbom',
  'x',
  'at ',
  'xt y',
  'ab c',
  'x--y',
  '-',
]

describe('continuesAt', () => {
  it.each(lines)('agrees with isContinuation on %j inside a larger text', (line) => {
    const source = `x\r\n${line}\nat --- y`
    expect(continuesAt(source, 3, 3 + line.length)).toBe(isContinuation(line))
  })

  it('never reads past the end of the line', () => {
    expect(continuesAt('at\n at', 0, 2)).toBe(false)
    expect(continuesAt('--\n-', 0, 2)).toBe(false)
    expect(continuesAt('a\n--', 0, 1)).toBe(false)
    expect(continuesAt('---', 0, 2)).toBe(false)
    expect(continuesAt('\n---', 1, 3)).toBe(false)
    expect(continuesAt('at x', 0, 2)).toBe(false)
    expect(continuesAt('at x', 0, 3)).toBe(true)
  })
})

describe('isBlankAt', () => {
  it.each(['', ' ', '\t `\u3000', ' x ', 'x', '` `a'])('agrees with /^[\\s`]*$/ on %j', (line) => {
    const source = `ab${line}cd`
    expect(isBlankAt(source, 2, 2 + line.length)).toBe(/^[\s\x60]*$/.test(line))
  })
})

describe('record starts', () => {
  it.each([
    ['2008-06-13 19:59:53:383 788', '2008-06-13 19:59:53:383'],
    ['  `2008-06-13\t19:59:53 788', '2008-06-13\t19:59:53'],
    ['13.06.2008 19:59:53,1 x', '13.06.2008 19:59:53,1'],
    ['2008/6/1T9:59:53.1234567 x', '2008/6/1T9:59:53.1234567'],
    ['2008-06-1319:59:53:383 x', '2008-06-1319:59:53:383'],
    ['Date Time 788 ee4 PT', 'Date Time'],
    ['Date Time\tUTC', 'Date Time'],
    ['<Date> <Time> Warning x', '<Date> <Time>'],
    ['Data Godzina  Info x', 'Data Godzina'],
    ['Dato Klokkeslett 12 ab', 'Dato Klokkeslett'],
  ])('finds the start of %j at the line start and on the line in a larger text', (line, timestamp) => {
    expect(LINE_START.exec(line)?.[1]).toBe(timestamp)
    const source = `x\n${line}\ny`
    LINE_START_AT.lastIndex = 2
    expect(LINE_START_AT.test(source)).toBe(true)
    expect(source.slice(2, LINE_START_AT.lastIndex).trimStart().replace(/^`/, '')).toBe(timestamp)
  })

  it.each([
    'Date Time is unknown',
    'Date Time 788 x',
    'DataStore 788 ee4',
    '2008-06-13',
    '19:59:53:383 x',
    'x 2008-06-13 19:59:53:383',
    `${' '.repeat(17)}2008-06-13 19:59:53:383`,
  ])('finds no start in %j', (line) => {
    expect(LINE_START.exec(line)).toBeNull()
    LINE_START_AT.lastIndex = 0
    expect(LINE_START_AT.test(line)).toBe(false)
  })

  it('does not read a start on the next line', () => {
    LINE_START_AT.lastIndex = 0
    expect(LINE_START_AT.test('\n2008-06-13 19:59:53:383 x')).toBe(false)
    LINE_START_AT.lastIndex = 0
    expect(LINE_START_AT.test('Date Time\n788 ee4 PT')).toBe(false)
  })

  it('finds a start inside a line only with a time fraction, or a placeholder', () => {
    const starts = (text: string) => [...text.matchAll(MID_LINE_START)].map((match) => match[0])
    expect(starts('a 2008-06-13 19:59:53:383 b 2008-06-14 03:00:00 c Date Time 1 a d')).toEqual([
      '2008-06-13 19:59:53:383',
      'Date Time',
    ])
  })
})
