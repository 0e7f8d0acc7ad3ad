import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { allJsonSchemas } from '../../src/kb/json-schema.ts'
import { defaultRulesDir } from '../../src/kb/load.ts'
import { listYamlFiles } from '../../src/kb/read-files.ts'

const schemaDir = path.join(defaultRulesDir, '..', 'schema')

describe('the generated JSON Schema', () => {
  it('is up to date with the zod schemas (run `npm run schema` after changing them)', async () => {
    for (const [name, text] of Object.entries(allJsonSchemas())) {
      expect(await readFile(path.join(schemaDir, name), 'utf8'), name).toBe(text)
    }
  })

  it.each([defaultRulesDir, path.resolve('test/fixtures/fictional/rules')])(
    'every YAML file under %s names a schema that exists',
    async (dir) => {
      for (const file of await listYamlFiles(dir)) {
        const first = (await readFile(file, 'utf8')).split('\n')[0] ?? ''
        const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)
        expect(match, file).not.toBeNull()
        const kind = /^kind: (\w+)$/m.exec(await readFile(file, 'utf8'))?.[1]
        expect(path.resolve(path.dirname(file), match![1]!)).toBe(path.join(schemaDir, `${kind}.schema.json`))
      }
    },
  )
})
