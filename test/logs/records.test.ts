import { describe, expect, it } from 'vitest'
import { type LogRecord, RecordAssembler } from '../../src/logs/records.ts'

function records(text: string | string[], maxRecordChars?: number): LogRecord[] {
  const assembler = new RecordAssembler({ maxRecordChars })
  const chunks = typeof text === 'string' ? [text] : text
  return [...chunks.flatMap((chunk) => assembler.push(chunk)), ...assembler.end()]
}

const summary = (list: LogRecord[]) => list.map((record) => [record.line, record.timestamp])

describe('RecordAssembler: formats', () => {
  it('reads classic tab-separated lines with HH:MM:SS:mmm', () => {
    const list = records(
      '2021-08-28\t03:07:48:216\t 648\t13bc\tReport\tCWERReporter finishing\r\n2021-08-28\t11:05:07:920\t 576\ta70\tMisc\t= Process\r\n',
    )
    expect(summary(list)).toEqual([
      [1, '2021-08-28\t03:07:48:216'],
      [2, '2021-08-28\t11:05:07:920'],
    ])
    expect(list[0]!.text).toBe('2021-08-28\t03:07:48:216\t 648\t13bc\tReport\tCWERReporter finishing')
  })

  it.each(['/', '-', '.'])(
    'reads Get-WindowsUpdateLog lines with 7-digit fractions and %s dates',
    (separator) => {
      const date = `2020${separator}11${separator}22`
      const list = records(
        `${date} 12:46:55.4683366 8668  1188  IdleTimer       WU operation started\n${date} 12:46:56.0287807 8668  1188  WebServices     WS error\n`,
      )
      expect(summary(list)).toEqual([
        [1, `${date} 12:46:55.4683366`],
        [2, `${date} 12:46:56.0287807`],
      ])
    },
  )

  it('reads copies whose tabs became spaces or vanished', () => {
    const list = records(
      '2008-06-13    19:59:53:383  788   ee4    PT     header\n2008-06-1319:59:56:617 788ee4PTWARNING: x\n',
    )
    expect(summary(list)).toEqual([
      [1, '2008-06-13    19:59:53:383'],
      [2, '2008-06-1319:59:56:617'],
    ])
  })

  it('splits several records pasted on one physical line at each timestamp or placeholder', () => {
    const list = records(
      '2008-06-13 19:59:56:617 788 ee4 PT WARNING: a 2008-06-13 19:59:56:618 788 ee4 PT WARNING: b2008-06-13 19:59:56:619 788 ee4 PT c Date Time 788 ee4 PT d\n',
    )
    expect(list.map((record) => record.text.trim().slice(-1))).toEqual(['a', 'b', 'c', 'd'])
    expect(list.every((record) => record.line === 1)).toBe(true)
  })

  it('does not split at a date in a message without a time fraction', () => {
    const list = records(
      '2008-06-13 19:59:56:617 788 ee4 AU Next detection 2008-06-14 03:00:00, release 1.8.2008\n',
    )
    expect(list).toHaveLength(1)
  })

  it.each([
    ['Date Time 788 ee4 PT x', 'Date Time'],
    ['Data Godzina 788 ee4 PT x', 'Data Godzina'],
    ['Dato Klokkeslett 788 ee4 PT x', 'Dato Klokkeslett'],
    ['<Date> <Time> Error WsusService.25 x', '<Date> <Time>'],
    ['Date Time UTC Error w3wp.12 x', 'Date Time'],
  ])('accepts the placeholder in %s', (line, placeholder) => {
    expect(records(`${line}\n`)[0]!.timestamp).toBe(placeholder)
  })

  it('keeps .NET stack frames (indented or not) with the exception record', () => {
    const list = records(
      '2008-06-14 02:59:57.642 UTC Error w3wp.12 ClientImplementation.SyncUpdates System.ArgumentException: x\r\n   at A.B()\r\nat C.D()\r\n--- End of inner exception stack trace ---\r\n2008-06-14 02:59:57.642 UTC Warning w3wp.12 next\r\n',
    )
    expect(list).toHaveLength(2)
    expect(list[0]!.text.split('\n')).toHaveLength(4)
    expect(list[1]!.line).toBe(5)
  })

  it('treats an unindented line without timestamp as its own record', () => {
    expect(summary(records('plain one\nplain two\n'))).toEqual([
      [1, null],
      [2, null],
    ])
  })

  it('reads indented, backtick-quoted lines pasted from Markdown', () => {
    const list = records(
      '    `2008-06-13    19:59:53:383  788   ee4    PT     +++ PT: Synchronizing server updates +++`\n\n    `at X.Y()`\n',
    )
    expect(list).toHaveLength(1)
    expect(list[0]!.timestamp).toBe('2008-06-13    19:59:53:383')
  })
})

describe('RecordAssembler: line endings and chunks', () => {
  const lines = [
    '2008-06-13 19:59:53:383 788 ee4 PT one',
    '2008-06-13 19:59:53:384 788 ee4 PT two',
    '   at X.Y()',
    '2008-06-13 19:59:53:385 788 ee4 PT three',
  ]

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('gives the same records and line numbers with %s endings', (_name, ending) => {
    const list = records(lines.join(ending) + ending)
    expect(summary(list)).toEqual([
      [1, '2008-06-13 19:59:53:383'],
      [2, '2008-06-13 19:59:53:384'],
      [4, '2008-06-13 19:59:53:385'],
    ])
    expect(list[1]!.text).toBe('2008-06-13 19:59:53:384 788 ee4 PT two\n   at X.Y()')
  })

  it('handles a CRLF split between two chunks as one line ending', () => {
    const text = lines.join('\r\n')
    const cut = text.indexOf('\r') + 1
    expect(summary(records([text.slice(0, cut), text.slice(cut)]))).toEqual(summary(records(text)))
  })

  it('caps the kept text of a record and counts the rest', () => {
    const list = records(`2008-06-13 19:59:53:383 788 ee4 PT ${'x'.repeat(5000)}\n`, 1000)
    expect(list[0]!.text).toHaveLength(1000)
    expect(list[0]!.truncatedChars).toBe(4000 + '2008-06-13 19:59:53:383 788 ee4 PT '.length)
  })
})

/** Records delivered to a sink that wants every record only while `wantsEvery` says so. */
function sunk(
  text: string | string[],
  anchors: string[],
  wantsEvery: () => boolean = () => false,
  maxRecordChars?: number,
) {
  const got: LogRecord[] = []
  const assembler = new RecordAssembler({
    anchors,
    maxRecordChars,
    sink: { wantsEvery, record: (record) => got.push(record) },
  })
  for (const chunk of typeof text === 'string' ? [text] : text) expect(assembler.push(chunk)).toEqual([])
  expect(assembler.end()).toEqual([])
  return { got, assembler }
}

/** `got` holds only records of `all`, unchanged, and every one of them that contains `anchor`. */
function expectBuiltFrom(got: LogRecord[], all: LogRecord[], anchor: string) {
  for (const record of got) expect(record).toEqual(all[record.index])
  const indexes = new Set(got.map((record) => record.index))
  const anchored = all.filter((record) => record.text.includes(anchor))
  expect(anchored.length).toBeGreaterThan(0)
  for (const record of anchored) expect(indexes.has(record.index), record.text).toBe(true)
}

describe('RecordAssembler: records left out', () => {
  const log = [
    '2008-06-13 19:59:53:383 788 ee4 PT noise one',
    '2008-06-13 19:59:53:384 788 ee4 PT Fault 00AB in GetData',
    '   at X.Y()',
    '2008-06-13 19:59:53:385 788 ee4 PT noise two',
    'plain line',
    '   Fault 00CD in a continuation',
    '2008-06-13 19:59:53:386 788 ee4 PT noise three 2008-06-13 19:59:53:387 788 ee4 PT Fault pasted',
    '',
  ].join('\n')

  it('builds every record holding an anchor as it is, and leaves out lines without one', () => {
    const { got, assembler } = sunk(log, ['Fault'])
    expectBuiltFrom(got, records(log), 'Fault')
    // Records 0 and 2 are alone on lines without the anchor.
    expect(got.map((record) => record.index)).not.toContain(0)
    expect(got.map((record) => record.index)).not.toContain(2)
    expect([assembler.records, assembler.lines]).toEqual([6, 7])
  })

  it('builds every record while the sink wants every one, the same as without anchors', () => {
    const all = records(log)
    expect(all).toHaveLength(6)
    expect(sunk(log, ['Fault'], () => true).got).toEqual(all)
    // Anchors without a sink leave nothing out.
    const assembler = new RecordAssembler({ anchors: ['Fault'] })
    expect([...assembler.push(log), ...assembler.end()]).toEqual(all)
  })

  it('asks the sink when a record without anchor completes', () => {
    let open = false
    const got: LogRecord[] = []
    const assembler = new RecordAssembler({
      anchors: ['Fault'],
      sink: {
        wantsEvery: () => open,
        record: (record) => {
          got.push(record)
          open = record.text.includes('Fault')
        },
      },
    })
    assembler.push(log)
    assembler.end()
    // After each Fault record the next one is wanted too.
    expect(got.map((record) => record.index)).toEqual([1, 2, 3, 4, 5])
  })

  it('counts over-long records it did not build', () => {
    const long = `2008-06-13 19:59:53:383 788 ee4 PT ${'x'.repeat(400)}\n2008-06-13 19:59:53:384 788 ee4 PT short\n`
    const { got, assembler } = sunk(long, ['Fault'], () => false, 256)
    expect(got).toEqual([])
    expect([assembler.records, assembler.truncatedRecords]).toEqual([2, 1])
  })

  it('finds an anchor that a chunk boundary cuts in two', () => {
    const text = '2008-06-13 19:59:53:383 788 ee4 PT noise\n2008-06-13 19:59:53:384 788 ee4 PT Fault 1\n'
    const cut = text.indexOf('Fault') + 2
    const { got } = sunk([text.slice(0, cut), text.slice(cut)], ['Fault'])
    expect(got.map((record) => record.index)).toEqual([1])
  })

  it('leaves out a line without anchor that a chunk boundary cuts in two or that ends the log', () => {
    const text = [
      '2008-06-13 19:59:53:383 788 ee4 PT noise one',
      '2008-06-13 19:59:53:384 788 ee4 PT Fault 1',
      '2008-06-13 19:59:53:385 788 ee4 PT noise two',
    ].join('\n')
    const cut = text.indexOf('noise one') + 3
    const { got, assembler } = sunk([text.slice(0, cut), text.slice(cut)], ['Fault'])
    expect(got.map((record) => record.index)).toEqual([1])
    expect([assembler.records, assembler.lines]).toEqual([3, 3])
  })

  it('leaves out records without anchor pasted on one line or continued on the next', () => {
    const text = [
      '2008-06-13 19:59:53:383 788 ee4 PT Fault 1',
      '2008-06-13 19:59:53:384 788 ee4 PT noise one 2008-06-13 19:59:53:385 788 ee4 PT noise two',
      '2008-06-13 19:59:53:386 788 ee4 PT noise three',
      '   at X.Y()',
      '2008-06-13 19:59:53:387 788 ee4 PT Fault 2',
      '',
    ].join('\n')
    const { got, assembler } = sunk(text, ['Fault'])
    expect(got.map((record) => record.index)).toEqual([0, 4])
    expect([assembler.records, assembler.lines]).toEqual([5, 5])
  })
})

describe('RecordAssembler: lines without timestamp', () => {
  it('joins continuation lines, one line break per physical line, blank lines included', () => {
    const list = records('2008-06-13 19:59:53:383 PT a\n\n\n   at X.Y()\r\n\r\n--- end ---\nat Z()\n')
    expect(list).toHaveLength(1)
    expect(list[0]!.text).toBe('2008-06-13 19:59:53:383 PT a\n\n\n   at X.Y()\n\n--- end ---\nat Z()')
  })

  it('starts a record at a line that only looks like a continuation', () => {
    const list = records('2008-06-13 19:59:53:383 PT a\nattribute x\n--x\nat`x`\n\tat tab\n')
    expect(list.map((record) => record.text)).toEqual([
      '2008-06-13 19:59:53:383 PT a',
      'attribute x',
      '--x',
      'at`x`\n\tat tab',
    ])
  })

  it('starts a record at a continuation-like line when no record is open', () => {
    const list = records('   at X.Y()\n   more\nnext\n')
    expect(list.map((record) => [record.line, record.timestamp, record.text])).toEqual([
      [1, null, '   at X.Y()\n   more'],
      [3, null, 'next'],
    ])
  })

  it('skips blank lines and lines of only spaces or backticks', () => {
    const list = records(' \t\n``\n\u3000\nplain\n \n')
    expect(list.map((record) => [record.line, record.text])).toEqual([[4, 'plain']])
  })

  it('flushes the last line without a line break, and nothing after a final one', () => {
    expect(records('one\ntwo').map((record) => record.text)).toEqual(['one', 'two'])
    expect(records(['one\ntw', 'o']).map((record) => [record.line, record.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
    ])
    expect(records('one\r')).toHaveLength(1)
    expect(records('')).toEqual([])
  })

  it('counts lines whatever the line endings and chunks', () => {
    const text = 'a\r\nb\rc\n\n   d\r'
    for (const chunks of [[text], [...text], ['a\r', '\nb\r', 'c\n', '\n   d\r']]) {
      const assembler = new RecordAssembler()
      const list = [...chunks.flatMap((chunk) => assembler.push(chunk)), ...assembler.end()]
      expect(assembler.lines).toBe(5)
      expect(list.map((record) => [record.line, record.text])).toEqual([
        [1, 'a'],
        [2, 'b'],
        [3, 'c\n\n   d'],
      ])
    }
  })

  it('reads a lone CR at the end of a chunk followed by a record as a line ending', () => {
    expect(records(['x\r', 'y\n']).map((record) => [record.line, record.text])).toEqual([
      [1, 'x'],
      [2, 'y'],
    ])
  })
})

describe('RecordAssembler: caps', () => {
  it('caps continuation lines and counts what was cut', () => {
    const head = '2008-06-13 19:59:53:383 PT a'
    const frame = `   at ${'y'.repeat(294)}`
    const list = records(`${head}\n${frame}\n${frame}\n`, 300)
    expect(list[0]!.text).toBe(`${head}\n${frame}`.slice(0, 300))
    expect(list[0]!.truncatedChars).toBe(head.length + 2 * (frame.length + 1) - 300)
  })

  it('keeps at least 256 characters per record', () => {
    const list = records(`plain ${'z'.repeat(500)}\n`, 10)
    expect(list[0]!.text).toHaveLength(256)
    expect(list[0]!.truncatedChars).toBe(250)
  })

  it('counts a record cut at the cap once, whether built or not', () => {
    const assembler = new RecordAssembler({ maxRecordChars: 256 })
    assembler.push(`a ${'x'.repeat(300)}\n   at ${'y'.repeat(300)}\nb\n`)
    assembler.end()
    expect([assembler.records, assembler.truncatedRecords]).toEqual([2, 1])
  })

  it('keeps exactly the cap without counting a cut', () => {
    const text = `plain ${'z'.repeat(250)}`
    const assembler = new RecordAssembler({ maxRecordChars: 256 })
    const list = [...assembler.push(`${text}\n`), ...assembler.end()]
    expect([list[0]!.text, list[0]!.truncatedChars, assembler.truncatedRecords]).toEqual([text, 0, 0])
  })
})

describe('RecordAssembler: lines longer than a slice', () => {
  const entry = (n: number) =>
    `2008-06-13 19:59:${String(n % 60).padStart(2, '0')}:${String(n % 1000).padStart(3, '0')} 788 ee4 PT entry ${n} `

  it('splits a 1 MB line of pasted records the same in any chunks', () => {
    const line = Array.from({ length: 20_000 }, (_, n) => entry(n)).join('')
    expect(line.length).toBeGreaterThan(2 * 256 * 1024)
    const whole = records(`${line}\n`)
    expect(whole).toHaveLength(20_000)
    expect(whole.every((record, n) => record.text === entry(n) && record.line === 1)).toBe(true)
    const pieces: string[] = []
    for (let start = 0; start < line.length; start += 70_001) pieces.push(line.slice(start, start + 70_001))
    expect(records([...pieces, '\n'])).toEqual(whole)
  })

  it('keeps the head of a long line without record start as one capped record', () => {
    const line = `plain ${'q'.repeat(600_000)}`
    const list = records([line.slice(0, 300_000), line.slice(300_000), '\nnext\n'], 1000)
    expect(list.map((record) => [record.line, record.text.length, record.truncatedChars])).toEqual([
      [1, 1000, line.length - 1000],
      [2, 4, 0],
    ])
  })

  it('builds the records with an anchor in a long line, also one cut between slices', () => {
    const line = Array.from(
      { length: 20_000 },
      (_, n) => entry(n) + (n % 5000 === 4999 ? 'Fault here ' : ''),
    ).join('')
    const { got, assembler } = sunk([line.slice(0, 300_000), line.slice(300_000), '\n'], ['Fault here'])
    expectBuiltFrom(got, records(`${line}\n`), 'Fault here')
    expect(got.filter((record) => record.text.includes('Fault here')).map((record) => record.index)).toEqual([
      4999, 9999, 14999, 19999,
    ])
    expect(assembler.records).toBe(20_000)
  })
})

describe('RecordAssembler: edges of lines and chunks', () => {
  it('counts a line break at the very start as a line', () => {
    expect(records('\nplain').map((record) => record.line)).toEqual([2])
    expect(records(['\n', '\nplain']).map((record) => record.line)).toEqual([3])
  })

  it('keeps a CRLF whole across an empty chunk', () => {
    expect(records(['x\r', '', '\ny']).map((record) => [record.line, record.text])).toEqual([
      [1, 'x'],
      [2, 'y'],
    ])
  })

  it('reads a timestamp without fraction at a line start, read in place or cut out', () => {
    // The second line holds a record start with a fraction, so it is searched the exact way.
    const list = records('2008-06-13 19:59:53 788 a\n  2008-06-13 19:59:54 788 b 2008-06-13 19:59:55:123 c\n')
    expect(list.map((record) => [record.line, record.timestamp, record.text])).toEqual([
      [1, '2008-06-13 19:59:53', '2008-06-13 19:59:53 788 a'],
      [2, '2008-06-13 19:59:54', '2008-06-13 19:59:54 788 b '],
      [2, '2008-06-13 19:59:55:123', '2008-06-13 19:59:55:123 c'],
    ])
  })

  it('leaves out the indentation before a timestamp on a line holding several records', () => {
    const list = records(
      '2008-06-13 19:59:53:383 a\n \t`2008-06-13 19:59:54:123 b 2008-06-13 19:59:55:123 c\n',
    )
    expect(list.map((record) => record.text)).toEqual([
      '2008-06-13 19:59:53:383 a',
      '2008-06-13 19:59:54:123 b ',
      '2008-06-13 19:59:55:123 c',
    ])
  })

  it('counts records cut at the cap, and only those, however they were read', () => {
    const assembler = new RecordAssembler({ maxRecordChars: 256 })
    assembler.push(
      [
        'plain short',
        // A time with a fraction: read the exact way.
        `plain ${'x'.repeat(400)} 19:59:53:123`,
        'plain short 19:59:53:123',
        `plain ${'y'.repeat(250)}`,
        '',
      ].join('\n'),
    )
    assembler.end()
    expect(assembler.records).toBe(4)
    expect(assembler.truncatedRecords).toBe(1)
  })
})

describe('RecordAssembler: record starts at the cut of a long line', () => {
  // A chunk of 300,000 characters without line break is processed up to 64 characters before its end,
  // the rest kept for the next chunk: a record start may straddle that cut.
  const LENGTH = 300_000
  const cut = LENGTH - 64
  const line = (at: number, start: string, fill = 'y') =>
    fill.repeat(at) + start + 'z'.repeat(LENGTH - at - start.length)

  it('finds a record start that straddles the cut once', () => {
    const start = '13.06.2008 19:59:53,123 x'
    for (const at of [cut - 1, cut - 10, cut - start.length + 1]) {
      const list = records([line(at, start), '\n'])
      expect(
        list.map((record) => [record.timestamp, record.text.length + record.truncatedChars]),
        `at ${at}`,
      ).toEqual([
        [null, at],
        ['13.06.2008 19:59:53,123', LENGTH - at],
      ])
    }
  })

  it('finds a record start right at the cut after blank text, with no record before it', () => {
    const list = records([line(cut, '2008-06-13 19:59:53:123 x', ' '), '\n'])
    expect(list.map((record) => record.timestamp)).toEqual(['2008-06-13 19:59:53:123'])
  })

  it('does not take a timestamp without fraction just after the cut for a record start', () => {
    const list = records([line(cut, '2008-06-13 19:59:53 x'), '\n'])
    expect(list.map((record) => [record.timestamp, record.text.length + record.truncatedChars])).toEqual([
      [null, LENGTH],
    ])
  })
})

describe('RecordAssembler: a long blank run', () => {
  it('keeps the text after more than a slice of blanks as a record', () => {
    const list = records([' '.repeat(300_000), 'Fault here\n', 'next\n'])
    expect(list.map((record) => [record.line, record.text.trim()])).toEqual([
      [1, 'Fault here'],
      [2, 'next'],
    ])
  })
})
