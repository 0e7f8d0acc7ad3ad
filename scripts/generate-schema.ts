// Writes schema/<kind>.schema.json (and schema/locale.schema.json) and the field reference of docs/rules.md from the zod schemas. Run: npm run schema
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { fieldReference, withFieldReference } from '../src/kb/field-reference.ts'
import { allJsonSchemas } from '../src/kb/json-schema.ts'

const dir = new URL('../schema/', import.meta.url)
await mkdir(dir, { recursive: true })
for (const [name, text] of Object.entries(allJsonSchemas())) {
  const target = new URL(name, dir)
  const temporary = new URL(`.${name}.tmp`, dir)
  await writeFile(temporary, text)
  await rename(temporary, target)
  console.log(`wrote schema/${name}`)
}

// The field reference of docs/rules.md comes from the same zod schemas.
const rulesDoc = new URL('../docs/rules.md', import.meta.url)
const updated = withFieldReference(await readFile(rulesDoc, 'utf8'), fieldReference())
await writeFile(new URL('.rules.md.tmp', rulesDoc), updated)
await rename(new URL('.rules.md.tmp', rulesDoc), rulesDoc)
console.log('wrote docs/rules.md (field reference)')
