// The values a translation interpolates, whole or in two layers (the article's own, the shared product names).
import { beforeAll, describe, expect, it } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import type { KnowledgeBaseModel } from '../../src/kb/model.ts'
import { articleValues, camelId, layeredArticleValues } from '../../src/render/article-values.ts'

let model: KnowledgeBaseModel
beforeAll(async () => {
  model = await loadRules('test/fixtures/fictional/rules')
})

// A name looked up as the localizer does: the article's own values first, then the shared ones.
function lookedUp(layers: ReturnType<typeof layeredArticleValues>): Record<string, unknown> {
  const names = new Set([...Object.keys(layers.products), ...Object.keys(layers.own)])
  return Object.fromEntries(
    [...names].map((name) => [
      name,
      Object.hasOwn(layers.own, name) ? layers.own[name] : layers.products[name],
    ]),
  )
}

describe('layeredArticleValues', () => {
  it('gives every name the value articleValues gives it, in every language', () => {
    for (const { article } of model.articles)
      for (const language of [undefined, 'en', 'nl', 'pl', 'nb']) {
        const layers = layeredArticleValues(article, model.products, language)
        expect(lookedUp(layers)).toEqual(articleValues(article, model.products, language))
      }
  })

  it('shares one object of product values among the articles of a list of products', () => {
    const [first, second] = model.articles
    const shared = layeredArticleValues(first!.article, model.products).products
    expect(layeredArticleValues((second ?? first)!.article, model.products).products).toBe(shared)
    expect(Object.keys(layeredArticleValues(first!.article, model.products).own)).not.toContain(
      Object.keys(shared)[0],
    )
  })

  it('lets a product value win over an article value of the same name, as articleValues does', () => {
    const article = model.articles[0]!.article
    const productName = camelId(model.products[0]!.id)
    const clashing = { ...article, values: { ...article.values, [productName]: 'the article says' } }
    const layers = layeredArticleValues(clashing, model.products)
    expect(articleValues(clashing, model.products)[productName]).toBe(model.products[0]!.shortName)
    expect(lookedUp(layers)).toEqual(articleValues(clashing, model.products))
  })
})
