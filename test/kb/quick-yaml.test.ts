// The quick reader (js-yaml) must read exactly what yaml reads, or leave the file to yaml: a differential
// test over generated YAML and the repository's own files, and the known differences one by one.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { quickYamlData } from '../../src/kb/quick-yaml.ts'
import { maxAliasCount, maxDepth, parseYamlSource } from '../../src/kb/yaml-source.ts'
import { yamlDocuments, yamlLines } from '../helpers/yaml-text.ts'

/** What yaml reads, as parseYamlSource reads it without the quick path. */
function yamlReads(text: string): { errors: string[]; data?: unknown } {
  const document = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: false })
  if (document.errors.length > 0) return { errors: document.errors.map((error) => error.code) }
  try {
    return { errors: [], data: document.toJS({ maxAliasCount }) }
  } catch (error) {
    return { errors: [String(error)] }
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => path.join(dir, name))
}

describe('the quick reader reads what yaml reads', () => {
  for (const [name, texts] of [
    ['lines of tricky pieces', yamlLines],
    ['nested documents in every style', yamlDocuments],
  ] as const) {
    it(`${name}: data yaml reads the same, without problems`, () => {
      let quick = 0
      fc.assert(
        fc.property(texts, (text) => {
          const read = quickYamlData(text)
          if (read === undefined) return
          quick++
          expect(yamlReads(text)).toEqual({ errors: [], data: read.data })
        }),
        { numRuns: 3000 },
      )
      // Otherwise the property holds for want of examples. About 45 of 3,000 lines take the quick path (31–60
      // in 60 seeds, 24 once on CI): the bound says "some", not "as many as usual".
      expect(quick).toBeGreaterThan(10)
    })
  }

  it("every YAML file of the repository's rules, locales and fixtures, each through the quick path", () => {
    const files = ['rules', 'locales', 'test/fixtures'].flatMap(yamlFiles)
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const { errors, data } = yamlReads(text)
      const read = quickYamlData(text)
      if (errors.length > 0) expect(read, file).toBeUndefined()
      else if (read) expect(read.data, file).toEqual(data)
    }
    // The shipped knowledge base gains the speed.
    for (const file of ['rules', 'locales'].flatMap(yamlFiles))
      expect(quickYamlData(readFileSync(file, 'utf8')), file).toBeDefined()
  })
})

describe('numbers, null and booleans as yaml reads them, not as js-yaml does', () => {
  it.each([
    ['-.5', -0.5],
    ['+.5', 0.5],
    ['1_000', '1_000'],
    ['0b11', '0b11'],
    ['0o17', 15],
    ['0x1F', 31],
    ['012', 12],
    ['5.', 5],
    ['1e3', 1000],
    ['-.Inf', Number.NEGATIVE_INFINITY],
    ['.NaN', Number.NaN],
    ['yes', 'yes'],
    ['True', true],
    ['tRUE', 'tRUE'],
    ['Null', null],
    ['nULL', 'nULL'],
    ['', null],
    ['2008-07-08', '2008-07-08'],
    ['3.0 SP1', '3.0 SP1'],
  ])('`a: %s`', (written, value) => {
    const text = `a: ${written}\n`
    expect(quickYamlData(text)).toEqual({ data: { a: value } })
    expect(yamlReads(text).data).toEqual({ a: value })
  })
})

describe('left to yaml', () => {
  it.each([
    ['a syntax error', 'a: [1, 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an empty file', ''],
    ['a file that is a text, not a collection', 'just text\n'],
    ['a directive and its document start', '%YAML 1.1\n---\na: yes\n'],
    ['an explicit tag', 'a: !!float 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['an anchor and its alias', 'a: &x 1\nb: *x\n'],
    ['a key `null`', 'null: 1\n'],
    ['a collection as a key', '[a, b]: 1\n'],
    ['a collection as a key inside brackets', 'a: {{p}}\n'],
    ['a collection as a key inside brackets, deeper in the file', 'a:\n  b: {{p}}\n'],
    ['a comment right after a quote', 'a: "b"#c\n'],
    ['a tab in the indentation', 'a: |\n  b c\n\t'],
    ['a text block with an indentation number', 'a: |1\n  b\n'],
    ['a text block keeping its last line breaks', 'a: |+\n  b\n\n'],
    ['a folded block keeping its last line breaks', 'k: >+\n  b\n  '],
    ['a text block starting with an empty line', 'a: |-\n   \n #c\n'],
    ['a folded block starting with an empty line', 'a: >-\n   \n #c\n'],
    ['an entry with nothing after its `-`', '- -\n- - a\n'],
    ['a value written after a comment less indented than it', 'a:\n#c\n  b\nc: 1\n'],
    ['quoted text going on at the depth of its key', '- a: "b\n  c"\n'],
    ['single-quoted text going on at the depth of its key', "- a: 'b\n  c'\n"],
    ['quoted text on a line of its own, going on less indented', 'a:\n  "b\nc"\n'],
    ['the same with CRLF line ends', 'a:\r\n  "b\r\nc"\r\n'],
    ['brackets going on at the depth of their key', 'a: {b: 1,\nc: 2}\n'],
    ['a key of more than 1,024 characters', `${'k'.repeat(1030)}: 1\n`],
    ['a key whose spaces take it past 1,024 characters', `a${' '.repeat(1030)}: 1\n`],
    ['a key of escapes past 1,024 characters in the file', `"${'\\U00000061'.repeat(103)}": 1\n`],
    ['a byte-order mark', '\uFEFF[a, b]: 1\n'],
    ['a carriage return alone', 'a: 1\rb: 2\r'],
    ['content after a document marker', '--- a: 1\n'],
    ['a tag right after a quoted key', '{"a":!!float 1}\n'],
    ['an anchor right after a quoted key', 'x: {"a":&x 1, "b": *x}\n'],
    ['a `\\U` escape in double quotes', 'a: "\\U00110000"\n'],
    ['a double-quoted line ending in `\\`', 'a: "x\\\n\n  y"\n'],
    ['a collection as a key, far from its `:`', `[a]${' '.repeat(70)}: 1\n`],
    [`nesting ${maxDepth} levels deep`, `a: ${'['.repeat(maxDepth)}${']'.repeat(maxDepth)}\n`],
  ])('%s', (_, text) => {
    expect(quickYamlData(text)).toBeUndefined()
  })

  it('quoted text and brackets going on deeper than their key are read quickly', () => {
    expect(quickYamlData('- a: "b\n    c"\n  d: [1,\n    2]\n')).toEqual({
      data: [{ a: 'b c', d: [1, 2] }],
    })
  })

  it('comments at the top, between keys and as deep as the value are read quickly', () => {
    expect(quickYamlData('# top\na: 1\n# between\nb:\n  # before\n  c\n')).toEqual({
      data: { a: 1, b: 'c' },
    })
  })
})

describe('parseYamlSource through the quick path', () => {
  it('finds where a field was written when a problem asks for it', () => {
    const source = parseYamlSource(
      'facts.yaml',
      'kind: facts\nfacts:\n  - name: wsusVersion\n    type: enum\n',
    )
    expect(source.problems).toEqual([])
    expect(source.data).toEqual({ kind: 'facts', facts: [{ name: 'wsusVersion', type: 'enum' }] })
    expect(source.locate(['facts', 0, 'type'])).toEqual({ line: 4, column: 11 })
    expect(source.locate(['facts', 0, 'type'], { key: true })).toEqual({ line: 4, column: 5 })
    expect(source.locate(['facts', 0, 'missing'])).toEqual({ line: 3, column: 5 })
  })

  it('refuses an alias bomb written with anchors right after quoted keys', () => {
    let bomb = 'kind: catalog\nx: {"a0":&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]}\n'
    for (let level = 1; level < 8; level++)
      bomb += `x${level}: {"a${level}":&a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(', ')}]}\n`
    const source = parseYamlSource('bomb.yaml', bomb)
    expect(source.data).toBeUndefined()
    expect(source.problems).toMatchObject([{ code: 'KB_YAML_ALIAS_LIMIT' }])
  })

  it('reports the problems yaml finds in a file the quick path leaves to it', () => {
    const source = parseYamlSource('dup.yaml', 'kind: facts\nkind: facts\n')
    expect(source.problems).toMatchObject([{ code: 'KB_YAML_DUPLICATE_KEY', line: 2, column: 1 }])
  })
})
