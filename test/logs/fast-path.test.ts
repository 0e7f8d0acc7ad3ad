import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { requiredLiteral } from '../../src/logs/anchors.ts'
import { LogDecoder } from '../../src/logs/decode.ts'
import { type DiagnosisReport, diagnoseLogs } from '../../src/logs/diagnose.ts'
import { compileSignatures } from '../../src/logs/load-signatures.ts'
import { SPACE_IN_LINE } from '../../src/logs/record-start.ts'
import { fixtureText, signatures } from './helpers.ts'

const fixtureNames = [
  'client-954960-classic.log',
  'client-954960-one-line-no-tabs.log',
  'client-954960-placeholder-nb.log',
  'client-954960-placeholder-pl.log',
  'client-near-miss-getauthcookie.log',
  'client-near-miss-invalidparameters.log',
  'client-partial-8024400e-only.log',
  'server-954960-placeholder.log',
  'server-954960.log',
]
const fixtureLines = fixtureNames.flatMap((name) => fixtureText(name).split(/\r\n|\n|\r/))

describe('requiredLiteral', () => {
  it.each([
    ['PT ?: Synchronizing server updates', ': Synchronizing server updates'],
    ['ErrorCode: {0,20}InternalServerError\\(5\\)', 'InternalServerError(5)'],
    ['Method: {0,20}"[^"\\n]{0,200}\\/ClientWebService\\/SyncUpdates"', '/ClientWebService/SyncUpdates"'],
    ['\\bID: {0,20}(?<faultId>[0-9a-f]{8})\\b', 'ID:'],
    ['ab?c', 'a'],
    ['a{,2}b', 'a{,2}b'],
  ])('takes from %s the literal %s', (pattern, literal) => {
    expect(requiredLiteral(pattern)).toBe(literal)
  })

  it.each(['a|b', 'x\\x41y', '\\u0041', '.{1,5}'])('finds none it can prove in %s', (pattern) => {
    expect(requiredLiteral(pattern)).toBeUndefined()
  })

  it('gives a literal that every 954960 pattern match contains', () => {
    const lines = compileSignatures(signatures).flatMap((symptom) => symptom.lines)
    let matches = 0
    for (const line of lines) {
      const literal = requiredLiteral(line.regex.source)
      expect(literal).toBeDefined()
      for (const text of fixtureLines) {
        if (!line.regex.test(text)) continue
        matches++
        expect(text).toContain(literal)
      }
    }
    expect(matches).toBeGreaterThan(20)
  })
})

describe('reader building blocks', () => {
  it('treats as white space inside a line exactly what \\s matches, less CR and LF', () => {
    const inLine = new RegExp(`[${SPACE_IN_LINE}]`)
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code)
      expect(inLine.test(char), `U+${code.toString(16)}`).toBe(
        /\s/.test(char) && char !== '\r' && char !== '\n',
      )
    }
  })

  const bytes = fc.array(
    fc.constantFrom(
      0x41,
      0x0a,
      0x0d,
      0x80,
      0xbf,
      0xc2,
      0xdf,
      0xe0,
      0xe3,
      0xed,
      0xef,
      0xbb,
      0xf0,
      0xf4,
      0xff,
      0xa0,
    ),
    { maxLength: 40 },
  )
  test.prop([bytes, fc.array(fc.nat(), { maxLength: 10 })], { numRuns: 2000 })(
    'decodes UTF-8 split anywhere as TextDecoder decodes it whole',
    (values, cuts) => {
      const input = Uint8Array.from([0xe2, 0x82, 0xac, ...values])
      const decoder = new LogDecoder()
      let text = ''
      let start = 0
      for (const cut of [...new Set(cuts.map((value) => value % (input.length + 1)))].sort((a, b) => a - b)) {
        text += decoder.write(input.subarray(start, cut))
        start = cut
      }
      text += decoder.write(input.subarray(start)) + decoder.end()
      expect(text).toBe(new TextDecoder('utf-8').decode(input))
    },
  )
})

// The same signatures with one line no literal can be proven for: every record is then built and
// matched, which is what the reader did before it skipped records.
const unanchored = structuredClone(signatures)
for (const symptom of unanchored.symptoms) symptom.lines[0]!.pattern = `(?:${symptom.lines[0]!.pattern})|(?!)`

function findings(report: DiagnosisReport) {
  return [report.logs.windowsupdate, report.logs.softwaredistribution].map((side) =>
    side?.files.map(({ level, blocks, nearMisses, omittedBlocks, stats }) => ({
      level,
      blocks,
      nearMisses,
      omittedBlocks,
      stats,
    })),
  )
}

describe('records left out without an anchor', () => {
  it('change nothing in the findings of the fixtures', async () => {
    for (const name of fixtureNames) {
      const inputs = {
        windowsupdate: { text: fixtureText(name) },
        softwaredistribution: { text: fixtureText(name) },
      }
      const fast = await diagnoseLogs(inputs, { signatures })
      const full = await diagnoseLogs(inputs, { signatures: unanchored })
      expect(findings(fast), name).toEqual(findings(full))
    }
  })

  const fragment = fc.oneof(
    fc.constantFrom(...fixtureLines.filter((line) => line.length > 0)),
    fc.constantFrom(
      '\r\n',
      '\n',
      '\r',
      ' ',
      '`',
      'Date Time 788 ee4 PT ',
      'DataStore ',
      '   at X.Y()',
      '12:34:56.789',
    ),
    fc.string({ maxLength: 20 }),
  )
  test.prop([fc.array(fragment, { maxLength: 80 }), fc.integer({ min: 256, max: 4000 })], { numRuns: 300 })(
    'change nothing in the findings of log-like text',
    async (parts, maxRecordChars) => {
      const text = parts.join('')
      const inputs = { windowsupdate: Buffer.from(text), softwaredistribution: Buffer.from(text) }
      const fast = await diagnoseLogs(inputs, { signatures, maxRecordChars })
      const full = await diagnoseLogs(inputs, { signatures: unanchored, maxRecordChars })
      expect(findings(fast)).toEqual(findings(full))
    },
  )
})
