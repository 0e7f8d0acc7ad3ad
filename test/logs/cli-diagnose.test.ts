import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { Command } from 'commander'
import { afterAll, describe, expect, it } from 'vitest'
import { registerDiagnose } from '../../src/cli/commands/diagnose.ts'
import { CliContext } from '../../src/cli/context.ts'
import { defaultLocalesDir } from '../../src/render/i18n.ts'
import { kb } from '../helpers/run-cli.ts'
import { copyRules, removeCopies } from '../helpers/temp-rules.ts'
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

afterAll(removeCopies)

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
    const evidence = json.evidence.find((report: { article: string }) => report.article === '954960')
    expect(evidence.facts).toEqual({
      clientSymptom: 'confirmed',
      serverSymptom: 'confirmed',
      symptomIdsCorrelated: true,
    })
    expect(json.results.find((entry: { article: string }) => entry.article === '954960').verdict).toBe(
      'affected',
    )
    expect(result.exitCode).toBe(10)
  })

  it('reads one log from standard input with -', async () => {
    const result = await run(
      ['--client', '-', '--client', fixture('client-near-miss-getauthcookie.log')],
      fixtureText('client-954960-classic.log'),
    )
    expect(result.out).toContain(
      'Windows Update client log standard input: confirmed (fault ID 7d3e1f0a-52c4-4b8e-9f61-0c2a9d4e8b17)',
    )
    expect(result.out).toContain('client-near-miss-getauthcookie.log: not found')
    expect(result.exitCode).toBe(0)
  })

  it('refuses a run without logs, an unreadable log and - twice, exiting 2', async () => {
    expect(await run([])).toMatchObject({
      exitCode: 2,
      err: expect.stringContaining('Expected at least one log'),
    })
    expect(await run(['--client', 'missing.log'])).toMatchObject({
      exitCode: 2,
      err: `kb: Expected a readable log file at \`${path.resolve('missing.log')}\`, not a path that fails with ENOENT (no such file or directory)\n`,
    })
    expect(await run(['--client', '-', '--server', '-'])).toMatchObject({
      exitCode: 2,
      err: expect.stringContaining('standard input'),
    })
  })

  it('names a directory given as a log in one sentence, without the library hint', async () => {
    const directory = path.resolve('test')
    expect(await kb(['diagnose', '--client', directory])).toEqual({
      status: 2,
      stdout: '',
      stderr: `kb: Expected a readable log file at \`${directory}\`, not a directory\n`,
    })
  })

  it('prints the evidence in Polish with --lang pl, keeping ids and log text as data', async () => {
    const result = await kb([
      'diagnose',
      '--client',
      fixture('client-954960-classic.log'),
      '--server',
      fixture('server-954960.log'),
      '--lang',
      'pl',
    ])
    expect(result.status).toBe(0)
    // The section of 954960, whatever other articles read the same logs.
    const all = result.stdout.split('\n')
    const lines = all.slice(all.indexOf('Artykuł 954960: dowody z dzienników'))
    expect(lines[0]).toBe('Artykuł 954960: dowody z dzienników')
    expect(lines[1]).toMatch(
      /^Dziennik usługi Windows Update na kliencie .*client-954960-classic\.log: potwierdzono \(identyfikator błędu 7d3e1f0a-52c4-4b8e-9f61-0c2a9d4e8b17, występuje też w innym dzienniku\)$/,
    )
    expect(lines[2]).toBe('  Objaw — potwierdzono: znaleziono wszystkie oczekiwane wiersze')
    expect(lines[3]).toMatch(/^ {4}wiersz 2 \[2008-06-13 19:59:53:383\]: .*PT: Synchronizing server updates/)
    expect(result.stdout).toContain('Dziennik serwera WSUS ')
    expect(result.stdout).toContain(
      'Dzienniki mają wspólny identyfikator błędu 7d3e1f0a-52c4-4b8e-9f61-0c2a9d4e8b17: pokazują tę samą awarię z obu stron.',
    )
    expect(result.stdout).toContain('Ocena: Problem występuje')
    // The English sentences, looked for outside the log paths (a checkout may sit in `~/shared/`).
    const sentences = result.stdout.replaceAll(fixture(''), '')
    expect(sentences).not.toMatch(/log evidence|fault ID|also found in another log|\bline \d|share/)
    // Internal names stay in the JSON only.
    expect(result.stdout).not.toMatch(/clientSymptom|serverSymptom|client-syncupdates|header:|sync-failure/)
  })

  it('names standard input in the language of --lang', async () => {
    const result = await kb(
      ['diagnose', '--client', '-', '--lang', 'nb'],
      fixtureText('client-954960-classic.log'),
    )
    expect(result.stdout).toContain(
      'Windows Update-logg på klienten standard inndata: bekreftet (feil-ID 7d3e1f0a-52c4-4b8e-9f61-0c2a9d4e8b17)',
    )
  })

  it('answers in the strings of the locales folder beside --rules, as kb check does', async () => {
    const rules = await copyRules()
    const locales = path.join(path.dirname(rules), 'locales')
    await cp(defaultLocalesDir, locales, { recursive: true })
    const sentence =
      'The logs show the 954960 symptom, so this WSUS server is affected whatever the inventory says.'
    const own = 'Beside the copied rules, the logs show the symptom.'
    const file = path.join(locales, 'en', '954960.yaml')
    const text = await readFile(file, 'utf8')
    const source = sentence.replace('954960', '{{articleId}}')
    expect(text).toContain(source)
    await writeFile(file, text.replace(source, own))
    const builtIn = await kb(['diagnose', '--client', fixture('client-954960-classic.log')])
    expect(builtIn.stdout).toContain(sentence)
    const result = await kb(['diagnose', '--rules', rules, '--client', fixture('client-954960-classic.log')])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(own)
    expect(result.stdout).not.toContain(sentence)
  })
})
