// Log evidence belongs to its article: two fictional articles read the same kind of log, each with its own
// signature and evidence fact; what one finds never moves the other's verdict.
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lintRules } from '../../src/kb/load.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { copyRules, patchFile, removeCopies } from '../helpers/temp-rules.ts'

const A = 'contoso-1001'
const B = 'contoso-1002'

const logKinds = `# yaml-language-server: $schema=../schema/logs.schema.json
kind: logs
logs:
  - id: applog
    file: app.log
    path: C:\\Contoso\\app.log
`

function signatures(article: string, fact: string, text: string): string {
  return `# yaml-language-server: $schema=../../../schema/signatures.schema.json
kind: signatures
article: ${article}
symptoms:
  - id: crash
    log: applog
    fact: ${fact}
    description: The application log shows the crash.
    window: 0
    lines:
      - id: crash
        pattern: "${text}"
        distinctive: true
`
}

/** The fictional rules with a second article, each reading `applog` for its own crash line. */
async function twoArticles(): Promise<string> {
  const dir = await copyRules('test/fixtures/fictional/rules')
  const articles = path.join(dir, 'articles')
  await cp(path.join(articles, A), path.join(articles, B), { recursive: true })
  const article = path.join(articles, B, 'article.yaml')
  await writeFile(article, (await readFile(article, 'utf8')).replace(/^id: contoso-1001$/m, `id: ${B}`))
  await patchFile(dir, `articles/${B}/verdicts.yaml`, `article: ${A}`, `article: ${B}`)
  await writeFile(path.join(dir, 'logs.yaml'), logKinds)
  for (const [id, fact, text] of [
    [A, 'widgetCrash', 'WIDGET CRASH'],
    [B, 'brewerCrash', 'BREWER CRASH'],
  ] as const) {
    await writeFile(path.join(articles, id, 'signatures.yaml'), signatures(id, fact, text))
    await patchFile(
      dir,
      `articles/${id}/verdicts.yaml`,
      'rules:\n',
      `rules:\n  - id: crash-seen\n    verdict: affected\n    when: { fact: ${fact}, operator: equal, value: confirmed }\n`,
    )
  }
  return dir
}

let dir: string
let kb: KnowledgeBase
beforeAll(async () => {
  dir = await twoArticles()
  kb = await loadKnowledgeBase(dir)
})
afterAll(removeCopies)

describe('evidence per article', () => {
  const inventory = { widgetServerVersion: '4.1' }

  it("counts a log line found by B's signature for B only", async () => {
    const results = await kb.diagnose(
      { logs: { applog: '2024-04-12 10:00:00 BREWER CRASH in module 7\n' } },
      { facts: inventory },
    )
    const byArticle = Object.fromEntries(results.map((result) => [result.article, result]))
    expect(byArticle[B]!.diagnosis.facts).toEqual({ brewerCrash: 'confirmed' })
    expect(byArticle[B]!.check.verdict).toBe('affected')
    expect(byArticle[A]!.diagnosis.facts).toEqual({ widgetCrash: 'none' })
    expect(byArticle[A]!.check.verdict).toBe('not_affected')
    expect(byArticle[A]!.check.reasons.map((reason) => reason.rule)).toEqual(['other-versions'])
  })

  it('keeps evidence sent to check unambiguous: a fact names its article', async () => {
    const { results } = await kb.check({ ...inventory, brewerCrash: 'confirmed' })
    const verdicts = Object.fromEntries(results.map((result) => [result.article, result.verdict]))
    expect(verdicts).toEqual({ [A]: 'not_affected', [B]: 'affected' })
    expect(kb.model.facts.find((fact) => fact.name === 'brewerCrash')).toMatchObject({
      source: 'evidence',
      article: B,
      default: 'none',
    })
  })

  it("refuses rules that read another article's evidence, naming the owner", async () => {
    await patchFile(dir, `articles/${A}/verdicts.yaml`, 'fact: widgetCrash', 'fact: brewerCrash')
    const { problems } = await lintRules(dir)
    await patchFile(dir, `articles/${A}/verdicts.yaml`, 'fact: brewerCrash', 'fact: widgetCrash')
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'KB_UNKNOWN_REFERENCE',
        file: expect.stringContaining(`${A}/verdicts.yaml`),
        message: expect.stringContaining(`log evidence of article \`${B}\``),
      }),
    ])
  })

  it('refuses one evidence fact declared by two articles, and evidence in the shared vocabulary', async () => {
    await patchFile(dir, `articles/${B}/signatures.yaml`, 'fact: brewerCrash', 'fact: widgetCrash')
    const twice = (await lintRules(dir)).problems.filter((problem) => problem.code === 'KB_DUPLICATE_ID')
    await patchFile(dir, `articles/${B}/signatures.yaml`, 'fact: widgetCrash', 'fact: brewerCrash')
    expect(twice.map((problem) => problem.message)).toEqual([
      expect.stringContaining(`Expected evidence fact \`widgetCrash\` to belong to one article`),
    ])
    // It points at the first declaration, in the other article's file.
    const first = (await readFile(path.join(dir, `articles/${A}/signatures.yaml`), 'utf8')).split('\n')
    const line = first.findIndex((text) => text.includes('fact: widgetCrash')) + 1
    const column = first[line - 1]!.indexOf('widgetCrash') + 1
    expect(twice[0]?.message).toContain(`${A}/signatures.yaml:${line}:${column})`)

    await patchFile(
      dir,
      'facts.yaml',
      '  - name: brewerConnected\n',
      '  - name: brewerConnected\n    source: evidence\n',
    )
    const shared = (await lintRules(dir)).problems
    await patchFile(dir, 'facts.yaml', '    source: evidence\n', '')
    expect(shared).toEqual([
      expect.objectContaining({
        code: 'KB_INVALID_VALUE',
        message: expect.stringContaining('`brewerConnected`'),
      }),
    ])
  })

  it('refuses an article excerpt of a log kind the registry does not have', async () => {
    const file = `articles/${A}/article.yaml`
    await patchFile(
      dir,
      file,
      "  client:\n    path: '%windir%",
      "  client:\n    log: apps\n    path: '%windir%",
    )
    const { problems } = await lintRules(dir)
    await patchFile(dir, file, '    log: apps\n', '')
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'KB_UNKNOWN_REFERENCE',
        path: ['logs', 'client', 'log'],
        message: 'Expected a log kind of the registry (`applog`), not `apps`',
      }),
    ])
  })

  it('refuses a signature that reads a log kind the registry does not have, with a suggestion', async () => {
    await patchFile(dir, `articles/${A}/signatures.yaml`, 'log: applog', 'log: applogs')
    const { problems } = await lintRules(dir)
    await patchFile(dir, `articles/${A}/signatures.yaml`, 'log: applogs', 'log: applog')
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'KB_UNKNOWN_REFERENCE',
        line: 6,
        column: 10,
        message: 'Expected a log kind of the registry (`applog`), not `applogs`; did you mean `applog`?',
      }),
    ])
  })
})
