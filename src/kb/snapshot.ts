/**
 * @module A validated copy of the built-in rules and locales, written by `npm run build` into
 * `dist/snapshot.json`. Start-up uses it only while every file under `rules/` and `locales/` is exactly as
 * it was when the snapshot was written; otherwise everything is read and validated again.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Resource } from 'i18next'
import type { KnowledgeBaseModel } from './model.ts'
import { defaultLocalesDir, defaultRulesDir } from './paths.ts'

/** Every input file as `[path relative to the project, mtime in ms, size in bytes]`. */
type SnapshotInputs = Array<[string, number, number]>

/** `dist/snapshot.json`: the validated model and strings, and the inputs they were built from. */
export interface Snapshot {
  version: 1
  inputs: SnapshotInputs
  model: Omit<KnowledgeBaseModel, 'dir'>
  resources: Resource
}

const root = path.resolve(defaultRulesDir, '..')

/** `dist/snapshot.json` when running compiled; from the sources it would be `src/snapshot.json`, which is never written. */
const snapshotFile = fileURLToPath(new URL('../snapshot.json', import.meta.url))

/**
 * The files a snapshot depends on, sorted.
 *
 * @example
 * writeFileSync(snapshotFile, JSON.stringify({version: 1, inputs: snapshotInputs(), model, resources}))
 */
export function snapshotInputs(): SnapshotInputs {
  const inputs: SnapshotInputs = []
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        const info = statSync(full)
        inputs.push([path.relative(root, full), info.mtimeMs, info.size])
      }
    }
  }
  walk(defaultRulesDir)
  walk(defaultLocalesDir)
  return inputs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

/**
 * The snapshot, if one exists and nothing it was made from has changed since; otherwise undefined.
 *
 * @example
 * const snapshot = freshSnapshot()
 * if (snapshot) new KnowledgeBase({...snapshot.model, dir: defaultRulesDir})
 */
export function freshSnapshot(file: string = snapshotFile): Snapshot | undefined {
  if (!existsSync(file)) return undefined
  let snapshot: Snapshot
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot
  } catch {
    return undefined
  }
  if (snapshot.version !== 1) return undefined
  const now = snapshotInputs()
  const then = snapshot.inputs
  if (now.length !== then.length) return undefined
  for (let index = 0; index < now.length; index++) {
    const [a, b] = [now[index]!, then[index]!]
    if (a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]) return undefined
  }
  return snapshot
}
