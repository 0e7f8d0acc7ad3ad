import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { folderHash } from '../../src/kb/folder-hash.ts'
import { loadRules } from '../../src/kb/load.ts'
import { readSnapshot, type Snapshot, snapshotModel, snapshotResources } from '../../src/kb/snapshot.ts'
import { copyRules, patchFile, removeCopies } from '../helpers/temp-rules.ts'

const fixtureRules = path.resolve('test/fixtures/fictional/rules')
const fixtureLocales = path.resolve('test/fixtures/fictional/locales')
afterAll(removeCopies)

/** A snapshot of the fictional fixture, as `npm run build` writes one for the built-in rules. */
async function writeSnapshot(change?: (snapshot: Snapshot) => void): Promise<string> {
  const { dir: _dir, ...model } = await loadRules(fixtureRules)
  const snapshot: Snapshot = {
    version: 3,
    rulesHash: folderHash(fixtureRules)!,
    localesHash: folderHash(fixtureLocales)!,
    model,
    resources: { en: { marker: { text: 'from the snapshot' } } },
  }
  change?.(snapshot)
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'kb-snapshot-')), 'snapshot.json')
  await writeFile(file, JSON.stringify(snapshot))
  return file
}

describe('the start-up snapshot', () => {
  it('serves any rules folder with the same files, wherever it lives and whatever its file times', async () => {
    const file = await writeSnapshot()
    const copy = await copyRules(fixtureRules)
    // npm sets every installed file's modification time to 1985-10-26; content is what counts.
    await utimes(path.join(copy, 'facts.yaml'), new Date('1985-10-26'), new Date('1985-10-26'))
    const model = snapshotModel(copy, file)
    expect(model?.dir).toBe(path.resolve(copy))
    expect(model?.articles.map((article) => article.id)).toEqual(
      (await loadRules(fixtureRules)).articles.map((article) => article.id),
    )
    expect(snapshotResources(fixtureLocales, file)).toEqual({ en: { marker: { text: 'from the snapshot' } } })
  })

  it('is ignored as soon as one byte of a file changed, or a file appeared or disappeared', async () => {
    const file = await writeSnapshot()
    const edited = await copyRules(fixtureRules)
    await patchFile(edited, 'facts.yaml', 'facts:', 'facts: ')
    expect(snapshotModel(edited, file)).toBeUndefined()
    const grown = await copyRules(fixtureRules)
    await writeFile(path.join(grown, 'notes.txt'), '')
    expect(snapshotModel(grown, file)).toBeUndefined()
    const fewer = await copyRules(fixtureRules)
    await rm(path.join(fewer, 'facts.yaml'))
    expect(snapshotModel(fewer, file)).toBeUndefined()
    expect(snapshotResources(fixtureRules, file)).toBeUndefined()
  })

  it('hashes names as well as contents', async () => {
    const renamed = await copyRules(fixtureRules)
    await writeFile(path.join(renamed, 'a.txt'), 'x')
    const other = await copyRules(fixtureRules)
    await writeFile(path.join(other, 'b.txt'), 'x')
    expect(folderHash(renamed)).toMatch(/^[0-9a-f]{64}$/)
    expect(folderHash(renamed)).not.toBe(folderHash(other))
    expect(folderHash(path.join(renamed, 'missing'))).toBeUndefined()
  })

  it('is ignored when missing, unreadable or of another version', async () => {
    expect(readSnapshot('/nonexistent/snapshot.json')).toBeUndefined()
    expect(snapshotModel(fixtureRules, '/nonexistent/snapshot.json')).toBeUndefined()
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'kb-snapshot-')), 'snapshot.json')
    await writeFile(file, '{"version": 3, "rulesHash": "')
    expect(readSnapshot(file)).toBeUndefined()
    const old = await writeSnapshot((snapshot) => {
      ;(snapshot as { version: number }).version = 2
    })
    expect(readSnapshot(old)).toBeUndefined()
    expect(readSnapshot(await writeSnapshot())?.version).toBe(3)
  })
})
