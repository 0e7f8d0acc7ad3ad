// `kb serve --watch` sees every change: atomic saves (temporary + rename, `sed -i`), in-place writes after
// them, new and deleted files and folders, and the rules folder moved away and back. Runs on the fictional
// fixture article, so it depends on no real article.
import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ReloadOutcome, type RulesWatch, watchKnowledgeBase } from '../../src/cli/watch-rules.ts'
import { KnowledgeBaseHolder } from '../../src/http/knowledge-holder.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { loadResources } from '../../src/render/i18n.ts'

const fixture = path.resolve('test/fixtures/fictional')

let root: string
let rules: string
let article: string
let holder: KnowledgeBaseHolder
let watcher: RulesWatch
let logged: string[]
let outcomes: ReloadOutcome[]

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kb-hostile-watch-'))
  rules = path.join(root, 'rules')
  const locales = path.join(root, 'locales')
  await cp(path.join(fixture, 'rules'), rules, { recursive: true })
  await cp(path.join(fixture, 'locales'), locales, { recursive: true })
  article = path.join(rules, 'articles', 'contoso-1001', 'article.yaml')
  holder = new KnowledgeBaseHolder(await loadKnowledgeBase(rules), await loadResources(locales))
  logged = []
  outcomes = []
  watcher = watchKnowledgeBase({
    rules,
    locales,
    holder,
    debounceMs: 30,
    log: (line) => logged.push(line),
    onReload: (outcome) => outcomes.push(outcome),
  })
})
afterEach(async () => {
  watcher.close()
  await rm(root, { recursive: true, force: true })
})

/** The revision the server answers with now. */
const served = async () =>
  ((await holder.snapshot()).kb.model.articles[0]!.article as { kb: { revision: string } }).kb.revision

/** Wait until `condition` holds (polling; at most 20 s on a busy machine), or fail with what is served and logged. */
async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`Expected ${what} within 20 s; served ${await served()}, log: ${logged.join(' | ')}`)
}

const revised = (text: string, revision: string) =>
  text.replace(/revision: "[^"]*"/, `revision: "${revision}"`)

async function atomicSave(file: string, revision: string) {
  const temporary = `${file}.swp`
  await writeFile(temporary, revised(await readFile(file, 'utf8'), revision))
  await rename(temporary, file)
}

async function inPlace(file: string, revision: string) {
  await writeFile(file, revised(await readFile(file, 'utf8'), revision))
}

describe('kb serve --watch sees every change', () => {
  it('atomic saves, `sed -i`, and in-place writes after them', async () => {
    expect(await served()).toBe('2.0')
    await atomicSave(article, '2.1')
    await until(async () => (await served()) === '2.1', 'the atomic save served')
    await inPlace(article, '2.2')
    await until(async () => (await served()) === '2.2', 'the in-place write after an atomic save served')
    execFileSync('sed', ['-i', 's/revision: "2.2"/revision: "2.3"/', article])
    await until(async () => (await served()) === '2.3', 'the sed -i served')
    await inPlace(article, '2.4')
    await until(async () => (await served()) === '2.4', 'the in-place write after sed -i served')
  })

  it('new and deleted files and folders; a breaking one is logged with file:line:column', async () => {
    const folder = path.join(rules, 'extra')
    await mkdir(folder)
    const broken = path.join(folder, 'broken.yaml')
    await writeFile(broken, 'kind: catalog\nproducts: [\n')
    await until(() => outcomes.at(-1)?.status === 'rejected', 'the new broken file rejected')
    expect(logged.some((line) => /extra\/broken\.yaml:\d+:\d+ error .*\(KB_YAML_SYNTAX\)$/.test(line))).toBe(
      true,
    )
    expect(logged.at(-1)).toMatch(/still serving the last good version$/)
    expect(await served()).toBe('2.0')
    // A file written into the new folder after it appeared is seen too.
    await writeFile(broken, 'kind: nonsense\n')
    await until(() => logged.some((line) => line.includes('(KB_UNKNOWN_KIND)')), 'the second write rejected')
    await rm(folder, { recursive: true })
    await until(() => outcomes.at(-1)?.status === 'reloaded', 'the deletion reloaded')
    await inPlace(article, '3.0')
    await until(async () => (await served()) === '3.0', 'a later write served')
  })

  it('the rules folder moved away and back', async () => {
    const away = path.join(root, 'rules-away')
    await rename(rules, away)
    await until(() => outcomes.at(-1)?.status === 'rejected', 'the missing folder rejected')
    expect(await served()).toBe('2.0')
    await rename(away, rules)
    await until(() => outcomes.at(-1)?.status === 'reloaded', 'the folder back reloaded')
    await inPlace(article, '4.0')
    await until(async () => (await served()) === '4.0', 'a write after the move served')
    // Replaced by a copy (a new inode): still seen.
    await rename(rules, away)
    await cp(away, rules, { recursive: true })
    await until(() => outcomes.at(-1)?.status === 'reloaded', 'the copy reloaded')
    await inPlace(article, '4.1')
    await until(async () => (await served()) === '4.1', 'a write into the copy served')
  })
})
