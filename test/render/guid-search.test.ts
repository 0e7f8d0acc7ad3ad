// The GUID search of the fact lint finds what the regular expression it replaces finds, from any start.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { execJoined } from '../../src/render/exec-joined.ts'
import { guidSearch } from '../../src/render/guid-search.ts'

const regex = /\b[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\b/i
const piece = fc.constantFrom(
  '2C4EA5B3',
  'deadbeef',
  '0A7E',
  '0a7e4f2d3b61',
  '0A7E4F2D3B612',
  '-',
  '--',
  '_',
  'x',
  ' ',
  '\n',
  'é',
  'update ',
)
const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''))
const pair = (match: RegExpExecArray | null) => match && [match.index, match[0]]

describe('guidSearch', () => {
  it('finds the first match at or after `from`, as the global regular expression does', () => {
    const global = new RegExp(regex.source, 'gi')
    fc.assert(
      fc.property(text, fc.nat(), (each, offset) => {
        const from = offset % (each.length + 1)
        global.lastIndex = from
        expect(pair(guidSearch.execFrom(each, from))).toEqual(pair(global.exec(each)))
      }),
      { numRuns: 3000 },
    )
  })

  it('gives each of many texts searched as one the match of the regular expression on that text alone', () => {
    fc.assert(
      fc.property(
        fc.array(
          text.filter((each) => !each.includes('\n')),
          { maxLength: 6 },
        ),
        (texts) => {
          expect(execJoined(guidSearch, texts).map(pair)).toEqual(texts.map((each) => pair(regex.exec(each))))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('finds a GUID written in prose, and none glued to a word or one digit short', () => {
    const guid = '2C4EA5B3-8B1F-4E1C-9F52-0A7E4F2D3B61'
    expect(pair(guidSearch.exec(`Approve update ${guid}.`))).toEqual([15, guid])
    expect(guidSearch.execFrom(`x${guid}`, 0)).toBeNull()
    expect(guidSearch.execFrom(guid.slice(1), 0)).toBeNull()
  })
})
