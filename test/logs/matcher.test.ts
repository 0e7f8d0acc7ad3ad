import { describe, expect, it } from 'vitest'
import { compileSignatures } from '../../src/logs/load-signatures.ts'
import { SymptomMatcher } from '../../src/logs/matcher.ts'
import type { LogRecord } from '../../src/logs/records.ts'
import { fixtureSignatures } from './helpers.ts'

// agent-fault: begin `Sync started`, fault `Fault XXXX in GetData` (distinctive, faultId), detail
// `Detail: Enn` (optional), finish `Sync failed`; veto `BadInput`; window 3.
const [agentFault, serverFault] = compileSignatures(fixtureSignatures) as [
  ReturnType<typeof compileSignatures>[number],
  ReturnType<typeof compileSignatures>[number],
]

/** Records numbered from 0, one per text, on lines 10, 20, 30…, timestamped `T<index>`. */
function records(...texts: (string | null)[]): LogRecord[] {
  return texts.flatMap((text, index) =>
    text === null ? [] : [{ index, line: 10 * (index + 1), timestamp: `T${index}`, text, truncatedChars: 0 }],
  )
}

function match(symptom: typeof agentFault, list: LogRecord[], maxBlocks?: number) {
  const matcher = new SymptomMatcher(symptom, { maxBlocks })
  for (const record of list) matcher.push(record)
  matcher.end()
  return matcher
}

const ids = (matcher: SymptomMatcher) =>
  matcher.blocks.map((block) => [block.level, block.matched.map((item) => item.lineId), block.missing])

describe('SymptomMatcher: blocks and levels', () => {
  it('confirms every required line in order within the window, with the evidence of each', () => {
    const matcher = match(
      agentFault,
      records('noise', 'Sync started', 'Fault 00AB in GetData', 'Detail: E42', 'Sync failed', 'noise'),
    )
    expect(matcher.blocks).toEqual([
      {
        symptomId: 'agent-fault',
        level: 'confirmed',
        matched: [
          { lineId: 'begin', line: 20, timestamp: 'T1', text: 'Sync started', captures: {} },
          {
            lineId: 'fault',
            line: 30,
            timestamp: 'T2',
            text: 'Fault 00AB in GetData',
            captures: { faultId: '00AB' },
          },
          { lineId: 'detail', line: 40, timestamp: 'T3', text: 'Detail: E42', captures: { code: 'E42' } },
          { lineId: 'finish', line: 50, timestamp: 'T4', text: 'Sync failed', captures: {} },
        ],
        missing: [],
        faultIds: ['00ab'],
      },
    ])
    expect(matcher.nearMisses).toEqual([])
    expect(matcher.omitted).toBe(0)
  })

  it('lists the required lines missing from a partial block, not the optional ones', () => {
    const matcher = match(agentFault, records('Fault 00AB in GetData', 'Sync failed'))
    expect(ids(matcher)).toEqual([['partial', ['fault', 'finish'], ['begin']]])
    expect(ids(match(agentFault, records('Sync started', 'Fault 00AB in GetData')))).toEqual([
      ['partial', ['begin', 'fault'], ['finish']],
    ])
  })

  it('drops a block without its distinctive line unless it is complete', () => {
    expect(match(agentFault, records('Sync started', 'Sync failed')).blocks).toEqual([])
    expect(match(agentFault, records('Sync started', 'noise', 'Detail: E01')).blocks).toEqual([])
    const plain = structuredClone(fixtureSignatures)
    plain.symptoms[0]!.lines[1]!.distinctive = false
    const [symptom] = compileSignatures(plain)
    expect(ids(match(symptom!, records('Sync started', 'Fault 00AB in GetData', 'Sync failed')))).toEqual([
      ['confirmed', ['begin', 'fault', 'finish'], []],
    ])
    expect(match(symptom!, records('Sync started', 'Fault 00AB in GetData')).blocks).toEqual([])
  })

  it('keeps the lines of a block within `window` records of its first line', () => {
    const inside = records('Sync started', 'a', 'Fault 00AB in GetData', 'Sync failed')
    expect(ids(match(agentFault, inside))).toEqual([['confirmed', ['begin', 'fault', 'finish'], []]])
    const outside = records('Sync started', 'a', 'b', 'c', 'Fault 00AB in GetData', 'Sync failed')
    expect(ids(match(agentFault, outside))).toEqual([['partial', ['fault', 'finish'], ['begin']]])
    // Records left out (not pushed) still count by their index.
    const sparse = records('Sync started', null, null, null, 'Fault 00AB in GetData', 'Sync failed')
    expect(ids(match(agentFault, sparse))).toEqual([['partial', ['fault', 'finish'], ['begin']]])
  })

  it('starts a new block at a line earlier than the one expected', () => {
    const matcher = match(
      agentFault,
      records(
        'Sync started',
        'Fault 00AB in GetData',
        'Sync started',
        'Fault 00CD in GetData',
        'Sync failed',
      ),
    )
    expect(ids(matcher)).toEqual([
      ['partial', ['begin', 'fault'], ['finish']],
      ['confirmed', ['begin', 'fault', 'finish'], []],
    ])
    expect(matcher.blocks.map((block) => block.faultIds)).toEqual([['00ab'], ['00cd']])
  })

  it('takes the later lines of one record in order, and a repeated line only once', () => {
    const matcher = match(agentFault, records('Sync started; Fault 00AB in GetData', 'Fault 00AB in GetData'))
    expect(ids(matcher)).toEqual([
      ['partial', ['begin', 'fault'], ['finish']],
      ['partial', ['fault'], ['begin', 'finish']],
    ])
    const all = match(agentFault, records('Sync failed then Sync started, Fault 0001 in GetData'))
    expect(ids(all)).toEqual([['confirmed', ['begin', 'fault', 'finish'], []]])
    expect(all.blocks[0]!.matched.every((item) => item.line === 10)).toBe(true)
  })

  it('closes a block once its last line is found: the next lines start another', () => {
    const matcher = match(
      agentFault,
      records('Sync started', 'Fault 00AB in GetData', 'Sync failed', 'Fault 00AB in GetData', 'Sync failed'),
    )
    expect(ids(matcher)).toEqual([
      ['confirmed', ['begin', 'fault', 'finish'], []],
      ['partial', ['fault', 'finish'], ['begin']],
    ])
  })

  it('gives the fault IDs of a block lower-case and once each', () => {
    const twice = structuredClone(fixtureSignatures)
    twice.symptoms[0]!.lines[3]!.pattern = 'Sync failed on (?<faultId>[0-9A-F]{4})'
    const [symptom] = compileSignatures(twice)
    const matcher = match(symptom!, records('Fault 00AB in GetData', 'Sync failed on 00ab'))
    expect(matcher.blocks[0]!.faultIds).toEqual(['00ab'])
    const other = match(symptom!, records('Fault 00AB in GetData', 'Sync failed on 0C0D'))
    expect(other.blocks[0]!.faultIds).toEqual(['00ab', '0c0d'])
  })
})

describe('SymptomMatcher: vetoes and bounds', () => {
  it('turns a block with a veto inside it into a near miss', () => {
    const matcher = match(
      agentFault,
      records('Sync started', 'Fault 00AB in GetData', 'BadInput x', 'Sync failed'),
    )
    expect(matcher.blocks).toEqual([])
    expect(matcher.nearMisses).toEqual([
      {
        symptomId: 'agent-fault',
        veto: { lineId: 'bad-input', line: 30, timestamp: 'T2', text: 'BadInput x', captures: {} },
        matched: [
          expect.objectContaining({ lineId: 'begin' }),
          expect.objectContaining({ lineId: 'fault' }),
          expect.objectContaining({ lineId: 'finish' }),
        ],
      },
    ])
  })

  it('keeps the first veto of a block', () => {
    const matcher = match(
      agentFault,
      records('Sync started', 'Fault 00AB in GetData', 'BadInput x', 'BadInput y'),
    )
    expect(
      matcher.nearMisses.map((miss) => [miss.veto.text, miss.matched.map((item) => item.lineId)]),
    ).toEqual([['BadInput x', ['begin', 'fault']]])
  })

  it('reads a veto in the record that opens the block, and ignores one outside any block', () => {
    const same = match(agentFault, records('Fault 00AB in GetData BadInput', 'Sync failed'))
    expect(same.nearMisses.map((miss) => miss.veto.text)).toEqual(['Fault 00AB in GetData BadInput'])
    const outside = match(agentFault, records('BadInput', 'Fault 00AB in GetData', 'Sync failed', 'BadInput'))
    expect(outside.nearMisses).toEqual([])
    expect(ids(outside)).toEqual([['partial', ['fault', 'finish'], ['begin']]])
  })

  it('does not report a vetoed block that would have been dropped', () => {
    expect(match(agentFault, records('Sync started', 'BadInput')).nearMisses).toEqual([])
  })

  it('keeps `maxBlocks` blocks and near misses, and counts the rest', () => {
    const text = ['Fault 0001 in GetData', 'Sync failed', 'Fault 0002 in GetData BadInput', 'Sync failed']
    const list = records(...text, ...text)
    const matcher = match(agentFault, list, 3)
    expect(matcher.blocks.map((block) => block.faultIds[0])).toEqual(['0001', '0001'])
    expect(matcher.nearMisses).toHaveLength(1)
    expect(matcher.omitted).toBe(1)
    expect(match(agentFault, list).omitted).toBe(0)
    const many = records(
      ...Array.from({ length: 101 }, (_, index) => `Fault ${String(index).padStart(4, '0')} in GetData`),
    )
    const capped = match(agentFault, many)
    expect([capped.blocks.length, capped.omitted]).toEqual([100, 1])
  })

  it('is open while a block waits for its next line, and closed after the end', () => {
    const matcher = new SymptomMatcher(agentFault)
    expect(matcher.isOpen).toBe(false)
    matcher.push(records('noise')[0]!)
    expect(matcher.isOpen).toBe(false)
    matcher.push({ ...records('Sync started')[0]!, index: 1 })
    expect(matcher.isOpen).toBe(true)
    matcher.end()
    expect(matcher.isOpen).toBe(false)
    expect(matcher.blocks).toEqual([])
  })
})

describe('SymptomMatcher: evidence', () => {
  it('points at the physical line of a multi-line record that matched, trimmed', () => {
    const record: LogRecord = {
      index: 0,
      line: 7,
      timestamp: null,
      text: 'Sync started\n\n   at A.B()\n   Fault 00AB in GetData  \n   at C.D()',
      truncatedChars: 0,
    }
    const [begin, fault] = match(agentFault, [record]).blocks[0]!.matched
    expect(begin).toMatchObject({ line: 7, text: 'Sync started', timestamp: null })
    expect(fault).toMatchObject({ line: 10, text: 'Fault 00AB in GetData' })
  })

  it('cuts the evidence text at 500 characters', () => {
    const long = `Fault 00AB in GetData ${'x'.repeat(600)}`
    const [fault] = match(agentFault, records(long)).blocks[0]!.matched
    expect(fault!.text).toBe(`${long.slice(0, 500)}…`)
    const exact = `Fault 00AB in GetData ${'x'.repeat(478)}`
    expect(match(agentFault, records(exact)).blocks[0]!.matched[0]!.text).toBe(exact)
  })

  it('keeps only the named groups that took part in the match', () => {
    const optional = structuredClone(fixtureSignatures)
    optional.symptoms[1]!.lines[0]!.pattern =
      'ServerException id=(?<faultId>[0-9a-f]{4})(?: on (?<host>[a-z]{1,9}))?'
    const [, symptom] = compileSignatures(optional)
    const blocks = match(
      symptom!,
      records('ServerException id=00ab', 'ServerException id=00cd on web'),
    ).blocks
    expect(blocks.map((block) => block.matched[0]!.captures)).toStrictEqual([
      { faultId: '00ab' },
      { faultId: '00cd', host: 'web' },
    ])
  })
  it('points at the line a match reaches when the match begins with a line break', () => {
    const leading = structuredClone(fixtureSignatures)
    leading.symptoms[1]!.lines[0]!.pattern = '\\s{1,4}ServerException id=(?<faultId>[0-9a-f]{4})'
    const [, symptom] = compileSignatures(leading)
    const record: LogRecord = {
      index: 0,
      line: 10,
      timestamp: null,
      text: 'Request failed\r\nServerException id=00ab',
      truncatedChars: 0,
    }
    const [evidence] = match(symptom!, [record]).blocks[0]!.matched
    expect(evidence).toMatchObject({ line: 11, text: 'ServerException id=00ab' })
  })

  it('points at the first line of a match that spans two lines', () => {
    const spanning = structuredClone(fixtureSignatures)
    spanning.symptoms[1]!.lines[0]!.pattern = 'failed\\s{1,4}ServerException id=(?<faultId>[0-9a-f]{4})'
    const [, symptom] = compileSignatures(spanning)
    const record: LogRecord = {
      index: 0,
      line: 10,
      timestamp: null,
      text: 'Request started\nRequest failed\r\nServerException id=00ab',
      truncatedChars: 0,
    }
    const [evidence] = match(symptom!, [record]).blocks[0]!.matched
    expect(evidence).toMatchObject({ line: 11, text: 'Request failed' })
  })
})

describe('SymptomMatcher: group names', () => {
  it('finds lines that share a group name', () => {
    const shared = structuredClone(fixtureSignatures)
    shared.symptoms[0]!.lines[0]!.pattern = 'Sync started for (?<faultId>[0-9A-F]{4})'
    const [symptom] = compileSignatures(shared)
    const matcher = match(symptom!, records('Sync started for 0C0D', 'Fault 00AB in GetData', 'Sync failed'))
    expect(matcher.blocks[0]!.faultIds).toEqual(['0c0d', '00ab'])
  })

  it('finds the window-0 symptom in one record', () => {
    const matcher = match(serverFault, records('ServerException id=00ab', 'x', 'ServerException id=00AB'))
    expect(matcher.blocks.map((block) => [block.level, block.faultIds])).toEqual([['confirmed', ['00ab']]])
  })
})
