import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { allJsonSchemas } from '../../src/kb/json-schema.ts'
import { defaultRulesDir } from '../../src/kb/load.ts'
import { listYamlFiles } from '../../src/kb/read-files.ts'
import { LocaleFile } from '../../src/kb/schema/locale.ts'
import { defaultLocalesDir } from '../../src/render/i18n.ts'

const schemaDir = path.join(defaultRulesDir, '..', 'schema')

describe('the generated JSON Schema', () => {
  it('is up to date with the zod schemas (run `npm run schema` after changing them)', async () => {
    const schemas = Object.entries(allJsonSchemas())
    expect(schemas.map(([name]) => name)).toContain('verdicts.schema.json')
    for (const [name, text] of schemas) {
      expect(await readFile(path.join(schemaDir, name), 'utf8'), name).toBe(text)
    }
  })

  it.each([defaultRulesDir, path.resolve('test/fixtures/fictional/rules')])(
    'every YAML file under %s names a schema that exists',
    async (dir) => {
      const files = await listYamlFiles(dir)
      expect(files.length).toBeGreaterThan(0)
      for (const file of files) {
        const first = (await readFile(file, 'utf8')).split('\n')[0] ?? ''
        const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)
        expect(match, file).not.toBeNull()
        const kind = /^kind: (\w+)$/m.exec(await readFile(file, 'utf8'))?.[1]
        expect(path.resolve(path.dirname(file), match![1]!)).toBe(path.join(schemaDir, `${kind}.schema.json`))
      }
    },
  )

  it('includes the locale schema', () => {
    const locale = JSON.parse(allJsonSchemas()['locale.schema.json']!)
    expect(locale.$id).toBe('locale.schema.json')
    expect(locale.properties._meta.properties.source.additionalProperties.pattern).toBe('^[0-9a-f]{8}$')
  })

  it.each([defaultLocalesDir, path.resolve('test/fixtures/fictional/locales')])(
    'every locale file under %s names schema/locale.schema.json',
    async (dir) => {
      const files = await listYamlFiles(dir)
      expect(files.length).toBeGreaterThan(0)
      for (const file of files) {
        const first = (await readFile(file, 'utf8')).split('\n')[0] ?? ''
        const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)
        expect(match, file).not.toBeNull()
        expect(path.resolve(path.dirname(file), match![1]!)).toBe(path.join(schemaDir, 'locale.schema.json'))
      }
    },
  )

  it.each([defaultLocalesDir, path.resolve('test/fixtures/fictional/locales')])(
    'every locale file under %s fits the locale schema',
    async (dir) => {
      const files = await listYamlFiles(dir)
      expect(files.length).toBeGreaterThan(0)
      for (const file of files) {
        const result = LocaleFile.safeParse(parse(await readFile(file, 'utf8')))
        expect(result.error?.issues, file).toBeUndefined()
      }
    },
  )

  it('rejects a locale file with a list, a number or a malformed hash', () => {
    expect(LocaleFile.safeParse({ kb: { steps: ['one'] } }).success).toBe(false)
    expect(LocaleFile.safeParse({ kb: { count: 3 } }).success).toBe(false)
    expect(
      LocaleFile.safeParse({ kb: { title: 'x' }, _meta: { source: { 'kb.title': 'abc' } } }).success,
    ).toBe(false)
    expect(
      LocaleFile.safeParse({ kb: { title: 'x' }, _meta: { source: { 'kb.title': '5ed1b4b5' } } }).success,
    ).toBe(true)
  })
})

describe('the field reference of docs/rules.md', () => {
  it('is up to date with the zod schemas (run `npm run schema` after changing them)', async () => {
    const { fieldReference, withFieldReference } = await import('../../src/kb/field-reference.ts')
    const docs = await readFile(path.join(defaultRulesDir, '..', 'docs', 'rules.md'), 'utf8')
    expect(withFieldReference(docs, fieldReference())).toBe(docs)
  })

  it('says which article fields are required and which optional', async () => {
    const { fieldReference } = await import('../../src/kb/field-reference.ts')
    const reference = fieldReference()
    expect(reference).toContain('| `products.affected` | required | list of string |')
    expect(reference).toContain(
      '| `advisory` | optional | object | The security advisory, when one was published. |',
    )
    expect(reference).toContain('| `fix.architectures` | optional | list of string |')
    expect(reference).toContain('| `logs.<name>.log` | optional | string |')
  })
})
