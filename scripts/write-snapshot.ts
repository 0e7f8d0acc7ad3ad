// Writes dist/snapshot.json: the built-in rules, validated, and the locales, parsed. Run by `npm run build`.
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { loadRules } from '../src/kb/load.ts'
import { type Snapshot, snapshotInputs } from '../src/kb/snapshot.ts'
import { loadResources } from '../src/render/i18n.ts'

const inputs = snapshotInputs()
const { dir: _dir, ...model } = await loadRules()
const snapshot: Snapshot = { version: 1, inputs, model, resources: await loadResources() }
const target = new URL('../dist/snapshot.json', import.meta.url)
const temporary = new URL('../dist/.snapshot.json.tmp', import.meta.url)
await mkdir(new URL('../dist/', import.meta.url), { recursive: true })
await writeFile(temporary, JSON.stringify(snapshot))
await rename(temporary, target)
console.log(`wrote dist/snapshot.json (${inputs.length} input files)`)
