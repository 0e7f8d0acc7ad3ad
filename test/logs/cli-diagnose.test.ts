import { PassThrough, Readable } from 'node:stream'
import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { registerDiagnose } from '../../src/cli/commands/diagnose.ts'
import { CliContext } from '../../src/cli/context.ts'
import { fixture, fixtureText } from './helpers.ts'

async function run(args: string[], stdin = '') {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk) => {
    out += chunk
  })
  stderr.on('data', (chunk) => {
    err += chunk
  })
  const context = new CliContext({
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout,
    stderr,
    env: {},
    cwd: process.cwd(),
  })
  const program = new Command('kb').exitOverride()
  registerDiagnose(program, context)
  await program.parseAsync(['diagnose', ...args], { from: 'user' })
  return { out, err, exitCode: context.exitCode }
}

describe('kb diagnose', () => {
  it('prints the evidence and the verdict as JSON, and exits 10 with --exit-code when affected', async () => {
    const result = await run([
      '--client',
      fixture('client-954960-classic.log'),
      '--server',
      fixture('server-954960.log'),
      '--json',
      '--exit-code',
    ])
    const json = JSON.parse(result.out)
    expect(json.evidence[0].facts).toEqual({
      clientSymptom: 'confirmed',
      serverSymptom: 'confirmed',
      symptomIdsCorrelated: true,
    })
    expect(json.results[0].verdict).toBe('affected')
    expect(result.exitCode).toBe(10)
  })

  it('reads one log from standard input with -', async () => {
    const result = await run(
      ['--client', '-', '--client', fixture('client-near-miss-getauthcookie.log')],
      fixtureText('client-954960-classic.log'),
    )
    expect(result.out).toContain(
      'client standard input: confirmed (fault ID 7d3e1f0a-52c4-4b8e-9f61-0c2a9d4e8b17)',
    )
    expect(result.out).toContain('client-near-miss-getauthcookie.log: none')
    expect(result.exitCode).toBe(0)
  })

  it('refuses a run without logs, an unreadable log and - twice, exiting 2', async () => {
    expect(await run([])).toMatchObject({
      exitCode: 2,
      err: expect.stringContaining('Expected at least one log'),
    })
    expect(await run(['--client', 'missing.log'])).toMatchObject({
      exitCode: 2,
      err: expect.stringContaining('Expected a readable log file'),
    })
    expect(await run(['--client', '-', '--server', '-'])).toMatchObject({
      exitCode: 2,
      err: expect.stringContaining('standard input'),
    })
  })
})
