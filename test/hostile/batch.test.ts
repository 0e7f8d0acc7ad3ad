// Hostile batch input: any stream gives the same answers as a file, and one answer per record whatever a
// line holds (a 5,000-deep id, bytes that are not UTF-8), with and without worker threads.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fleetLine, fleetRecords } from '../../bench/fleet.ts'
import { runBatch } from '../../src/batch/run-batch.ts'
import { defaultRulesDir } from '../../src/kb/load.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { kb as runKb } from '../helpers/run-cli.ts'

let kb: KnowledgeBase
let dir: string
let fleetFile: string
let fleet: string
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  dir = mkdtempSync(path.join(tmpdir(), 'kb-hostile-batch-'))
  const next = fleetRecords(5, 7)
  fleet = `${Array.from({ length: 400 }, (_, index) => fleetLine(next(index))).join('\n')}\n`
  fleetFile = path.join(dir, 'fleet.ndjson')
  writeFileSync(fleetFile, fleet)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const bin = path.resolve('bin/kb.js')

/** Run a batch in process (small blocks, so workers start even for a small input). */
async function batch(input: string, jobs: number) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk))
  stderr.resume()
  const summary = await runBatch({
    input,
    stdin: Readable.from([]),
    stdout,
    stderr,
    kb,
    rulesDir: defaultRulesDir,
    jobs,
    blockBytes: 4096,
    progress: false,
  })
  return { summary, lines: Buffer.concat(out).toString().split('\n').filter(Boolean) }
}

/** A FIFO that `sh` fills from `source` once a reader opens it. */
function fifoFrom(source: string): string {
  const fifo = path.join(dir, `fifo-${Math.random().toString(36).slice(2)}`)
  execFileSync('mkfifo', [fifo])
  spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', source, fifo], { stdio: 'ignore' })
  return fifo
}

describe('a batch from a stream gives the answers of the same file', () => {
  it('a named pipe (FIFO), on the main thread and with workers', async () => {
    const fromFile = await batch(fleetFile, 1)
    expect(fromFile.summary.records).toBe(400)
    for (const jobs of [1, 2]) {
      const fromFifo = await batch(fifoFrom(fleetFile), jobs)
      expect(fromFifo.summary.records).toBe(400)
      expect(fromFifo.lines).toEqual(fromFile.lines)
    }
  })

  it('`kb check --batch /dev/stdin` fed by a pipe, and a `<(cmd)` process substitution', async () => {
    const fromFile = await runKb(['check', '--batch', fleetFile, '--jobs', '1'])
    const viaPipe = await new Promise<{ status: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn(process.execPath, [bin, 'check', '--batch', '/dev/stdin'], {
          stdio: ['pipe', 'pipe', 'pipe'],
        })
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (chunk) => (stdout += chunk))
        child.stderr.on('data', (chunk) => (stderr += chunk))
        child.on('close', (status) => resolve({ status, stdout, stderr }))
        child.stdin.end(fleet)
      },
    )
    expect(viaPipe.stderr).toContain('400 records checked')
    expect(viaPipe.stdout).toBe(fromFile.stdout)
    expect(viaPipe.status).toBe(fromFile.status)
    const substituted = execFileSync(
      'bash',
      ['-c', `"$0" "$1" check --batch <(cat "$2") 2>/dev/null; true`, process.execPath, bin, fleetFile],
      { encoding: 'utf8' },
    )
    expect(substituted).toBe(fromFile.stdout)
  })
})

describe('one answer per record whatever a line holds', () => {
  const deepId = `{"id":${'['.repeat(5000)}${']'.repeat(5000)},"wsusVersion":"3.0"}`

  it('an id nested 5,000 levels deep fails alone, with and without workers', async () => {
    const lines = fleet.split('\n').filter(Boolean)
    lines.splice(200, 0, deepId)
    const file = path.join(dir, 'deep-id.ndjson')
    writeFileSync(file, `${lines.join('\n')}\n`)
    for (const jobs of [1, 2]) {
      const { summary, lines: out } = await batch(file, jobs)
      expect(summary.records).toBe(401)
      expect(out).toHaveLength(401)
      const failed = JSON.parse(out[200]!)
      expect(failed).toEqual({
        line: 201,
        error: {
          code: 'KB_E_BATCH_ID',
          message: expect.stringContaining('Expected `id` to be a string, a number or a value nested'),
        },
      })
      expect(JSON.parse(out[201]!).line).toBe(202)
    }
    const cli = await runKb(['check', '--batch', '-'], `${deepId}\n{"id":"next"}\n`)
    expect(cli.status).toBe(1)
    expect(cli.stdout.trim().split('\n')).toHaveLength(2)
    expect(cli.stderr).toContain('kb: line 1: Expected `id` to be')
  })

  it('an id of a few levels is still echoed as given', async () => {
    const cli = await runKb(['check', '--batch', '-'], '{"id":{"site":["a",1]},"wsusVersion":"3.0"}\n')
    expect(cli.status).toBe(0)
    expect(JSON.parse(cli.stdout).id).toEqual({ site: ['a', 1] })
  })

  it('bytes that are not UTF-8 fail their line with the byte, never become U+FFFD', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"id":"pc-1"}\n{"id":"pc-'),
      Buffer.from([0xff]),
      Buffer.from('2","wsusVersion":"3.0"}\n{"id":"pc-\uFFFD3"}\n'),
    ])
    const file = path.join(dir, 'latin1.ndjson')
    writeFileSync(file, bad)
    for (const jobs of [1, 2]) {
      const { summary, lines } = await batch(file, jobs)
      expect(summary.failed).toBe(1)
      expect(lines.map((line) => JSON.parse(line).id)).toEqual(['pc-1', undefined, 'pc-\uFFFD3'])
      expect(JSON.parse(lines[1]!).error).toEqual({
        code: 'KB_E_BATCH_ENCODING',
        message: 'Expected UTF-8, not the byte 0xff at byte 11; save the file as UTF-8',
      })
    }
    const stdin = await batch(fifoFrom(file), 1)
    expect(stdin.lines).toHaveLength(3)
    expect(JSON.parse(stdin.lines[1]!).error.code).toBe('KB_E_BATCH_ENCODING')
  })
})
