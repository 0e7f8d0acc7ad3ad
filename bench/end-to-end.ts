/**
 * @module `kb check --batch` end to end on a generated fleet file (NDJSON in and out, a new process), next
 * to the NDJSON floor (bench/ndjson-floor.mjs: parse every line, write a line, no rules) on the same file.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fleetLine, fleetRecords } from './fleet.ts'
import { type MeasuredRun, measure } from './process.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** What the end-to-end run measured. */
export interface EndToEndResult {
  records: number
  fileMb: number
  kb: MeasuredRun & { failedLines: number }
  floor: MeasuredRun
}

/** Every this many records is a bad line (malformed JSON or an invalid fact), as real exports have. */
const badEvery = 100_000

/**
 * Generate `records` fleet records into bench/data/ (reused when present), then time
 * `node bin/kb.js check --batch` and the floor on it.
 *
 * @example
 * const result = await benchEndToEnd(1_000_000)
 * result.kb.seconds // target: at most 5
 */
export async function benchEndToEnd(records: number): Promise<EndToEndResult> {
  const dataDir = `${root}bench/data/`
  mkdirSync(dataDir, { recursive: true })
  const file = `${dataDir}fleet-${records}.ndjson`
  if (!existsSync(file)) await generate(file, records)
  const output = `${dataDir}fleet-${records}.out.ndjson`
  const kb = await measure('node', [`${root}bin/kb.js`, 'check', '--batch', file], { stdoutFile: output })
  if (kb.status > 1)
    throw new Error(`Expected kb check --batch to exit 0 or 1, not ${kb.status}: ${kb.stderr}`)
  const failed = /(\d+) failed/.exec(kb.stderr)
  const floor = await measure('node', [`${root}bench/ndjson-floor.mjs`, file, `${output}.floor`])
  rmSync(`${output}.floor`, { force: true })
  return {
    records,
    fileMb: statSync(file).size / 1024 / 1024,
    kb: { ...kb, failedLines: failed ? Number(failed[1]) : 0 },
    floor,
  }
}

async function generate(file: string, records: number): Promise<void> {
  const next = fleetRecords(1_000_003, badEvery)
  const partial = `${file}.partial`
  const out = createWriteStream(partial)
  let lines: string[] = []
  for (let index = 0; index < records; index++) {
    lines.push(fleetLine(next(index)))
    if (lines.length === 10_000 || index === records - 1) {
      if (!out.write(`${lines.join('\n')}\n`))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      lines = []
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject)
    out.end(() => resolve())
  })
  renameSync(partial, file)
}
