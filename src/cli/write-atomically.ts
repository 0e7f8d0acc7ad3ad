/** @module Write a file so that a reader sees the old or the new content, never half of it. */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Write `text` beside `file`, then rename it over `file` (creating the folder first). On any failure the
 * temporary file is removed and the error names `file`, not the temporary.
 *
 * @example
 * await writeAtomically('out/954960-kb.en.html', html)
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temporary, text, 'utf8')
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    const failure = error as NodeJS.ErrnoException
    if (failure.path === temporary) failure.path = file
    throw error
  }
}
