// The compiled model's file: the model a validation gives, each article's parts (texts, rules, signatures) read
// only when first asked for, and nothing at all from a file that is not whole.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FactIndex } from '../../src/engine/fact-index.ts'
import { factsConcerning } from '../../src/kb/facts-concerning.ts'
import { filedModelBytes, readFiledModel } from '../../src/kb/filed-model.ts'
import { loadRules } from '../../src/kb/load.ts'
import type { KnowledgeBaseModel } from '../../src/kb/model.ts'

const fictional = 'test/fixtures/fictional/rules'
let dir: string
let model: KnowledgeBaseModel
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-filed-model-'))
  model = await loadRules(fictional)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the compiled model file', () => {
  it('reads back as the model it was made from, for the folder it is read for', async () => {
    const file = path.join(dir, 'model.json')
    await writeFile(file, filedModelBytes(model))
    const read = readFiledModel(file, fictional)
    expect(read).toEqual(model)
    expect(JSON.stringify(read)).toBe(JSON.stringify(model))
  })

  it("reads an article's parts only when they are asked for", async () => {
    const file = path.join(dir, 'parts-broken.json')
    const bytes = filedModelBytes(model)
    // The last article's signatures are the end of the file: spoil their closing brace.
    bytes[bytes.length - 1] = 0x20
    await writeFile(file, bytes)
    const read = readFiledModel(file, fictional)!
    const last = read.articles.at(-1)!
    expect(last.article).toEqual(model.articles.at(-1)!.article)
    expect(last.verdicts).toEqual(model.articles.at(-1)!.verdicts)
    expect(() => last.extras).toThrow(SyntaxError)
  })

  it('indexes the articles by the facts they read without reading any of their parts', async () => {
    const file = path.join(dir, 'body-blank.json')
    const bytes = filedModelBytes(model)
    // The body after the header (its length in the first 16 bytes) blanked out: the header alone must do.
    bytes.fill(0x20, 16 + Number(bytes.subarray(0, 16).toString('latin1').trim()))
    await writeFile(file, bytes)
    const read = readFiledModel(file, fictional)!
    expect(read.articles.map(factsConcerning)).toEqual(model.articles.map(factsConcerning))
    const ids = model.articles.map((article) => article.id)
    const index = new FactIndex(read.articles)
    for (const name of model.facts.map((fact) => fact.name))
      expect(index.articlesOf(name)).toEqual(
        ids.filter((_, at) => factsConcerning(model.articles[at]!).includes(name)),
      )
    expect(() => read.articles.at(-1)!.verdicts).toThrow()
  })

  it('gives nothing for a file cut short or missing', async () => {
    const file = path.join(dir, 'cut.json')
    const bytes = filedModelBytes(model)
    await writeFile(file, bytes.subarray(0, bytes.length - 1))
    expect(readFiledModel(file, fictional)).toBeUndefined()
    expect(readFiledModel(path.join(dir, 'none.json'), fictional)).toBeUndefined()
  })
})
