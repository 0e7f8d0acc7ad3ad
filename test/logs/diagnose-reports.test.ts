/**
 * What each report of `diagnoseLogs`/`diagnoseArticles` holds, on the fictional article `contoso-1001`
 * and variants of it built here: correlation over more than two symptoms, findings owned by each article's
 * report, the bytes and text of string inputs.
 */
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { diagnoseArticles, diagnoseLogs } from '../../src/logs/diagnose.ts'
import { parseSignatures } from '../../src/logs/load-signatures.ts'
import { fixture, fixtureSignatures } from './helpers.ts'

const agent = (id: string) => ['Sync started', `Fault ${id} in GetData`, 'Sync failed']

/** contoso-1001 with a third symptom (`audit-fault`, in `serverlog`) that its correlation also needs. */
function threeSymptomSignatures() {
  const document = parse(readFileSync(fixture('signatures/contoso-agent.yaml'), 'utf8'))
  document.symptoms.push({
    id: 'audit-fault',
    log: 'serverlog',
    fact: 'auditFault',
    description: 'The audit trail records the fault.',
    window: 0,
    lines: [{ id: 'audited', pattern: 'Audit fault=(?<faultId>[0-9a-f]{4})', distinctive: true }],
  })
  document.correlation.symptoms.push('audit-fault')
  return parseSignatures(document, 'contoso-agent-three.yaml')
}

describe('diagnoseLogs: correlation', () => {
  it('shares only the fault ids found in blocks of every correlated symptom, not of two out of three, sorted', async () => {
    const report = await diagnoseLogs(
      {
        agentlog: { text: [...agent('FFFF'), ...agent('ABCD'), ...agent('1111')].join('\n') },
        serverlog: {
          text: ['ffff', 'abcd', '1111']
            .map((id) => `ServerException id=${id}`)
            .concat(['Audit fault=ffff', 'Audit fault=abcd'])
            .join('\n'),
        },
      },
      { signatures: threeSymptomSignatures() },
    )
    expect(report.logs.agentlog!.files[0]!.faultIds).toEqual(['ffff', 'abcd', '1111'])
    expect(report.sharedIds).toEqual(['abcd', 'ffff'])
    expect(report.correlated).toBe(true)
    expect(report.logs.serverlog!.files[0]!.correlatedIds).toEqual(['ffff', 'abcd'])
  })
})

describe('diagnoseArticles: articles reading different logs', () => {
  it('searches each log for the symptoms of its kind only, and reports a log only to the articles reading it', async () => {
    // An article with contoso-1001's agent symptom alone: it reads no serverlog and correlates nothing.
    const document = parse(readFileSync(fixture('signatures/contoso-agent.yaml'), 'utf8'))
    document.article = 'contoso-1003'
    document.symptoms = document.symptoms.slice(0, 1)
    delete document.correlation
    const agentOnly = parseSignatures(document, 'contoso-agent-only.yaml')
    const [both, agentAlone] = await diagnoseArticles(
      {
        agentlog: { text: [...agent('ABCD'), 'ServerException id=abcd'].join('\n') },
        serverlog: { text: 'ServerException id=abcd' },
      },
      { articles: [fixtureSignatures, agentOnly] },
    )
    expect(both!.logs.agentlog!.files[0]!.blocks.map((block) => block.symptomId)).toEqual(['agent-fault'])
    expect(both!.sharedIds).toEqual(['abcd'])
    expect(Object.keys(agentAlone!.logs)).toEqual(['agentlog'])
    expect(agentAlone!.logs.agentlog!.files[0]!.blocks.map((block) => block.symptomId)).toEqual([
      'agent-fault',
    ])
    expect([agentAlone!.correlated, agentAlone!.sharedIds]).toEqual([false, []])
    expect(agentAlone!.logs.agentlog!.files[0]!.correlatedIds).toEqual([])
  })
})

describe('diagnoseArticles: articles declaring the same symptom', () => {
  it('gives each article findings of its own: changing one report leaves the other as found', async () => {
    const twin = { ...fixtureSignatures, article: 'contoso-1002' }
    const [first, second] = await diagnoseArticles(
      { agentlog: { text: agent('ABCD').join('\n') } },
      { articles: [fixtureSignatures, twin] },
    )
    const [own] = first!.logs.agentlog!.files[0]!.blocks
    const [other] = second!.logs.agentlog!.files[0]!.blocks
    expect(other).toEqual(own)
    own!.faultIds.push('ffff')
    own!.matched[0]!.text = 'edited'
    expect(other!.faultIds).toEqual(['abcd'])
    expect(other!.matched[0]!.text).toBe('Sync started')
  })
})

describe('diagnoseLogs: text inputs', () => {
  // contoso-1001 whose first line must start the record: a character before it (a BOM) fails the match.
  const document = parse(readFileSync(fixture('signatures/contoso-agent.yaml'), 'utf8'))
  document.symptoms[0].lines[0].pattern = '^Sync started'
  const anchored = parseSignatures(document, 'contoso-agent-anchored.yaml')
  const read = async (chunks: string[]) => {
    const report = await diagnoseLogs(
      {
        agentlog: (async function* () {
          yield* chunks
        })(),
      },
      { signatures: anchored },
    )
    return report.logs.agentlog!.files[0]!
  }
  const text = `${agent('ABCD').join('\n')}\n`

  it('drops the byte order mark a text starts with, also after an empty chunk, but counts its bytes', async () => {
    for (const chunks of [[`\ufeff${text}`], ['', `\ufeff${text}`]]) {
      const file = await read(chunks)
      expect(file.stats.bytes).toBe(3 + Buffer.byteLength(text))
      expect(file.stats.encoding).toBe('text')
      expect(file.level).toBe('confirmed')
      expect(file.blocks[0]!.matched.map((item) => [item.lineId, item.line])).toEqual([
        ['begin', 1],
        ['fault', 2],
        ['finish', 3],
      ])
    }
  })

  it('keeps the first character of a text without a mark, and a U+FEFF that starts a later chunk', async () => {
    const later = `\ufeff${agent('1234').join('\n')}\n`
    const file = await read([text, later])
    expect(file.stats.bytes).toBe(Buffer.byteLength(text + later))
    expect(file.blocks.map((block) => [block.faultIds, block.level, block.missing])).toEqual([
      [['abcd'], 'confirmed', []],
      [['1234'], 'partial', ['begin']],
    ])
  })
})

describe('diagnoseLogs: a log that cannot be opened', () => {
  it('is reported under its path, given as a string or as { path }, with the problem', async () => {
    const missing = fixture('no-such-agent.log')
    const report = await diagnoseLogs(
      { agentlog: [missing, { path: missing }, { text: agent('ABCD').join('\n') }] },
      { signatures: fixtureSignatures },
    )
    const files = report.logs.agentlog!.files
    expect(files.map((file) => [file.name, file.level])).toEqual([
      [missing, 'none'],
      [missing, 'none'],
      ['agentlog[2]', 'confirmed'],
    ])
    expect(files[1]!.problem).toMatch(/^Expected a readable log file at `.*no-such-agent\.log`/)
  })
})

describe('diagnoseLogs: reading', () => {
  const text = `${agent('ABCD').join('\n')}\n`
  const bytes = Buffer.byteLength(text)

  it('reads a log of exactly maxBytes bytes, and refuses one byte more', async () => {
    const read = async (maxBytes: number) =>
      (await diagnoseLogs({ agentlog: { text } }, { signatures: fixtureSignatures, maxBytes })).logs.agentlog!
        .files[0]!
    const whole = await read(bytes)
    expect([whole.problem, whole.level]).toEqual([undefined, 'confirmed'])
    const over = await read(bytes - 1)
    expect(over.problem).toBe(
      `Expected a log of at most ${bytes - 1} bytes, not more; pass a shorter excerpt or raise the limit (--max-bytes)`,
    )
  })

  it('reports progress after each chunk, done only at the end', async () => {
    const events: unknown[] = []
    await diagnoseLogs(
      { agentlog: { name: 'agent.log', content: Readable.from([Buffer.from(text), Buffer.from(text)]) } },
      { signatures: fixtureSignatures, progress: (event) => events.push(event) },
    )
    const event = (bytesRead: number, done: boolean) => ({
      name: 'agent.log',
      bytesRead,
      totalBytes: undefined,
      done,
    })
    expect(events).toEqual([event(bytes, false), event(2 * bytes, false), event(2 * bytes, true)])
  })

  it('reports an empty byte input as UTF-8, read without a problem', async () => {
    const file = (await diagnoseLogs({ agentlog: Buffer.alloc(0) }, { signatures: fixtureSignatures })).logs
      .agentlog!.files[0]!
    expect([file.stats.encoding, file.stats.bytes, file.stats.lines, file.problem]).toEqual([
      'utf-8',
      0,
      0,
      undefined,
    ])
  })
})
