import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { type DiagnosisReport, diagnoseLogs } from '../../src/logs/diagnose.ts'
import { fixtureText, signatures } from './helpers.ts'

const blockLines = [
  ...fixtureText('client-954960-classic.log').split('\r\n'),
  ...fixtureText('server-954960.log').split('\r\n'),
  ...fixtureText('client-near-miss-invalidparameters.log').split('\r\n'),
].filter((line) => line.length > 0)

// Log-like text: real signature lines, line endings, placeholders and noise in any order.
const fragment = fc.oneof(
  fc.constantFrom(...blockLines),
  fc.constantFrom('\r\n', '\n', '\r', '\t', ' ', 'Date Time 788 ee4 PT ', '   at X.Y()', '`'),
  fc.string({ maxLength: 30 }),
)
const logText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''))

const encodings = fc.constantFrom(
  (text: string) => Buffer.from(text),
  (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
)

function findings(report: DiagnosisReport) {
  return [report.logs.windowsupdate, report.logs.softwaredistribution].map((side) =>
    side?.files.map((file) => ({
      level: file.level,
      blocks: file.blocks,
      nearMisses: file.nearMisses,
      stats: file.stats,
    })),
  )
}

async function* chunked(bytes: Buffer, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0
  for (const cut of [...new Set(cuts.map((value) => value % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(start, cut)
    start = cut
  }
  yield bytes.subarray(start)
}

describe('reader properties', () => {
  test.prop([fc.uint8Array({ maxLength: 4000 })], { numRuns: 200 })(
    'never throws on arbitrary bytes',
    async (bytes) => {
      const report = await diagnoseLogs({ windowsupdate: bytes, softwaredistribution: bytes }, { signatures })
      expect(['confirmed', 'partial', 'none']).toContain(report.logs.windowsupdate!.level)
      expect(report.logs.windowsupdate!.files[0]!.problem).toBeUndefined()
    },
  )

  test.prop([logText, encodings, fc.array(fc.nat(), { maxLength: 12 })], { numRuns: 300 })(
    'gives the same findings however the input is split into chunks',
    async (text, encode, cuts) => {
      const bytes = encode(text)
      const whole = await diagnoseLogs({ windowsupdate: bytes, softwaredistribution: bytes }, { signatures })
      const split = await diagnoseLogs(
        {
          windowsupdate: { name: 'windowsupdate[0]', content: chunked(bytes, cuts) },
          softwaredistribution: { name: 'softwaredistribution[0]', content: chunked(bytes, cuts) },
        },
        { signatures },
      )
      expect(findings(split)).toEqual(findings(whole))
    },
  )

  test.prop([logText, fc.array(fc.nat(), { maxLength: 12 })], { numRuns: 200 })(
    'gives the same findings for text chunks as for the bytes',
    async (text, cuts) => {
      const fromBytes = await diagnoseLogs({ windowsupdate: Buffer.from(text) }, { signatures })
      async function* pieces() {
        let start = 0
        for (const cut of [...new Set(cuts.map((value) => value % (text.length + 1)))].sort(
          (a, b) => a - b,
        )) {
          yield text.slice(start, cut)
          start = cut
        }
        yield text.slice(start)
      }
      const fromText = await diagnoseLogs(
        { windowsupdate: { name: 'windowsupdate[0]', content: pieces() } },
        { signatures },
      )
      expect(fromText.logs.windowsupdate!.files[0]!.blocks).toEqual(
        fromBytes.logs.windowsupdate!.files[0]!.blocks,
      )
    },
  )
})
