// Locale files may hold no alias at all (docs/security.md): neither reader lets one through.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readLocaleFile } from '../../src/render/i18n.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'kb-locale-aliases-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function localeFile(namespace: string, text: string): void {
  mkdirSync(path.join(dir, 'en'), { recursive: true })
  writeFileSync(path.join(dir, 'en', `${namespace}.yaml`), text)
}

describe('readLocaleFile', () => {
  it.each([
    ['an anchor after a space', 'kb:\n  title: &t Hello\nother: *t\n'],
    ['an anchor right after a quoted key', 'kb: {"title":&t Hello}\nother: *t\n'],
  ])('refuses %s', async (_, text) => {
    localeFile('aliases', text)
    await expect(readLocaleFile(dir, 'en', 'aliases')).rejects.toThrow(/alias/i)
  })

  it('reads a file without one, `_meta` left out', async () => {
    localeFile('plain', 'kb:\n  title: Hello\n_meta:\n  source:\n    kb.title: 185f8db3\n')
    await expect(readLocaleFile(dir, 'en', 'plain')).resolves.toEqual({ kb: { title: 'Hello' } })
  })
})
