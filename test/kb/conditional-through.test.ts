/** `products.conditional[].through` is a list: each of its ids must name a catalog product. */
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lintRules } from '../../src/kb/load.ts'
import { copyRules, patchFile, removeCopies } from '../helpers/temp-rules.ts'

afterAll(removeCopies)

const article = 'articles/954960/article.yaml'
const sce = '{ product: sce-2007, through: [wsus-3.0, wsus-3.0-sp1] }'

describe('products.conditional[].through', () => {
  it('points at the misspelt second product of the list, with a suggestion', async () => {
    const dir = await copyRules()
    await patchFile(dir, article, sce, '{ product: sce-2007, through: [wsus-3.0, wsus-3.1-sp1] }')
    const { problems, model } = await lintRules(dir)
    expect(model).toBeUndefined()
    expect(
      problems.map(({ code, file, path: at, message }) => ({ code, file: path.basename(file), at, message })),
    ).toEqual([
      {
        code: 'KB_UNKNOWN_REFERENCE',
        file: 'article.yaml',
        at: ['products', 'conditional', 1, 'through', 1],
        message: 'Expected a product of the catalog, not `wsus-3.1-sp1`; did you mean `wsus-3.0-sp1`?',
      },
    ])
  })

  it('refuses a single id where a list is expected', async () => {
    const dir = await copyRules()
    await patchFile(dir, article, sce, '{ product: sce-2007, through: wsus-3.0 }')
    const { problems } = await lintRules(dir)
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.path)).toEqual(
      [['products', 'conditional', 1, 'through']],
    )
  })
})
