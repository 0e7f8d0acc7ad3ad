import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asciiJson, readJsonFile } from '../../src/kb/cache-json.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-cache-json-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// Strings of any UTF-16 code units: Polish and Norwegian letters, emoji as surrogate pairs, lone surrogates.
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string())
const json = fc.record({
  value: fc.jsonValue({ maxDepth: 3 }),
  text: anyText,
  keyed: fc.dictionary(anyText, anyText),
})

describe('JSON files the program writes for itself', () => {
  it('are ASCII and read back as the same value, whatever the characters', async () => {
    const file = path.join(dir, 'property.json')
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const text = asciiJson(value)
        expect(text).toMatch(/^[\x00-\x7f]*$/)
        await writeFile(file, text)
        expect(readJsonFile(file)).toEqual(JSON.parse(JSON.stringify(value)))
      }),
      { numRuns: 300 },
    )
  })

  it('escapes what lies outside ASCII and leaves the rest as JSON.stringify writes it', () => {
    expect(asciiJson({ title: 'Łódź', note: 'a "b"\n', emoji: '😀', lone: '\ud800' })).toBe(
      '{"title":"\\u0141\\u00f3d\\u017a","note":"a \\"b\\"\\n","emoji":"\\ud83d\\ude00","lone":"\\ud800"}',
    )
  })

  it('reads a file an earlier version wrote in UTF-8', async () => {
    const file = path.join(dir, 'utf8.json')
    const value = { title: 'Ćwiczenie på norsk 😀', list: ['ø', 'ę'] }
    await writeFile(file, JSON.stringify(value), 'utf8')
    expect((await readFile(file)).some((byte) => byte > 0x7f)).toBe(true)
    expect(readJsonFile(file)).toEqual(value)
  })

  it('throws for a file that is not JSON, as JSON.parse does', async () => {
    const file = path.join(dir, 'broken.json')
    await writeFile(file, '{"cut": ')
    expect(() => readJsonFile(file)).toThrow(SyntaxError)
  })
})
