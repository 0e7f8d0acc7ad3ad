// `kb check --batch`: what a fleet owner sees — one result per line, in order, identical to `kb check`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fleetLine, fleetRecords } from '../../bench/fleet.ts'
import { runBatch } from '../../src/batch/run-batch.ts'
import { FactsError } from '../../src/engine/facts-error.ts'
import { defaultRulesDir } from '../../src/kb/load.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { kb as runKb } from '../helpers/run-cli.ts'

let kb: KnowledgeBase
let dir: string
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  dir = mkdtempSync(path.join(tmpdir(), 'kb-batch-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function fleetText(count: number, badEvery = 0): string {
  const next = fleetRecords(11, badEvery)
  const lines: string[] = []
  for (let index = 0; index < count; index++) lines.push(fleetLine(next(index)))
  return `${lines.join('\n')}\n`
}

function write(name: string, text: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, text)
  return file
}

function parseLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
}

// What `kb.check` says about one input line, in the shape of a batch result.
async function expected(line: string, number: number) {
  let input: unknown
  try {
    input = JSON.parse(line)
  } catch {
    return { line: number, error: 'KB_E_BATCH_JSON' }
  }
  const isObject = input !== null && typeof input === 'object' && !Array.isArray(input)
  const { id, ...facts } = isObject ? (input as Record<string, unknown>) : { id: undefined }
  try {
    const report = await kb.check(isObject ? facts : input)
    return {
      ...(id === undefined ? {} : { id }),
      line: number,
      verdicts: report.results.map((result) => [result.article, result.verdict]),
    }
  } catch (error) {
    expect(error).toBeInstanceOf(FactsError)
    return { ...(id === undefined ? {} : { id }), line: number, error: 'KB_E_INVALID_FACTS' }
  }
}

function summarize(record: Record<string, unknown>) {
  const { id, line, results, error } = record as {
    id?: unknown
    line: number
    results?: Array<{ article: string; verdict: string }>
    error?: { code: string }
  }
  return {
    ...(id === undefined ? {} : { id }),
    line,
    ...(error
      ? { error: error.code }
      : { verdicts: results!.map((result) => [result.article, result.verdict]) }),
  }
}

async function batch(
  input: string,
  options: { jobs: number; blockBytes: number; explain?: boolean; stdin?: string },
) {
  const stdout = new PassThrough()
  const chunks: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
  const stderrChunks: string[] = []
  const stderr = new PassThrough()
  stderr.on('data', (chunk: Buffer) => stderrChunks.push(chunk.toString()))
  // Standard input arrives in uneven pieces, as from a pipe.
  const pieces = (options.stdin ?? '').match(/[\s\S]{1,777}/g) ?? []
  const summary = await runBatch({
    input,
    stdin: Readable.from(pieces.map((piece) => Buffer.from(piece))),
    stdout,
    stderr,
    kb,
    rulesDir: defaultRulesDir,
    jobs: options.jobs,
    blockBytes: options.blockBytes,
    explain: options.explain ?? false,
  })
  return { summary, stdout: Buffer.concat(chunks).toString(), stderr: stderrChunks.join('') }
}

describe('kb check --batch', () => {
  it('answers every line as kb check does, in input order, with line numbers and ids', async () => {
    const text = `${fleetText(400, 37)}\n   \n${JSON.stringify({ id: 7, wsusVersion: '3.0', office2003OnClients: 'yes' })}\r\n[1, 2]\n`
    const file = write('fleet.ndjson', text)
    const run = await runKb(['check', '--batch', file])
    const lines = text.split('\n')
    const wanted = []
    for (const [index, line] of lines.entries())
      if (line.trim() !== '') wanted.push(await expected(line, index + 1))
    expect(parseLines(run.stdout).map(summarize)).toEqual(wanted)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('kb: line 37: Expected a JSON object of facts, not text that fails to parse')
    expect(run.stderr).toMatch(/kb: 954960: affected \d+, not_affected \d+, fixed \d+, unknown \d+/)
  })

  it('exits 0 when every line was checked, and reads standard input with -', async () => {
    const text = fleetText(50)
    const fromFile = await runKb(['check', '--batch', write('good.ndjson', text)])
    const fromStdin = await runKb(['check', '--batch', '-'], text)
    expect(fromFile.status).toBe(0)
    expect(fromStdin.status).toBe(0)
    expect(fromStdin.stdout).toBe(fromFile.stdout)
    expect(fromFile.stderr).toContain('50 records checked')
    expect(fromFile.stderr).toContain('none failed')
  })

  it('gives worker threads reading their own byte ranges the same output as one thread', async () => {
    // Multi-byte ids and a line longer than the limit straddle many 4 KiB blocks.
    const long = JSON.stringify({ id: 'long', note: 'x'.repeat(1024 * 1024 + 10) })
    const records = fleetText(1500, 101).split('\n')
    records.splice(700, 0, JSON.stringify({ id: 'ünïcødé-€-𝄞', wsusVersion: '3.0 SP2' }), '', long)
    const text = records.join('\n')
    const file = write('many-blocks.ndjson', text)
    const single = await batch(file, { jobs: 1, blockBytes: 4096 })
    const parallel = await batch(file, { jobs: 2, blockBytes: 4096 })
    const stdin = await batch('-', { jobs: 2, blockBytes: 4096, stdin: text })
    expect(parallel.summary.workers).toBe(2)
    expect(stdin.summary.workers).toBe(2)
    expect(parallel.stdout).toBe(single.stdout)
    expect(stdin.stdout).toBe(single.stdout)
    const out = parseLines(single.stdout)
    expect(out).toHaveLength(records.filter((line) => line.trim() !== '').length)
    expect(out.find((record) => record.line === 703)).toMatchObject({
      line: 703,
      error: { code: 'KB_E_BATCH_LINE_TOO_LONG' },
    })
    expect(out.find((record) => record.id === 'ünïcødé-€-𝄞')).toMatchObject({ line: 701 })
    expect(parallel.summary.failed).toBe(single.summary.failed)
    expect(parallel.summary.verdicts).toEqual(single.summary.verdicts)
  })

  it('with --explain, adds the missing facts and reasons kb check gives', async () => {
    const text = fleetText(120)
    const run = await runKb(['check', '--batch', write('explain.ndjson', text), '--explain'])
    const records = parseLines(run.stdout)
    let explained = 0
    for (const [index, line] of text.split('\n').filter(Boolean).entries()) {
      const { id, ...facts } = JSON.parse(line)
      const report = await kb.check(facts)
      const result = (records[index]!.results as Array<Record<string, unknown>>)[0]!
      expect(result.verdict).toBe(report.results[0]!.verdict)
      if (result.verdict === 'unknown') {
        expect(result.missingFacts).toEqual(report.results[0]!.missingFacts)
        explained++
      }
      if (result.verdict === 'affected' || result.verdict === 'unknown') {
        expect(result.reasons).toEqual(
          report.results[0]!.reasons.map(({ rule, verdict, status }) => ({ rule, verdict, status })),
        )
      } else expect(result.reasons).toBeUndefined()
    }
    expect(explained).toBeGreaterThan(0)
  })

  it('refuses options that do not fit a batch', async () => {
    const file = write('one.ndjson', '{"wsusVersion":"3.0"}\n')
    const run = await runKb(['check', '--batch', file, '--fact', 'wsusVersion=3.0'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Expected `--batch` without `--fact`')
    expect((await runKb(['check', '--batch', file, '--jobs', '0'])).status).toBe(2)
    expect((await runKb(['check', '--explain', '--fact', 'wsusVersion=3.0'])).status).toBe(2)
    expect((await runKb(['check', '--batch', path.join(dir, 'missing.ndjson')])).stderr).toContain(
      'Expected a readable file',
    )
  })
})
