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
