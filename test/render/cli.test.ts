import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { kb, presentLanguages } from './helpers.ts'

test('kb check --lang nl answers in Dutch, naming the upgrade to SP1 and the workaround', async () => {
  const { status, stdout } = await kb([
    'check',
    '--lang',
    'nl',
    '--fact',
    'wsusVersion=3.0',
    '--fact',
    'office2003OnClients=true',
  ])
  expect(status).toBe(0)
  expect(stdout).toContain('Beoordeling: Getroffen')
  expect(stdout).toContain('Voer een upgrade uit naar WSUS 3.0 SP1')
  expect(stdout).toContain('volgens de workaround')
})

test('kb check --json carries the text of the article step each action reuses', async () => {
  const { stdout } = await kb([
    'check',
    '--json',
    '--article',
    '954960',
    '--lang',
    'nl',
    '--fact',
    'wsusVersion=3.0',
    '--fact',
    'office2003OnClients=true',
  ])
  const upgrade = JSON.parse(stdout).results[0].actions.find(
    (action: { id: string }) => action.id === 'upgrade-to-sp1',
  )
  expect(upgrade.articleStep).toEqual({
    path: 'resolve-rtm/upgrade-to-sp1',
    procedure: 'resolve-rtm',
    heading: 'Dit probleem oplossen op een server waarop WSUS 3.0 RTM wordt uitgevoerd',
    text: 'Voer een upgrade uit naar WSUS 3.0 SP1 en installeer daarna update 954960 zoals in de vorige procedure is beschreven.',
  })
})

test('kb render prints one document, and writes it with --out', async () => {
  const page = await kb([
    'render',
    '954960',
    '--doc',
    'advisory',
    '--lang',
    'nl',
    '--format',
    'html',
    '--page',
  ])
  expect(page.status).toBe(0)
  expect(page.stdout).toContain('<html lang="nl">')
  expect(page.stdout).toContain('<title>Microsoft-beveiligingsadvies 954960: ')
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-render-cli-'))
  const out = path.join(dir, 'kb.txt')
  const written = await kb([
    'render',
    '954960',
    '--doc',
    'kb',
    '--lang',
    'en',
    '--format',
    'text',
    '--out',
    out,
  ])
  expect(written.status).toBe(0)
  expect(await readFile(out, 'utf8')).toMatch(
    /^Some computers do not receive updates from the WSUS server\n=+\n/,
  )
})

test('kb render --all writes every document in every language', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-render-all-'))
  const { status } = await kb(['render', '--all', '--format', 'md', '--out', dir])
  expect(status).toBe(0)
  const files = (await readdir(dir)).sort()
  // Two documents × four languages for each article; 954960's are among them.
  expect(files.filter((file) => file.startsWith('954960-'))).toHaveLength(8)
  for (const lang of presentLanguages) expect(files).toContain(`954960-advisory.${lang}.md`)
  expect(files.some((file) => file.endsWith('.tmp'))).toBe(false)
})

test('kb render --all writes the three formats unless --format lists some', async () => {
  const every = await mkdtemp(path.join(tmpdir(), 'kb-render-all-'))
  expect((await kb(['render', '--all', '--out', every])).status).toBe(0)
  const extensions = new Set((await readdir(every)).map((file) => path.extname(file)))
  expect([...extensions].sort()).toEqual(['.html', '.md', '.txt'])
  const some = await mkdtemp(path.join(tmpdir(), 'kb-render-all-'))
  expect((await kb(['render', '--all', '--format', 'md,text', '--out', some])).status).toBe(0)
  expect(new Set((await readdir(some)).map((file) => path.extname(file)))).toEqual(new Set(['.md', '.txt']))
  const single = await kb(['render', '--doc', 'kb', '--format', 'md,html'])
  expect(single.status).toBe(2)
  expect(single.stderr).toContain('Expected one --format without --all')
})

test('kb render refuses an unknown language, document or article with exit status 2', async () => {
  for (const args of [
    ['render', '--doc', 'kb', '--lang', 'de'],
    ['render', '--doc', 'letter'],
    ['render', 'contoso', '--doc', 'kb'],
    ['render', '--all'],
  ]) {
    const { status, stderr } = await kb(args)
    expect(status, args.join(' ')).toBe(2)
    expect(stderr).toMatch(/Expected/)
  }
})
