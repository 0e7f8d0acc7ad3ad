/** @module The products a CSAF document lists, each with the facts it stands for and the verdict the rules give. */

import { probeValues } from '../engine/completions.ts'
import type { EngineCondition } from '../engine/engine-rules.ts'
import type { Facts } from '../engine/facts.ts'
import { validateFacts } from '../engine/facts.ts'
import { versionThresholds } from '../engine/missing-facts.ts'
import type { ArticleModel } from '../kb/model.ts'
import type { Product } from '../kb/schema/catalog.ts'
import type { LeafCondition } from '../kb/schema/condition.ts'
import type { FactDefinition } from '../kb/schema/facts.ts'
import type { Verdict } from '../kb/schema/verdicts.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { CsafExportError } from './csaf-export-error.ts'

/** CSAF relationship categories this export uses. */
type RelationshipCategory = 'default_component_of' | 'installed_on' | 'installed_with'

/** A product of the CSAF product tree: a catalog product, a component version, or a combination. */
export interface ProductScenario {
  productId: string
  kind: 'product' | 'component' | 'relationship'
  /** The catalog product (kind `product`), or the one the component belongs to (kind `component`). */
  catalogId?: string
  /** The component's file version (kind `component`). */
  version?: string
  relationship?: { category: RelationshipCategory; productReference: string; relatesTo: string }
  /** The article product whose fix or workaround applies (the WSUS version inside a combination). */
  core?: string
  /** The facts the product stands for; absent for a component on its own, which the rules never judge. */
  facts?: Facts
  /** The verdict of the rules for `facts`; `unknown` when they leave it open (then a combination refines it). */
  verdict?: Verdict
  /** The rule that decided the verdict. */
  rule?: string
  /**
   * Facts beyond the product that the verdict depends on (a configuration, a build): the product's status is
   * then the worst verdict over their values, `affected` when any value leaves it affected.
   */
  dependsOn?: string[]
}

/** Most combinations of other facts tried to settle one product; more means the rules need a narrower product. */
const MAX_COMBINATIONS = 1024

/** The product scenarios of one article, and the facts their derivation relied on. */
interface ProductScenarios {
  scenarios: ProductScenario[]
  /** The boolean fact that stands for the article's prerequisite (`office2003OnClients`), true in every scenario; absent without a prerequisite. */
  prerequisiteFact?: string
  /** The version fact the rules compare with the component's fixed version (`webServicesClientDllVersion`); absent without a component. */
  componentFact?: string
}

/**
 * Build the product scenarios of an article from its rules: every catalog product the article names, the
 * component at its unfixed and fixed versions inside its product, and each conditional product combined with
 * every product it may run (`through`). Each scenario's verdict comes from `kb.check`, so the rules decide `product_status`.
 * Throws `CsafExportError` when the rules leave a scenario `unknown` and nothing refines it.
 *
 * @example
 * const {scenarios} = await productScenarios(kb, '954960')
 * scenarios.find((s) => s.productId === 'wsus-3.0')?.verdict // 'affected'
 */
export async function productScenarios(kb: KnowledgeBase, articleId: string): Promise<ProductScenarios> {
  const article = kb.model.articles.find((candidate) => candidate.id === articleId)
  if (!article) {
    throw new CsafExportError(
      `Expected an article of the knowledge base (${kb.articleIds.map((id) => `\`${id}\``).join(', ')}), not \`${articleId}\``,
    )
  }
  const { products, component } = article.article
  const catalog = new Map(kb.model.products.map((product) => [product.id, product]))
  const vocabulary = kb.model.facts
  const prerequisiteFact =
    products.prerequisite === undefined ? undefined : findPrerequisiteFact(vocabulary, products.prerequisite)
  const componentFact = component === undefined ? undefined : findComponentFact(article, component)
  const base: Facts = prerequisiteFact === undefined ? {} : { [prerequisiteFact]: true }
  const judgeOnce = async (facts: Facts | undefined) => {
    const { results } = await kb.check(facts, { article: articleId })
    const result = results[0]!
    return { result, rule: result.reasons.find((reason) => reason.status === 'decided')?.rule }
  }
  const judge = async (scenario: ProductScenario): Promise<ProductScenario> => {
    const { result, rule } = await judgeOnce(scenario.facts)
    return { ...scenario, verdict: result.verdict, ...(rule ? { rule } : {}) }
  }
  const productFactNames = new Set(
    kb.model.products.flatMap((product) => Object.keys(catalogProductFacts(product, vocabulary))),
  )
  const thresholds = versionThresholds(
    kb.checkers.get(articleId)!.rules.map((rule) => rule.json.conditions as EngineCondition),
  )
  /**
   * A product the rules leave `unknown` on its facts alone depends on others (a configuration step, a build):
   * try every value of the facts still missing, unless one of them names a product. Affected under any of them: `affected`; else `fixed` if any
   * is fixed; else `not_affected`. Throws, naming the article, product and facts, when one stays undecided.
   */
  const settle = async (scenario: ProductScenario): Promise<ProductScenario> => {
    const { result } = await judgeOnce(scenario.facts)
    const missing = result.missingFacts
    // A fact that names a product (`wsusVersion`) is not a setting of this one: the rules need another product.
    if (missing.some((name) => productFactNames.has(name))) throw undecided(article.id, scenario, missing)
    let combinations: Facts[] = [{ ...scenario.facts }]
    for (const name of missing) {
      const definition = vocabulary.find((candidate) => candidate.name === name)!
      const values = probeValues(definition, thresholds.get(name) ?? [])
      combinations = combinations.flatMap((facts) => values.map((value) => ({ ...facts, [name]: value })))
      if (values.length === 0 || combinations.length > MAX_COMBINATIONS)
        throw undecided(article.id, scenario, missing)
    }
    const outcomes = await Promise.all(combinations.map(judgeOnce))
    if (missing.length === 0 || outcomes.some(({ result: outcome }) => outcome.verdict === 'unknown'))
      throw undecided(article.id, scenario, missing)
    const worst = (['affected', 'fixed', 'not_affected'] as const).find((verdict) =>
      outcomes.some(({ result: outcome }) => outcome.verdict === verdict),
    )!
    const rule = outcomes.find(({ result: outcome }) => outcome.verdict === worst)!.rule
    return { ...scenario, verdict: worst, dependsOn: missing, ...(rule ? { rule } : {}) }
  }

  const scenarios: ProductScenario[] = []
  const named = new Set([
    ...products.appliesTo,
    ...products.affected,
    ...products.notAffected,
    ...(article.article.fix?.products ?? []),
    ...(article.article.workaround?.products ?? []),
    ...products.conditional.flatMap((entry) => entry.through),
    ...(component ? [component.product] : []),
  ])
  // Status-bearing scenarios per article product: the product itself, or the combinations that refine it.
  const statusOf = new Map<string, ProductScenario[]>()
  for (const product of kb.model.products.filter((candidate) => named.has(candidate.id))) {
    const own = await judge({
      productId: product.id,
      kind: 'product',
      catalogId: product.id,
      core: product.id,
      facts: { ...catalogProductFacts(product, vocabulary), ...base },
    })
    scenarios.push(own)
    if (own.verdict !== 'unknown') {
      statusOf.set(product.id, [own])
      continue
    }
    if (component === undefined || componentFact === undefined || product.id !== component.product) {
      const settled = await settle(own)
      scenarios[scenarios.length - 1] = settled
      statusOf.set(product.id, [settled])
      continue
    }
    const refined: ProductScenario[] = []
    const values = article.article.values
    for (const version of [component.unfixedVersion, component.fixedVersion].map((name) =>
      String(values[name]),
    )) {
      const componentId = `${component.id}-${version}`
      scenarios.push({ productId: componentId, kind: 'component', catalogId: product.id, version })
      const combination = await judge({
        productId: `${componentId}:${product.id}`,
        kind: 'relationship',
        relationship: {
          category: 'default_component_of',
          productReference: componentId,
          relatesTo: product.id,
        },
        core: product.id,
        facts: { ...own.facts, [componentFact]: version },
      })
      refined.push(combination.verdict === 'unknown' ? await settle(combination) : combination)
    }
    scenarios.push(...refined)
    statusOf.set(product.id, refined)
  }

  for (const { product: platformId, through } of products.conditional) {
    const platform = requireProduct(catalog, platformId)
    scenarios.push({
      productId: platform.id,
      kind: 'product',
      catalogId: platform.id,
      facts: { ...catalogProductFacts(platform, vocabulary), ...base },
    })
    const platformFacts = catalogProductFacts(platform, vocabulary)
    const derivations = derivationsFor(article, platformFacts)
    // A platform whose rules say which version of the product it ships runs that product: `installed_on`.
    const category: RelationshipCategory = derivations.length > 0 ? 'installed_on' : 'installed_with'
    // Every product the platform may run, each with its own status-bearing scenarios (the DLL versions of SP1).
    for (const core of through) {
      for (const inner of statusOf.get(core) ?? []) {
        const combination = await judge({
          productId: `${inner.productId}:${platform.id}`,
          kind: 'relationship',
          relationship: { category, productReference: inner.productId, relatesTo: platform.id },
          core,
          facts: { ...inner.facts, ...platformFacts, ...base },
        })
        scenarios.push(combination.verdict === 'unknown' ? await settle(combination) : combination)
      }
    }
    // The platform as shipped: the derivation's own conditions, so the derived fact is the rules' doing.
    for (const derivation of derivations) {
      const shipped = kb.model.products.find((candidate) => {
        const facts = catalogProductFacts(candidate, vocabulary)
        return Object.entries(derivation.set).every(([name, value]) => facts[name] === value)
      })
      if (!shipped) continue
      if (!scenarios.some((scenario) => scenario.productId === shipped.id)) {
        scenarios.push({ productId: shipped.id, kind: 'product', catalogId: shipped.id, core: shipped.id })
      }
      const combination = await judge({
        productId: `${shipped.id}:${platform.id}`,
        kind: 'relationship',
        relationship: { category: 'installed_on', productReference: shipped.id, relatesTo: platform.id },
        core: shipped.id,
        facts: { ...derivation.facts, ...base },
      })
      scenarios.push(combination.verdict === 'unknown' ? await settle(combination) : combination)
    }
  }
  // The bare platform is judged only to be refined; it carries no status of its own.
  for (const scenario of scenarios) {
    if (scenario.kind === 'product' && scenario.verdict === undefined && scenario.facts) {
      const judged = await judge(scenario)
      Object.assign(scenario, judged)
    }
  }
  return {
    scenarios,
    ...(prerequisiteFact === undefined ? {} : { prerequisiteFact }),
    ...(componentFact === undefined ? {} : { componentFact }),
  }
}

/**
 * The facts a catalog product stands for: each enum fact of the vocabulary whose value or alias is the
 * product's short name, its name with version, or its name (`WSUS 3.0 SP1` → `wsusVersion: 3.0 SP1`).
 *
 * @example
 * catalogProductFacts({shortName: 'Windows SBS 2003', name: 'Windows Small Business Server', version: '2003', ...}, facts)
 * // {product: 'sbs2003'}
 */
function catalogProductFacts(product: Product, vocabulary: readonly FactDefinition[]): Facts {
  const facts: Facts = {}
  const candidates = [product.shortName, `${product.name} ${product.version}`, product.name]
  for (const definition of vocabulary) {
    if (definition.type !== 'enum' || definition.source === 'evidence') continue
    for (const candidate of candidates) {
      const { facts: parsed, errors } = validateFacts({ [definition.name]: candidate }, [definition])
      const value = parsed[definition.name]
      if (errors.length === 0 && value !== undefined) {
        facts[definition.name] = value
        break
      }
    }
  }
  return facts
}

// The prerequisite `office-2003` is the boolean fact named after it (`office2003OnClients`).
function findPrerequisiteFact(vocabulary: readonly FactDefinition[], prerequisite: string): string {
  const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '')
  const match = vocabulary.find(
    (definition) =>
      definition.type === 'boolean' && compact(definition.name).startsWith(compact(prerequisite)),
  )
  if (!match) {
    throw new CsafExportError(
      `Expected a boolean fact named after the prerequisite \`${prerequisite}\` (such as \`${compact(prerequisite)}OnClients\`) in rules/facts.yaml, not none; add it so the export knows which fact stands for the prerequisite`,
    )
  }
  return match.name
}

// The fact the rules compare with the component's fixed version (its named value) is the component's version.
function findComponentFact(article: ArticleModel, component: { fixedVersion: string }): string {
  for (const rule of article.verdicts.rules) {
    const leaf = leaves(rule.when).find((candidate) => candidate.valueRef === component.fixedVersion)
    if (leaf) return leaf.fact
  }
  throw new CsafExportError(
    `Expected a verdict rule of article \`${article.id}\` that compares a fact with \`valueRef: ${component.fixedVersion}\` (the component's fixed version), not none; the export needs it to judge the component's versions`,
  )
}

// Derivations whose conditions name the platform (`product: sbs2003`), with the equality facts they need.
function derivationsFor(article: ArticleModel, platformFacts: Facts) {
  return article.verdicts.derive.flatMap((derivation) => {
    const conditions = leaves(derivation.when)
    const namesPlatform = conditions.some(
      (leaf) => leaf.operator === 'equal' && platformFacts[leaf.fact] === leaf.value,
    )
    if (!namesPlatform || conditions.some((leaf) => leaf.operator !== 'equal')) return []
    const facts: Facts = {}
    for (const leaf of conditions) facts[leaf.fact] = leaf.value as string | boolean
    return [{ id: derivation.id, facts, set: derivation.set }]
  })
}

function leaves(condition: unknown): LeafCondition[] {
  if (!condition || typeof condition !== 'object') return []
  const node = condition as Record<string, unknown>
  if (Array.isArray(node.all)) return node.all.flatMap(leaves)
  if (Array.isArray(node.any)) return node.any.flatMap(leaves)
  if (node.not) return leaves(node.not)
  return [node as unknown as LeafCondition]
}

function requireProduct(catalog: Map<string, Product>, id: string): Product {
  const product = catalog.get(id)
  if (!product)
    throw new CsafExportError(`Expected \`${id}\` in rules/catalog/products.yaml, not a missing product`)
  return product
}

function undecided(
  article: string,
  scenario: ProductScenario,
  missing: readonly string[] = [],
): CsafExportError {
  const facts = JSON.stringify(scenario.facts ?? {})
  const still =
    missing.length === 0 ? '' : ` and with every value of ${missing.map((name) => `\`${name}\``).join(', ')}`
  return new CsafExportError(
    `Expected the rules of article \`${article}\` to decide product \`${scenario.productId}\` with facts ${facts}${still}, not \`unknown\`; add a verdict rule for it or a relationship that refines it, since CSAF would otherwise list it as under_investigation`,
    { article, product: scenario.productId, facts: scenario.facts ?? {}, missingFacts: [...missing] },
  )
}
