import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { type DiagnosisReport, diagnoseLogs, type FileReport } from '../../src/logs/diagnose.ts'
import { evidenceToFacts } from '../../src/logs/evidence-facts.ts'
import { fixture, fixtureText, signatures } from './helpers.ts'

const FIXTURE_ID = '7d3e1f0a-52c4-4b8e-9f61-0c2a9d4e8b17'

async function clientLevel(input: Parameters<typeof diagnoseLogs>[0][string]): Promise<string> {
  return (await diagnoseLogs({ windowsupdate: input }, { signatures })).logs.windowsupdate!.level
}

describe('diagnoseLogs: levels', () => {
  it('confirms the full client block and the server exception, correlated by the fault ID', async () => {
    const report = await diagnoseLogs(
      {
        windowsupdate: fixture('client-954960-classic.log'),
        softwaredistribution: fixture('server-954960.log'),
      },
      { signatures },
    )
    expect(report.logs.windowsupdate!.level).toBe('confirmed')
    expect(report.logs.softwaredistribution!.level).toBe('confirmed')
    expect(report.correlated).toBe(true)
    expect(report.sharedIds).toEqual([FIXTURE_ID])
    expect(report.facts).toEqual({
      clientSymptom: 'confirmed',
      serverSymptom: 'confirmed',
      symptomIdsCorrelated: true,
    })
    const [block] = report.logs.windowsupdate!.files[0]!.blocks
    expect(block!.matched.map((item) => [item.lineId, item.line])).toEqual([
      ['header', 2],
      ['service', 3],
      ['sync-failure', 5],
      ['soap-fault', 6],
      ['faultstring', 7],
      ['error-code', 8],
      ['message', 9],
      ['method', 10],
      ['fault-id', 11],
    ])
    expect(block!.matched[2]!.timestamp).toBe('2008-06-13\t19:59:56:617')
    const server = report.logs.softwaredistribution!.files[0]!
    expect(server.blocks[0]!.matched.map((item) => [item.lineId, item.line])).toEqual([
      ['argument-exception', 2],
      ['get-sync-info', 5],
      ['throw-exception', 9],
    ])
    expect(server.blocks[0]!.matched[0]!.captures).toEqual({ key: '8862', keyAdded: '8862' })
    expect(server.correlatedIds).toEqual([FIXTURE_ID])
  })

  it('reports the 0x8024400E line alone as partial, naming what is missing', async () => {
    const report = await diagnoseLogs(
      { windowsupdate: fixture('client-partial-8024400e-only.log') },
      { signatures },
    )
    const file = report.logs.windowsupdate!.files[0]!
    expect(file.level).toBe('partial')
    expect(file.blocks[0]!.missing).toEqual(['header', 'soap-fault', 'error-code', 'method', 'fault-id'])
    expect(report.facts).toEqual({ clientSymptom: 'partial' })
  })

  it('gives none, with the reason, for an InvalidParameters fault with the same 0x8024400E line', async () => {
    const report = await diagnoseLogs(
      { windowsupdate: fixture('client-near-miss-invalidparameters.log') },
      { signatures },
    )
    const file = report.logs.windowsupdate!.files[0]!
    expect(file.level).toBe('none')
    expect(file.nearMisses).toHaveLength(1)
    expect(file.nearMisses[0]!.veto).toMatchObject({ lineId: 'other-error-code', line: 6 })
  })

  it('gives none for InternalServerError on GetAuthorizationCookie after a "PT :" header', async () => {
    expect(await clientLevel(fixture('client-near-miss-getauthcookie.log'))).toBe('none')
  })

  it('confirms pasted copies: placeholders, lost tabs and line breaks', async () => {
    for (const name of [
      'client-954960-placeholder-pl.log',
      'client-954960-placeholder-nb.log',
      'client-954960-one-line-no-tabs.log',
    ]) {
      const report = await diagnoseLogs(
        { windowsupdate: fixture(name), softwaredistribution: fixture('server-954960-placeholder.log') },
        { signatures },
      )
      expect([name, report.facts]).toEqual([
        name,
        { clientSymptom: 'confirmed', serverSymptom: 'confirmed', symptomIdsCorrelated: true },
      ])
    }
  })

  it('confirms Get-WindowsUpdateLog style lines (space separated, 7-digit fractions)', async () => {
    const etl = fixtureText('client-954960-classic.log').replace(
      /^2008-06-13\t(\d\d:\d\d:\d\d):(\d{3})\t *(\d+)\t(\w+)\t(\w+)\t/gm,
      (_all, time, ms, pid, tid, component) =>
        `2008/06/13 ${time}.${ms}0000 ${pid.padEnd(5)} ${tid.padEnd(5)} ${component.padEnd(15)} `,
    )
    expect(etl).toContain('2008/06/13 19:59:56.6170000 788')
    expect(await clientLevel(etl)).toBe('confirmed')
  })

  it('does not correlate different IDs', async () => {
    const otherId = fixtureText('server-954960.log').replace(
      FIXTURE_ID,
      '00000000-1111-4222-8333-444444444444',
    )
    const report = await diagnoseLogs(
      { windowsupdate: fixture('client-954960-classic.log'), softwaredistribution: otherId },
      { signatures },
    )
    expect(report.facts).toEqual({
      clientSymptom: 'confirmed',
      serverSymptom: 'confirmed',
      symptomIdsCorrelated: false,
    })
  })

  it('loses the block when its lines are further apart than the window', async () => {
    const lines = fixtureText('client-954960-classic.log').split('\r\n')
    const filler = Array.from(
      { length: 60 },
      (_, i) => `2008-06-13\t19:59:55:${String(i).padStart(3, '0')}\t 788\t9c0\tAU\tAU idle ${i}`,
    )
    const spread = [...lines.slice(0, 4), ...filler, ...lines.slice(4)].join('\r\n')
    const file = (await diagnoseLogs({ windowsupdate: spread }, { signatures })).logs.windowsupdate!.files[0]!
    expect(file.level).toBe('partial')
    expect(file.blocks[0]!.missing).toContain('header')
  })
})

describe('diagnoseLogs: inputs', () => {
  const text = fixtureText('client-954960-classic.log')

  it('accepts a path, text, { text }, a Buffer, a Readable and an async iterable', async () => {
    const inputs = [
      fixture('client-954960-classic.log'),
      text,
      { text: text.replace(/\r\n/g, ''), name: 'one line' },
      Buffer.from(text),
      Readable.from([Buffer.from(text.slice(0, 100)), Buffer.from(text.slice(100))]),
      (async function* () {
        yield text.slice(0, 7)
        yield text.slice(7)
      })(),
      { name: 'pc7', content: Buffer.from(text) },
    ]
    const report = await diagnoseLogs({ windowsupdate: inputs }, { signatures })
    expect(report.logs.windowsupdate!.files.map((file) => file.level)).toEqual(
      Array(inputs.length).fill('confirmed'),
    )
    expect(report.logs.windowsupdate!.files.map((file) => file.name)).toEqual([
      fixture('client-954960-classic.log'),
      'windowsupdate[1]',
      'one line',
      'windowsupdate[3]',
      'windowsupdate[4]',
      'windowsupdate[5]',
      'pc7',
    ])
  })

  it('reports a fleet per file, the side level being the highest', async () => {
    const report = await diagnoseLogs(
      {
        windowsupdate: [
          fixture('client-near-miss-getauthcookie.log'),
          fixture('client-partial-8024400e-only.log'),
          fixture('client-954960-classic.log'),
        ],
      },
      { signatures },
    )
    expect(report.logs.windowsupdate!.files.map((file) => file.level)).toEqual([
      'none',
      'partial',
      'confirmed',
    ])
    expect(report.logs.windowsupdate!.level).toBe('confirmed')
  })

  it('reports an unreadable file as a problem of that file, not a crash', async () => {
    const report = await diagnoseLogs(
      { windowsupdate: ['/nonexistent/WindowsUpdate.log', text] },
      { signatures },
    )
    expect(report.logs.windowsupdate!.files[0]!.problem).toBe(
      'Expected a readable log file at `/nonexistent/WindowsUpdate.log`, not a path that fails with ENOENT (no such file or directory); if the string is log text, pass it as { text }',
    )
    expect(report.logs.windowsupdate!.files[0]!.level).toBe('none')
    expect(report.logs.windowsupdate!.level).toBe('confirmed')
  })

  it('says a directory is a directory, and hints at { text } only for a bare string that is no file', async () => {
    const report = await diagnoseLogs(
      { windowsupdate: [{ path: 'test' }, { path: 'no-such.log' }, 'SOAP Fault: 0x000190'] },
      { signatures },
    )
    expect(report.logs.windowsupdate!.files.map((file) => file.problem)).toEqual([
      'Expected a readable log file at `test`, not a directory',
      'Expected a readable log file at `no-such.log`, not a path that fails with ENOENT (no such file or directory)',
      'Expected a readable log file at `SOAP Fault: 0x000190`, not a path that fails with ENOENT (no such file or directory); if the string is log text, pass it as { text }',
    ])
  })
})

describe('diagnoseLogs: encodings', () => {
  const text = fixtureText('client-954960-classic.log')
  const utf16be = (value: string) => Buffer.from(value, 'utf16le').swap16()
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf-16le',
    ],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
  ])('confirms the block in %s, even split at odd byte offsets', async (_name, bytes, encoding) => {
    const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 333), bytes.subarray(333)]
    const report = await diagnoseLogs({ windowsupdate: [bytes, Readable.from(chunks)] }, { signatures })
    for (const file of report.logs.windowsupdate!.files) {
      expect(file.level).toBe('confirmed')
      expect(file.stats.encoding).toBe(encoding)
      expect(file.blocks[0]!.matched[0]!.line).toBe(2)
    }
  })
})

describe('diagnoseLogs: a 10 MB line', () => {
  const block = fixtureText('client-954960-classic.log')

  it('keeps a bounded prefix of a 10 MB record, counts the rest and still finds the block after it', async () => {
    const huge = `2008-06-13\t19:59:50:000\t 788\tee4\tAgent\t${'x'.repeat(10 * 1024 * 1024)}\r\n`
    const report = await diagnoseLogs({ windowsupdate: Buffer.from(huge + block) }, { signatures })
    const file = report.logs.windowsupdate!.files[0]!
    expect(file.level).toBe('confirmed')
    expect(file.stats.truncatedRecords).toBe(1)
    expect(file.blocks[0]!.matched[0]!.line).toBe(3)
  })

  it('finds the block inside a 10 MB line of pasted records', async () => {
    const filler = '2008-06-13 19:59:55:000 788 9c0 AU AU idle, nothing to do. '
    const oneLine = filler.repeat(90_000) + block.replace(/\r\n/g, ' ') + filler.repeat(90_000)
    expect(oneLine.length).toBeGreaterThan(10 * 1024 * 1024)
    const report: DiagnosisReport = await diagnoseLogs({ windowsupdate: oneLine }, { signatures })
    const file = report.logs.windowsupdate!.files[0]!
    expect(file.level).toBe('confirmed')
    expect(file.stats.lines).toBe(1)
    expect(file.stats.records).toBe(180_000 + 14)
  })
})

describe('evidenceToFacts', () => {
  const block = (symptomId: string, level: 'confirmed' | 'partial') => ({
    symptomId,
    level,
    matched: [],
    missing: [],
    faultIds: [],
  })
  const kind = (...blocks: ReturnType<typeof block>[]) => ({
    level: 'none' as const,
    files: [{ blocks } as unknown as FileReport],
  })
  const [client, server] = signatures.symptoms.map((symptom) => symptom.id) as [string, string]

  it('names the facts as the article declares them, only for the kinds that were read', () => {
    const logs = { windowsupdate: kind(block(client, 'partial')), softwaredistribution: kind() }
    expect(evidenceToFacts(signatures, { logs, correlated: false })).toEqual({
      clientSymptom: 'partial',
      serverSymptom: 'none',
      symptomIdsCorrelated: false,
    })
    expect(
      evidenceToFacts(signatures, {
        logs: { softwaredistribution: kind(block(server, 'confirmed')) },
        correlated: false,
      }),
    ).toEqual({ serverSymptom: 'confirmed' })
    expect(evidenceToFacts(signatures, { logs: {}, correlated: false })).toEqual({})
  })

  it('takes the highest level when two symptoms set the same fact', () => {
    const shared = structuredClone(signatures)
    for (const symptom of shared.symptoms) symptom.fact = 'anySymptom'
    delete shared.correlation
    const logs = {
      windowsupdate: kind(block(client, 'partial')),
      softwaredistribution: kind(block(server, 'confirmed')),
    }
    expect(evidenceToFacts(shared, { logs, correlated: false })).toEqual({ anySymptom: 'confirmed' })
  })
})
