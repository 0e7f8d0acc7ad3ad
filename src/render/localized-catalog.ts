/** @module Catalog products in a language: optional per-language names from `common.yaml` `products:`. */
import type { i18n, Resource, ResourceLanguage } from 'i18next'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import type { Product } from '../kb/schema/catalog.ts'
import { camelId } from './article-values.ts'

/**
 * The catalog fields a language may override under `products.<camel-cased id>` in its `common.yaml`
 * (`products.wsus30Sp1.shortName`); the catalog's English holds for every field not overridden.
 *
 * @example
 * productLabelFields.includes('shortName') // true
 */
export const productLabelFields = ['vendor', 'name', 'version', 'shortName'] as const

/**
 * The catalog with a language's overrides applied (a Polish `WSUS 3.0 z dodatkiem SP1`); without
 * overrides the products come back unchanged.
 *
 * @example
 * localizedProducts(model.products, resources, 'pl').find((p) => p.id === 'wsus-3.0-sp1')?.shortName
 * // 'WSUS 3.0 z dodatkiem SP1'
 */
export function localizedProducts(
  products: readonly Product[],
  resources: Resource,
  language: string,
): Product[] {
  const overrides = (resources[language]?.common as { products?: Record<string, unknown> } | undefined)
    ?.products
  return products.map((product) => {
    const own = overrides?.[camelId(product.id)]
    if (own === null || typeof own !== 'object') return product
    const localized = { ...product }
    for (const field of productLabelFields) {
      const value = (own as Record<string, unknown>)[field]
      if (typeof value === 'string' && value !== '') localized[field] = value
    }
    return localized
  })
}

/**
 * What is wrong with a `products.…` key of a `common.yaml`, or undefined when it names a catalog product
 * (camel-cased id) and a field of `productLabelFields`.
 *
 * @example
 * catalogLabelProblem('products.wsus30Sp1.shortName', model) // undefined
 */
export function catalogLabelProblem(key: string, model: KnowledgeBaseModel): string | undefined {
  const [, product = '', field = '', ...rest] = key.split('.')
  const known = model.products.map((candidate) => camelId(candidate.id))
  if (!known.includes(product))
    return `Expected \`products.<product>.<field>\` to name a catalog product (${known.map((id) => `\`${id}\``).join(', ')}), not \`${product}\``
  if (rest.length > 0 || !(productLabelFields as readonly string[]).includes(field))
    return `Expected a catalog field (${productLabelFields.map((name) => `\`${name}\``).join(', ')}) under \`products.${product}\`, not \`${key.split('.').slice(2).join('.')}\``
  return undefined
}

/**
 * The catalog in the language of an i18next instance: `localizedProducts` with that language's `common`
 * strings, for callers that hold an instance rather than the resources (check replies, the page, the feed).
 *
 * @example
 * productsIn(kb.model.products, await createI18n(resources, 'pl')).find((p) => p.id === 'wsus-3.0-sp1')?.shortName
 * // 'WSUS 3.0 z dodatkiem SP1'
 */
export function productsIn(products: readonly Product[], i18n: i18n): Product[] {
  const common = i18n.getResourceBundle(i18n.language, 'common') as ResourceLanguage['common'] | undefined
  return localizedProducts(products, { [i18n.language]: { common: common ?? {} } }, i18n.language)
}
