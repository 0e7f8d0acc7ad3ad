// Copies of rules/ in a temporary folder, for tests that break or change one file.
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
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

/**
 * A copy of the fictional article (contoso-1001) with the batch fixtures' vocabulary, rules, signatures and
 * log kinds: rules where order, unknowns, `not`, `notIn` and `notEqual` change verdicts, and a derivation.
 */
export async function copyBatchFixtureRules(): Promise<string> {
  const dir = await copyRules('test/fixtures/fictional/rules')
  await copyFile('test/fixtures/batch/facts.yaml', path.join(dir, 'facts.yaml'))
  await copyFile('test/fixtures/batch/verdicts.yaml', path.join(dir, 'articles/contoso-1001/verdicts.yaml'))
  await copyFile(
    'test/fixtures/batch/signatures.yaml',
    path.join(dir, 'articles/contoso-1001/signatures.yaml'),
  )
  await copyFile('test/fixtures/batch/logs.yaml', path.join(dir, 'logs.yaml'))
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

/**
 * The fictional knowledge base with a second article, `contoso-2002`, in a folder that sorts before the first
 * (`articles/0-second/`), so order by folder and order by id differ. Its firmware rule is disabled, so facts
 * that make `contoso-1001` affected leave `contoso-2002` without a verdict (`unknown`). Returns the rules folder;
 * `locales/` is beside it.
 */
export async function twoArticleRules(): Promise<string> {
  const dir = await copyRules('test/fixtures/fictional/rules')
  const locales = path.join(path.dirname(dir), 'locales')
  await cp('test/fixtures/fictional/locales', locales, { recursive: true })
  const second = path.join(dir, 'articles/0-second')
  await cp(path.join(dir, 'articles/contoso-1001'), second, { recursive: true })
  for (const file of ['article.yaml', 'verdicts.yaml'])
    await patchFile(dir, `articles/0-second/${file}`, 'contoso-1001', 'contoso-2002')
  await patchFile(
    dir,
    'articles/0-second/verdicts.yaml',
    '{ fact: brewerFirmware, operator: versionLessThan, valueRef: fixedVersion }',
    '{ fact: brewerFirmware, operator: versionLessThan, valueRef: unfixedVersion }',
  )
  for (const language of ['en', 'nl', 'pl', 'nb']) {
    const text = await readFile(path.join(locales, language, 'contoso-1001.yaml'), 'utf8')
    await writeFile(
      path.join(locales, language, 'contoso-2002.yaml'),
      text.replaceAll('contoso-1001', 'contoso-2002'),
    )
  }
  return dir
}

/**
 * `twoArticleRules` with a Widget Server version neither article names (`4.4`), as an author of a third article
 * would add it: `kb lint` warns that the articles cannot decide it (`KB_UNDECIDED_VALUE`).
 */
export async function undecidedValueRules(): Promise<string> {
  const dir = await twoArticleRules()
  await patchFile(
    dir,
    'facts.yaml',
    '      - { value: "4.3", aliases: [WS43] }\n',
    '      - { value: "4.3", aliases: [WS43] }\n      - { value: "4.4" }\n',
  )
  return dir
}
