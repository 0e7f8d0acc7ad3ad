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
import { withGivenFacts } from '../../src/engine/fact-index.ts'
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
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-many-'))
  // 12 articles: more literals than one alternation takes, so the literal set and the dispatch are used.
  const generated = generateKnowledgeBase(12, { dataDir: dir, sources: ['954960'] })
  ids = generated.articleIds
  kb = await loadKnowledgeBase(generated.rules)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function expectSameAsAlone(inputs: Parameters<KnowledgeBase['diagnose']>[0]) {
  const together = await kb.diagnose(inputs)
  expect(together.map((result) => result.article).sort()).toEqual([...ids].sort())
  for (const result of together) {
    const [alone] = await kb.diagnose(inputs, { article: result.article })
    expect(result).toEqual(alone)
  }
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
      server: { text: variant(server, 7), name: 'server-7.log' },
    })
    const affected = together.filter((result) => result.check.verdict === 'affected').map((r) => r.article)
    expect(affected.sort()).toEqual([ids[3], ids[7]].sort())
  })

  it('answers each article as evaluating its evidence does, also where the log shows nothing of it', async () => {
    const client = readFileSync(path.join(fixtures, 'client-954960-classic.log'), 'utf8')
    const inventory = { wsusVersion: '3.0 SP1' }
    const together = await kb.diagnose(
      { client: { text: variant(client, 5), name: 'client-5.log' } },
      {
        facts: inventory,
      },
    )
    const defaults = kb.prepareFacts(inventory).facts
    const quiet = together.filter((result) => result.diagnosis.logs.windowsupdate?.level === 'none')
    // The property says something only if some articles found nothing and one found its symptom.
    expect(quiet.length).toBeGreaterThan(5)
    expect(together.some((result) => result.diagnosis.logs.windowsupdate?.level !== 'none')).toBe(true)
    for (const result of together) {
      const evaluated = withGivenFacts(
        await kb.checkers.get(result.article)!.check({ ...defaults, ...result.diagnosis.facts }),
        { ...inventory, ...result.diagnosis.facts },
      )
      expect(result.check).toEqual(evaluated)
      expect(JSON.stringify(result.check)).toBe(JSON.stringify(evaluated))
    }
  })
})
