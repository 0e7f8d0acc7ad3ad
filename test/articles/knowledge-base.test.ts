/**
 * The real articles together (issue 11's acceptance): lint clean, every declared document in every language
 * and format, CSAF that validates, each article's own log excerpts found for that article and no other, and
 * `--exit-code` ranking affected over unknown across articles. Iterates over whatever articles rules/ holds.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCsaf } from '../../src/export/csaf-document.ts'
import { lintRules } from '../../src/kb/load.ts'
import { defaultRulesDir } from '../../src/kb/paths.ts'
import type { SignaturesFile } from '../../src/kb/schema/signatures.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { kindsRead } from '../../src/logs/diagnose.ts'
import { languages } from '../../src/render/i18n.ts'
import { lintLocalesFor } from '../../src/render/locale-lint.ts'
import { Renderer } from '../../src/render/renderer.ts'
import { kb as runKb } from '../helpers/run-cli.ts'

let kb: KnowledgeBase
let dir: string
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  dir = await mkdtemp(path.join(tmpdir(), 'kb-articles-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the real knowledge base', () => {
  it('holds more than one article, and lints without an error or a warning', async () => {
    expect(kb.articleIds.length).toBeGreaterThan(1)
    const { problems } = await lintRules()
    problems.push(...(await lintLocalesFor({ rules: defaultRulesDir })))
    expect(problems.map((problem) => `${problem.file}:${problem.line} ${problem.code}`)).toEqual([])
  })

  it('renders every declared document in every language and format, with no key or placeholder left', async () => {
    const renderer = await Renderer.load()
    let rendered = 0
    for (const article of kb.articleIds)
      for (const doc of renderer.documentsOf(article))
        for (const lang of languages)
          for (const format of ['md', 'html', 'text'] as const) {
            const text = await renderer.render({ article, doc, lang, format })
            expect(text, `${article} ${doc} ${lang} ${format}`).not.toMatch(/\{\{|\}\}|undefined/)
            rendered++
          }
    expect(rendered).toBeGreaterThanOrEqual(kb.articleIds.length * languages.length * 3)
  })

  it('exports CSAF that passes the strict schema and every mandatory test, for every article and language', async () => {
    for (const article of kb.articleIds)
      for (const lang of languages) {
        const document = await buildCsaf(kb, { article, lang })
        expect(JSON.stringify(document), `${article} ${lang}`).not.toMatch(/\{\{ *[A-Za-z]/)
        const { tests } = await validateStrict([csaf_2_0_strict, ...Object.values(mandatory)], document)
        const errors = tests.flatMap((test) =>
          test.errors.map((error) => `${article} ${lang} ${test.name} ${error.message}`),
        )
        expect(errors).toEqual([])
      }
  })

  it("finds each article's own log excerpts as its evidence, and no other article's", async () => {
    let excerpts = 0
    for (const model of kb.model.articles) {
      const read = kindsRead(model.extras.signatures as SignaturesFile)
      for (const [id, excerpt] of Object.entries(model.article.logs)) {
        if (excerpt.log === undefined || !read.includes(excerpt.log)) continue
        const file = path.join(dir, `${model.id}-${id}.log`)
        const lines = excerpt.lines.filter((line) => !line.elided)
        await writeFile(
          file,
          `${lines.map((line) => (line.timestamp ? `${line.timestamp}  ${line.text}` : line.text)).join('\r\n')}\r\n`,
        )
        const results = await kb.diagnose({ logs: { [excerpt.log]: file } })
        for (const result of results) {
          const level = result.diagnosis.logs[excerpt.log]?.level
          if (result.article === model.id) expect(level, `${model.id} ${id}`).toBe('confirmed')
          else expect(level, `${result.article} on ${model.id} ${id}`).toBe('none')
        }
        excerpts++
      }
    }
    expect(excerpts).toBeGreaterThan(kb.articleIds.length)
  })

  it('kb check --exit-code ranks an affected article over an unknown one: exit 10', async () => {
    // Affected for 4096317 (its fault), unknown for every other article (nothing said about it).
    const run = await runKb([
      'check',
      '--exit-code',
      '--json',
      '--fact',
      'scanError=0x80244007',
      '--fact',
      'soapFaultParameter=InstalledNonLeafUpdateIDs',
    ])
    const { results } = JSON.parse(run.stdout) as { results: Array<{ article: string; verdict: string }> }
    expect(results.find((result) => result.article === '4096317')?.verdict).toBe('affected')
    expect(results.some((result) => result.verdict === 'unknown')).toBe(true)
    expect(run.status).toBe(10)
  })
})
