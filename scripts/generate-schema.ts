// Writes schema/<kind>.schema.json (and schema/locale.schema.json) from the zod schemas. Run: npm run schema
import { mkdir, rename, writeFile } from 'node:fs/promises'
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
