// Terminal injection: escape sequences in logs, facts, JSON and file names never reach a terminal raw.
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escapeControls } from '../../src/cli/terminal-text.ts'
import { kb as runKb } from '../helpers/run-cli.ts'

// Set the window title, clear the screen, a C1 CSI, a carriage return that hides what came before, a bell.
const attack = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\rOK\u0007'
// Any control character but tab and newline, raw.
const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-hostile-escapes-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('control characters from input are escaped in text output', () => {
  it('escapeControls shows them as \\xNN and keeps tabs and newlines', () => {
    expect(escapeControls(`a\tb\n${attack}`)).toBe('a\tb\n\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\x0dOK\\x07')
  })

  it('log lines in `kb diagnose` text output', async () => {
    const log = readFileSync(new URL('../fixtures/logs/client-954960-classic.log', import.meta.url), 'utf8')
    const file = path.join(dir, `client${attack.slice(0, 8)}.log`)
    writeFileSync(file, log.replace(/\r?\n/g, `${attack}\n`))
    const run = await runKb(['diagnose', '--client', file])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('\\x1b]0;pwned')
    expect(run.stdout).not.toMatch(raw)
    expect(run.stderr).not.toMatch(raw)
  })

  it('facts, JSON snippets and file names echoed on stderr from bad --facts', async () => {
    const runs = [
      await runKb(['check', '--facts', '-'], `{"wsusVersion": "3.0"${attack}}`),
      await runKb(['check', '--facts', '-'], `{"${attack}": 1}`),
      await runKb(['check', '--facts', path.join(dir, `missing${attack}.json`)]),
      await runKb(['check', '--fact', `${attack}`]),
      await runKb(['check', '--lang', attack]),
    ]
    for (const run of runs) {
      expect(run.stderr).toMatch(/^kb: /)
      expect(run.stderr).not.toMatch(raw)
    }
    expect(runs[2]!.stderr).toContain('missing\\x1b]0;pwned')
  })

  it('lines and ids echoed on stderr from bad --batch input', async () => {
    const run = await runKb(
      ['check', '--batch', '-'],
      `{"id":"pc-1", ${attack}}\n{"id":"pc-2","wsusVersion":"${attack}"}\n${attack}\n`,
    )
    expect(run.status).toBe(1)
    expect(run.stderr.split('\n').filter((line) => line.startsWith('kb: line'))).toHaveLength(3)
    expect(run.stderr).not.toMatch(raw)
    // The JSON output keeps them as JSON escapes, as JSON does.
    for (const line of run.stdout.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow()
    expect(run.stdout).not.toMatch(raw)
  })
})
