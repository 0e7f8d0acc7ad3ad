/** `kb export csaf` as a user runs it. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.ts'

let temp: string
beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'kb-export-'))
})
afterAll(() => rm(temp, { recursive: true, force: true }))

async function kb(...argv: string[]) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const chunks = { out: '', err: '' }
  stdout.on('data', (chunk) => (chunks.out += chunk))
  stderr.on('data', (chunk) => (chunks.err += chunk))
  const status = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env: {}, cwd: temp })
  return { status, ...chunks }
}

describe('kb export csaf', () => {
  it('writes one file per language into the year folder its self URL names', async () => {
    const { status } = await kb(
      'export',
      'csaf',
      '954960',
      '--out',
      'out',
      '--base-url',
      'https://csaf.example.org/',
    )
    expect(status).toBe(0)
    expect(await readdir(path.join(temp, 'out'))).toEqual(['2008'])
    const files = (await readdir(path.join(temp, 'out', '2008'))).sort()
    expect(files).toEqual([
      'kba-954960-nb.json',
      'kba-954960-nl.json',
      'kba-954960-pl.json',
      'kba-954960.json',
    ])
    // Publishing out/ at the base URL serves every document at its own `self` URL.
    for (const file of files) {
      const document = JSON.parse(await readFile(path.join(temp, 'out', '2008', file), 'utf8'))
      const self = document.document.references.find(
        (reference: { category: string }) => reference.category === 'self',
      )
      expect(self.url).toBe(`https://csaf.example.org/2008/${file}`)
    }
    const nb = JSON.parse(await readFile(path.join(temp, 'out', '2008', 'kba-954960-nb.json'), 'utf8'))
    expect(nb.document.references[0].url).toBe('https://csaf.example.org/2008/kba-954960.json')
  })

  it('prints one language to standard output', async () => {
    const { status, out } = await kb('export', 'csaf', '954960', '--lang', 'pl')
    expect(status).toBe(0)
    expect(JSON.parse(out).document.lang).toBe('pl')
  })

  it('refuses four documents on standard output, an unknown article and a plain-http base URL', async () => {
    expect((await kb('export', 'csaf', '954960')).err).toMatch(/--lang.*--out/)
    const unknown = await kb('export', 'csaf', '123', '--lang', 'en')
    expect(unknown.status).toBe(2)
    expect(unknown.err).toContain('not `123`')
    expect((await kb('export', 'csaf', '954960', '--lang', 'en', '--base-url', 'http://x')).status).toBe(2)
  })
})
