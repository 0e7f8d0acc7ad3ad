// A folder's hash is read from its files only when a file may have changed; otherwise it is remembered by
// the files' sizes, inodes and times. Nothing may ever come back stale.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, test } from 'vitest'
import { folderHash } from '../../src/kb/folder-hash.ts'

const run = promisify(execFile)
const made: string[] = []
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))))

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-folder-hash-'))
  made.push(dir)
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text)
  return dir
}

test('is the hash of the content: the same files give the same hash anywhere, a changed file another', async () => {
  const memo = await folder({})
  const one = await folder({ 'a.yaml': 'x: 1\n', 'b.yaml': 'y: 2\n' })
  const two = await folder({ 'b.yaml': 'y: 2\n', 'a.yaml': 'x: 1\n' })
  expect(folderHash(one, memo)).toMatch(/^[0-9a-f]{64}$/)
  expect(folderHash(two, memo)).toBe(folderHash(one, memo))
  expect(folderHash(two, undefined)).toBe(folderHash(one, memo))
  expect(folderHash(path.join(one, 'missing'), memo)).toBeUndefined()
})

test('sees a rewrite of the same size at once, in the same clock tick as the first hash', async () => {
  const memo = await folder({})
  const dir = await folder({ 'a.yaml': 'x: 1\n' })
  const before = folderHash(dir, memo)
  await writeFile(path.join(dir, 'a.yaml'), 'x: 2\n')
  const after = folderHash(dir, memo)
  expect(after).not.toBe(before)
  expect(after).toBe(folderHash(dir, undefined))
})

test('another run reuses a remembered hash while every file keeps its times, never after a rewrite', async () => {
  const memo = await folder({})
  const dir = await folder({ 'a.yaml': 'x: 1\n' })
  // Files written within two seconds of a hash are read again (racy times): wait until they are older.
  await new Promise((resolve) => setTimeout(resolve, 2100))
  const real = folderHash(dir, memo)
  const [entry] = await readdir(memo)
  expect(entry).toMatch(/^folder-[0-9a-f]{40}\.json$/)
  const file = path.join(memo, entry!)
  expect(JSON.parse(await readFile(file, 'utf8')).hash).toBe(real)
  // A forged entry shows that the next run takes the remembered hash without reading the files …
  const forged = 'f'.repeat(64)
  await writeFile(file, JSON.stringify({ hash: forged, at: Date.now() }))
  expect(await hashInAnotherRun(dir, memo)).toBe(forged)
  // … and that a rewrite, of any size, is read again.
  await writeFile(path.join(dir, 'a.yaml'), 'x: 1\n')
  expect(await hashInAnotherRun(dir, memo)).toBe(real)
})

async function hashInAnotherRun(dir: string, memo: string): Promise<string> {
  const module = new URL('../../src/kb/folder-hash.ts', import.meta.url).href
  const script = `const {folderHash} = await import(${JSON.stringify(module)}); process.stdout.write(String(folderHash(${JSON.stringify(dir)}, ${JSON.stringify(memo)})))`
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script])
  return stdout
}
