// Writes dist/snapshot.json: the built-in rules, validated, and the locales, parsed, with the hashes of the
// folders they came from. Run by `npm run build`.
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { asciiJson } from '../src/kb/cache-json.ts'
import { folderHash } from '../src/kb/folder-hash.ts'
import { loadRules } from '../src/kb/load.ts'
import { defaultLocalesDir, defaultRulesDir } from '../src/kb/paths.ts'
import type { Snapshot } from '../src/kb/snapshot.ts'
import { loadResources } from '../src/render/i18n.ts'

// Hashed before reading: a file edited during the build then makes the snapshot stale, never wrong. Read in
// full, without the cache folder: the build leaves nothing outside the checkout.
const rulesHash = folderHash(defaultRulesDir, undefined)
const localesHash = folderHash(defaultLocalesDir, undefined)
if (rulesHash === undefined || localesHash === undefined)
  throw new Error('Expected readable rules/ and locales/')
const { dir: _dir, ...model } = await loadRules()
const snapshot: Snapshot = { version: 3, rulesHash, localesHash, model, resources: await loadResources() }
const target = new URL('../dist/snapshot.json', import.meta.url)
const temporary = new URL('../dist/.snapshot.json.tmp', import.meta.url)
await mkdir(new URL('../dist/', import.meta.url), { recursive: true })
await writeFile(temporary, asciiJson(snapshot))
await rename(temporary, target)
console.log(`wrote dist/snapshot.json (rules ${rulesHash.slice(0, 12)}, locales ${localesHash.slice(0, 12)})`)
