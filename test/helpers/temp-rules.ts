// Copies of rules/ in a temporary folder, for tests that break or change one file.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defaultRulesDir } from '../../src/kb/load.ts'

const created: string[] = []

/** A fresh copy of the built-in rules; returns its folder. */
export async function copyRules(from: string = defaultRulesDir): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'kb-rules-'))
  created.push(root)
  const dir = path.join(root, 'rules')
  await cp(from, dir, { recursive: true })
  return dir
}

/** Replace `search` by `replacement` in one file of a rules copy (the search must occur). */
export async function patchFile(
  dir: string,
  file: string,
  search: string,
  replacement: string,
): Promise<void> {
  const full = path.join(dir, file)
  const text = await readFile(full, 'utf8')
  if (!text.includes(search)) throw new Error(`Expected \`${search}\` in ${file}`)
  await writeFile(full, text.replace(search, replacement))
}

/** Remove every temporary folder created so far. */
export async function removeCopies(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}
