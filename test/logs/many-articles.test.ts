/**
 * A knowledge base of many articles (bench/kb-generator.ts: copies of the real article with their own
 * signature literals) reads each log once for all of them, through one literal search and a dispatch of
 * records to the matchers they concern. Differential: every article's evidence and verdict must be what
 * diagnosing that article alone gives.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKnowledgeBase, variant } from '../../bench/kb-generator.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'

const fixtures = fileURLToPath(new URL('../fixtures/logs/', import.meta.url))
const corpus = fileURLToPath(new URL('../../../shared/corpus/logs/', import.meta.url))
const logFiles = [
  ...readdirSync(fixtures).map((name) => path.join(fixtures, name)),
  ...(existsSync(corpus) ? readdirSync(corpus).filter((name) => name.endsWith('.log')) : []).map((name) =>
    path.join(corpus, name),
  ),
].filter((file) => file.endsWith('.log'))
const side = (file: string) => (path.basename(file).startsWith('server') ? 'server' : 'client')

let dir: string
let kb: KnowledgeBase
let ids: string[]
// The generator cycles through the real articles, the first one (954960, whose logs the fixtures are) leading:
// its `index`th copy, made with `variant(…, index)`, is at `index * real articles`.
const realArticles = readdirSync(fileURLToPath(new URL('../../rules/articles/', import.meta.url))).length
const copyOfFirst = (index: number) => ids[index * realArticles]!
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-many-'))
  // 12 articles: more literals than one alternation takes, so the literal set and the dispatch are used.
  const generated = generateKnowledgeBase(12, { dataDir: dir })
  ids = generated.articleIds
  kb = await loadKnowledgeBase(generated.rules)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// Only the articles whose signatures read a kind of the given logs answer, alone as together.
async function expectSameAsAlone(inputs: Parameters<KnowledgeBase['diagnose']>[0]) {
  const together = await kb.diagnose(inputs)
  const alone = (await Promise.all(ids.map((id) => kb.diagnose(inputs, { article: id })))).flat()
  const byArticle = (a: { article: string }, b: { article: string }) => a.article.localeCompare(b.article)
  expect(together.length).toBeGreaterThan(realArticles)
  expect([...together].sort(byArticle)).toEqual(alone.sort(byArticle))
  return together
}

describe('diagnosing many articles in one pass', () => {
  it.each(logFiles.map((file) => [path.basename(file), file]))(
    '%s: each article as when diagnosed alone',
    async (_name, file) => {
      await expectSameAsAlone({ [side(file)]: file })
    },
  )

  it('finds an article whose own literals are in the log, and only that one', async () => {
    const client = readFileSync(path.join(fixtures, 'client-954960-classic.log'), 'utf8')
    const server = readFileSync(path.join(fixtures, 'server-954960.log'), 'utf8')
    const together = await expectSameAsAlone({
      client: { text: variant(client, 3), name: 'client-3.log' },
      server: { text: variant(server, 1), name: 'server-1.log' },
    })
    const affected = together.filter((result) => result.check.verdict === 'affected').map((r) => r.article)
    expect(affected.sort()).toEqual([copyOfFirst(3), copyOfFirst(1)].sort())
  })
})
