import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import { freshSnapshot, type Snapshot, snapshotInputs } from '../../src/kb/snapshot.ts'

async function writeSnapshot(change?: (snapshot: Snapshot) => void): Promise<string> {
  const { dir: _dir, ...model } = await loadRules()
  const snapshot: Snapshot = { version: 1, inputs: snapshotInputs(), model, resources: {} }
  change?.(snapshot)
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'kb-snapshot-')), 'snapshot.json')
  await writeFile(file, JSON.stringify(snapshot))
  return file
}

describe('the start-up snapshot', () => {
  it('is used while every rules and locale file is as it was', async () => {
    const snapshot = freshSnapshot(await writeSnapshot())
    expect(snapshot?.model.articles.map((article) => article.id)).toContain('954960')
  })

  it('is ignored as soon as one input changed, appeared or disappeared', async () => {
    const touched = await writeSnapshot((snapshot) => {
      snapshot.inputs[0]![1] -= 1000
    })
    expect(freshSnapshot(touched)).toBeUndefined()
    const grown = await writeSnapshot((snapshot) => {
      snapshot.inputs[1]![2] += 1
    })
    expect(freshSnapshot(grown)).toBeUndefined()
    const fewer = await writeSnapshot((snapshot) => {
      snapshot.inputs.pop()
    })
    expect(freshSnapshot(fewer)).toBeUndefined()
  })

  it('is ignored when missing or unreadable', async () => {
    expect(freshSnapshot('/nonexistent/snapshot.json')).toBeUndefined()
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'kb-snapshot-')), 'snapshot.json')
    await writeFile(file, '{"version": 1, "inputs": [')
    expect(freshSnapshot(file)).toBeUndefined()
  })
})
