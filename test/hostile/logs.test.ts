// Hostile logs: binary, huge, damaged and endless inputs are read as far as allowed, never crash or hang.
import { readFileSync } from 'node:fs'
import { PassThrough, Readable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.ts'
import type { SignaturesFile } from '../../src/kb/schema/signatures.ts'
import { type DiagnoseOptions, diagnoseLogs } from '../../src/logs/diagnose.ts'
import { readSignaturesFile } from '../../src/logs/load-signatures.ts'
import { DEFAULT_MAX_RECORD_CHARS } from '../../src/logs/records.ts'

const classic = readFileSync(new URL('../fixtures/logs/client-954960-classic.log', import.meta.url))
let signatures: SignaturesFile
beforeAll(async () => {
  signatures = await readSignaturesFile('rules/articles/954960/signatures.yaml')
})

async function clientReport(
  input: Parameters<typeof diagnoseLogs>[0]['client'],
  options: Partial<DiagnoseOptions> = {},
) {
  const report = await diagnoseLogs({ windowsupdate: input }, { signatures, ...options })
  return report.logs.windowsupdate!.files[0]!
}

/** A deterministic pseudo-random byte sequence. */
function noise(length: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(length)
  let state = seed
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0
    bytes[index] = state >>> 24
  }
  return bytes
}

/** `total` bytes of `byte` in 64 KiB chunks, never held at once. */
async function* repeated(total: number, byte: number): AsyncGenerator<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(byte)
  for (let sent = 0; sent < total; sent += chunk.length)
    yield chunk.subarray(0, Math.min(chunk.length, total - sent))
}

describe('hostile logs are read, not crashed on', () => {
  it('a binary file: no evidence, no problem', async () => {
    const file = await clientReport({ name: 'binary.bin', content: noise(1024 * 1024) })
    expect(file).toMatchObject({ level: 'none', blocks: [] })
    expect(file.problem).toBeUndefined()
    expect(file.stats.bytes).toBe(1024 * 1024)
  })

  it('a 100 MB single line is streamed and kept only up to the record limit', async () => {
    const total = 100 * 1024 * 1024
    const file = await clientReport({ name: 'one-line.log', content: repeated(total, 0x41) })
    expect(file.stats).toMatchObject({ bytes: total, lines: 1, records: 1, truncatedRecords: 1 })
    expect(file.level).toBe('none')
    expect(DEFAULT_MAX_RECORD_CHARS).toBeLessThan(total)
  })

  it('UTF-16LE cut in the middle of a character still finds the symptom', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(classic.toString('utf8'), 'utf16le')])
    const file = await clientReport({ name: 'cut.log', content: utf16.subarray(0, utf16.length - 1) })
    expect(file.stats.encoding).toBe('utf-16le')
    expect(file.level).toBe('confirmed')
  })

  it('mixed encodings (UTF-8, Latin-1 and UTF-16 fragments) become U+FFFD and the rest is read', async () => {
    const lines = classic.toString('utf8').split('\n')
    const mixed = Buffer.concat([
      Buffer.from(`${lines[0]}\n`),
      Buffer.from('2008-06-13\t19:59:53:370\t 788\tee4\tAU\tcaf\xe9 na\xefve\n', 'latin1'),
      Buffer.from('2008-06-13 19:59:53:371 utf16 fragment\n', 'utf16le'),
      Buffer.from(lines.slice(1).join('\n')),
    ])
    const file = await clientReport({ name: 'mixed.log', content: mixed })
    expect(file.stats.encoding).toBe('utf-8')
    expect(file.level).toBe('confirmed')
  })

  it('NUL bytes between and inside records (a log padded after a crash)', async () => {
    const padded = Buffer.concat([
      Buffer.alloc(4096),
      classic,
      Buffer.alloc(4096),
      Buffer.from('\u0000x\u0000\n'),
    ])
    const file = await clientReport({ name: 'nul.log', content: padded })
    expect(file.level).toBe('confirmed')
    expect(file.problem).toBeUndefined()
  })

  it('an endless stream is stopped by maxBytes with a clear problem', async () => {
    async function* endless(): AsyncGenerator<Uint8Array> {
      const chunk = Buffer.from(classic)
      for (;;) yield chunk
    }
    const file = await clientReport({ name: 'endless', content: endless() }, { maxBytes: 1024 * 1024 })
    expect(file.problem).toBe(
      'Expected a log of at most 1048576 bytes, not more; pass a shorter excerpt or raise the limit (--max-bytes)',
    )
    expect(file.stats.bytes).toBeLessThanOrEqual(1024 * 1024 + classic.length)
  })

  it('kb diagnose --client - --max-bytes stops an endless standard input with exit 2', async () => {
    let pushed = 0
    const stdin = new Readable({
      read() {
        pushed += classic.length
        this.push(classic)
      },
    })
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    let err = ''
    stderr.on('data', (chunk) => {
      err += chunk
    })
    stdout.resume()
    const status = await runCli(['diagnose', '--client', '-', '--max-bytes', '100000'], {
      stdin,
      stdout,
      stderr,
      env: {},
      cwd: process.cwd(),
    })
    expect(status).toBe(2)
    expect(err).toContain('kb: Expected a log of at most 100000 bytes, not more')
    expect(pushed).toBeLessThan(1024 * 1024)
  })

  it('kb diagnose --max-bytes with a non-number is a usage error', async () => {
    const stderr = new PassThrough()
    let err = ''
    stderr.on('data', (chunk) => {
      err += chunk
    })
    const status = await runCli(['diagnose', '--client', 'x.log', '--max-bytes', 'lots'], {
      stdin: Readable.from([]),
      stdout: new PassThrough(),
      stderr,
      env: {},
      cwd: process.cwd(),
    })
    expect(status).toBe(2)
    expect(err).toContain('Expected a whole number of bytes, not `lots`')
  })

  it('a path that is a directory or missing is a problem, not a crash', async () => {
    for (const path of ['test', 'test/no-such.log']) {
      const file = await clientReport({ path })
      expect(file.problem).toMatch(/^Expected a readable log file at /)
      expect(file.level).toBe('none')
    }
  })
})
