// Hostile output: a reader that goes away (EPIPE), a full disk (/dev/full), a file size limit in the middle
// of a record, and the log pipe of `kb serve` closing. Real processes, because only real pipes and devices
// fail this way.
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../../src/cli/exit-codes.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'

const bin = path.resolve('bin/kb.js')
let dir: string
let fleet: string
const records = 3000
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kb-hostile-output-'))
  fleet = path.join(dir, 'fleet.ndjson')
  const lines = Array.from({ length: records }, (_, index) =>
    JSON.stringify({ id: `pc-${index}`, wsusVersion: '3.0', office2003OnClients: index % 2 === 0 }),
  )
  writeFileSync(fleet, `${lines.join('\n')}\n`)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Ended {
  status: number | null
  stderr: string
}

function ended(child: ChildProcess): Promise<Ended> {
  let stderr = ''
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })))
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |node:events|Unhandled/)

describe('a reader that goes away (EPIPE) ends the command quietly with 141', () => {
  it('`kb check --batch … | head -1`', async () => {
    const child = spawn(process.execPath, [bin, 'check', '--batch', fleet, '--jobs', '2'])
    const first = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => {
        child.stdout.destroy()
        resolve(chunk.toString().split('\n')[0]!)
      }),
    )
    expect(JSON.parse(first).id).toBe('pc-0')
    const { status, stderr } = await ended(child)
    expect(status).toBe(exitCodes.outputClosed)
    noStackTrace(stderr)
  })

  it('every other command that writes to standard output', async () => {
    const commands = [
      ['check', '--fact', 'wsusVersion=3.0', '--json'],
      ['render', '954960', '--doc', 'kb', '--lang', 'nl', '--format', 'md'],
      ['export', 'csaf', (await loadKnowledgeBase()).articleIds[0]!, '--lang', 'en'],
    ]
    const runs = commands.map((args) => {
      const child = spawn(process.execPath, [bin, ...args])
      child.stdout.destroy()
      return ended(child)
    })
    for (const [index, { status, stderr }] of (await Promise.all(runs)).entries()) {
      expect(status, commands[index]!.join(' ')).toBe(exitCodes.outputClosed)
      noStackTrace(stderr)
    }
  })
})

describe('a write error is one line, and never a torn record', () => {
  it('a full device (/dev/full): one line naming ENOSPC, exit 74', async () => {
    const full = openSync('/dev/full', 'w')
    try {
      const runs = [
        ['check', '--batch', fleet],
        ['check', '--fact', 'wsusVersion=3.0'],
      ].map((args) => ended(spawn(process.execPath, [bin, ...args], { stdio: ['ignore', full, 'pipe'] })))
      for (const { status, stderr } of await Promise.all(runs)) {
        expect(status).toBe(exitCodes.outputFailed)
        expect(stderr).toBe(
          'kb: Expected to write standard output, not an error: ENOSPC: no space left on device, write; the output ends after its last complete line\n',
        )
      }
    } finally {
      closeSync(full)
    }
  })

  it('a file that cannot grow (ulimit -f) ends after its last complete record', async () => {
    const out = path.join(dir, 'out.ndjson')
    const child = spawn(
      'bash',
      [
        '-c',
        'ulimit -f 100 && exec "$0" "$1" check --batch "$2" --jobs 1 > "$3"',
        process.execPath,
        bin,
        fleet,
        out,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    const { status, stderr } = await ended(child)
    expect(status).toBe(exitCodes.outputFailed)
    expect(stderr).toContain('EFBIG')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    const text = readFileSync(out, 'utf8')
    expect(text.length).toBeGreaterThan(0)
    expect(text.endsWith('\n')).toBe(true)
    const lines = text.trimEnd().split('\n')
    expect(lines.length).toBeLessThan(records)
    expect(lines.map((line) => JSON.parse(line).line)).toEqual(lines.map((_, index) => index + 1))
  })
})

describe('kb serve', () => {
  it('survives the pipe of its log output closing (`kb serve 2>&1 | head`)', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1'])
    const status = ended(child)
    try {
      const url = await new Promise<string>((resolve) =>
        child.stdout.once('data', (chunk: Buffer) =>
          resolve(/listening on (\S+) /.exec(chunk.toString())![1]!),
        ),
      )
      expect((await fetch(`${url}healthz`)).status).toBe(200)
      child.stdout.destroy()
      child.stderr.destroy()
      // Each request writes a log line into the closed pipe; the server must answer the next one.
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await fetch(`${url}v1/articles`)).status).toBe(200)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(child.exitCode).toBeNull()
    } finally {
      child.kill('SIGTERM')
    }
    expect((await status).status).toBe(0)
  })
})
