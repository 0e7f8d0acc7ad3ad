/** @module The CSAF product tree of an article: catalog branches and the relationships of its scenarios. */
import type { ArticleFile } from '../kb/schema/article.ts'
import type { Product } from '../kb/schema/catalog.ts'
import type { CsafBranch, CsafFullProductName, CsafRelationship } from './csaf-types.ts'
import type { ProductScenario } from './product-scenarios.ts'

/**
 * Localizes a relationship's name from the names of its two products.
 *
 * @example
 * const name: RelationshipNamer = (category, {reference, target}) => `${reference} on ${target}`
 */
type RelationshipNamer = (
  category: CsafRelationship['category'],
  names: { reference: string; target: string },
) => string

/**
 * Branches vendor → product_name → product_version for every catalog product and component version among
 * the scenarios (in catalog order), and one relationship per combination scenario.
 *
 * @example
 * const tree = productTree(scenarios, catalog, article, (category, {reference, target}) => `${reference} on ${target}`)
 * tree.branches[0].name // 'Microsoft'
 */
export function productTree(
  scenarios: readonly ProductScenario[],
  catalog: readonly Product[],
  article: ArticleFile,
  nameRelationship: RelationshipNamer,
): { branches: CsafBranch[]; relationships: CsafRelationship[] } {
  const byId = new Map(catalog.map((product) => [product.id, product]))
  const shortNames = new Map<string, string>()
  const leaves: Array<{ vendor: string; name: string; version: string; product: CsafFullProductName }> = []
  for (const product of catalog) {
    if (!scenarios.some((scenario) => scenario.kind === 'product' && scenario.catalogId === product.id))
      continue
    shortNames.set(product.id, product.shortName)
    leaves.push({
      vendor: product.vendor,
      name: product.name,
      version: product.version,
      product: {
        name: `${product.vendor} ${product.name} ${product.version}`,
        product_id: product.id,
        ...(product.cpe ? { product_identification_helper: { cpe: product.cpe } } : {}),
      },
    })
  }
  for (const scenario of scenarios.filter((candidate) => candidate.kind === 'component')) {
    const owner = byId.get(scenario.catalogId!)!
    const file = article.component?.file ?? scenario.productId
    const name = `${file} ${scenario.version}`
    shortNames.set(scenario.productId, name)
    leaves.push({
      vendor: owner.vendor,
      name: file,
      version: scenario.version!,
      product: { name, product_id: scenario.productId },
    })
  }

  const relationships: CsafRelationship[] = []
  for (const scenario of scenarios.filter((candidate) => candidate.kind === 'relationship')) {
    const { category, productReference, relatesTo } = scenario.relationship!
    const name = nameRelationship(category, {
      reference: shortNames.get(productReference)!,
      target: shortNames.get(relatesTo)!,
    })
    shortNames.set(scenario.productId, name)
    relationships.push({
      category,
      full_product_name: { name, product_id: scenario.productId },
      product_reference: productReference,
      relates_to_product_reference: relatesTo,
    })
  }
  return { branches: branchesOf(leaves), relationships }
}

function branchesOf(
  leaves: ReadonlyArray<{ vendor: string; name: string; version: string; product: CsafFullProductName }>,
): CsafBranch[] {
  const vendors: CsafBranch[] = []
  for (const leaf of leaves) {
    let vendor = vendors.find((branch) => branch.name === leaf.vendor)
    if (!vendor) {
      vendor = { category: 'vendor', name: leaf.vendor, branches: [] }
      vendors.push(vendor)
    }
    let name = vendor.branches!.find((branch) => branch.name === leaf.name)
    if (!name) {
      name = { category: 'product_name', name: leaf.name, branches: [] }
      vendor.branches!.push(name)
    }
    name.branches!.push({ category: 'product_version', name: leaf.version, product: leaf.product })
  }
  return vendors
}
