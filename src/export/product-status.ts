/** @module From the rules' verdicts to CSAF product status, remediations, threats and product groups. */
import type { ArticleFile } from '../kb/schema/article.ts'
import type { Verdict } from '../kb/schema/verdicts.ts'
import { CsafExportError } from './csaf-export-error.ts'
import type { CsafProductGroup, CsafProductStatus, CsafRemediation, CsafThreat } from './csaf-types.ts'
import type { ProductScenario } from './product-scenarios.ts'

/**
 * How a verdict of the rules reads in CSAF. `unknown` has no status: the export refuses it (see productScenarios).
 *
 * @example
 * statusOfVerdict.not_affected // 'known_not_affected'
 */
const statusOfVerdict = {
  affected: 'known_affected',
  fixed: 'fixed',
  not_affected: 'known_not_affected',
} as const satisfies Record<Exclude<Verdict, 'unknown'>, keyof CsafProductStatus>

/**
 * The localized sentences the vulnerability section needs.
 *
 * @example
 * const texts: StatusTexts = {...strings, rule: (id) => t(`verdicts.rules.${id}`)}
 */
interface StatusTexts {
  vendorFix: string
  restart: string
  upgrade: string
  workaround: string
  vendorFixGroup: string
  workaroundGroup: string
  targetSet: string
  impact: string
  /** The sentence that explains a decision rule (`verdicts.rules.<id>` of the article). */
  rule: (id: string) => string
  /** The article's steps for an affected product, when its fix is a configuration step (no `fix`). */
  steps: string
}

/**
 * The product-status part of the vulnerability: every decided scenario in the list of its verdict, a
 * `vendor_fix` for affected products the fix is for, a `workaround` and an upgrade `vendor_fix` for affected
 * products it is not for, impact threats (the deciding rule's sentence for `known_not_affected` and `fixed`),
 * and a product group for each remediation that covers several products.
 *
 * @example
 * const {product_status} = productStatus(scenarios, article, texts)
 * product_status.known_affected // ['wsus-3.0', …]
 */
export function productStatus(
  scenarios: readonly ProductScenario[],
  article: ArticleFile,
  texts: StatusTexts,
): {
  product_status: CsafProductStatus
  remediations: CsafRemediation[]
  threats: CsafThreat[]
  product_groups: CsafProductGroup[]
} {
  const decided = scenarios.filter(
    (scenario) =>
      scenario.kind !== 'component' && scenario.verdict !== undefined && scenario.verdict !== 'unknown',
  )
  const status: CsafProductStatus = {}
  for (const scenario of decided) {
    const list = statusOfVerdict[scenario.verdict as Exclude<Verdict, 'unknown'>]
    status[list] = [...(status[list] ?? []), scenario.productId]
  }
  if (!status.known_affected && !status.fixed && !status.known_not_affected) {
    throw new CsafExportError(
      `Expected at least one product with a decided verdict in article \`${article.id}\`, not none; check its catalog products and rules`,
    )
  }

  const groups: CsafProductGroup[] = []
  // A remediation for several products points to a group; for one product, to the product itself.
  const target = (groupId: string, summary: string, ids: string[]) => {
    if (ids.length === 1) return { product_ids: ids }
    groups.push({ group_id: groupId, product_ids: ids, summary })
    return { group_ids: [groupId] }
  }
  const affected = decided.filter((scenario) => scenario.verdict === 'affected')
  const { fix, workaround } = article
  const remediations: CsafRemediation[] = []
  if (fix) {
    const fixable = affected.filter((scenario) => fix.products.includes(scenario.core!))
    const otherwise = affected.filter((scenario) => workaround?.products.includes(scenario.core!))
    const url = fix.url === undefined ? {} : { url: fix.url }
    if (fixable.length > 0) {
      remediations.push({
        category: 'vendor_fix',
        details: texts.vendorFix,
        ...(fix.released === undefined ? {} : { date: `${fix.released}T00:00:00.000Z` }),
        ...url,
        ...(fix.restartsServices
          ? { restart_required: { category: 'service', details: texts.restart } }
          : {}),
        ...target(`${fix.id}-fix`, texts.vendorFixGroup, ids(fixable)),
      })
    }
    if (otherwise.length > 0) {
      const where = target(`${fix.id}-workaround`, texts.workaroundGroup, ids(otherwise))
      remediations.push({ category: 'vendor_fix', details: texts.upgrade, ...url, ...where })
      remediations.push({ category: 'workaround', details: texts.workaround, ...where })
    }
  }
  // A fix that is a configuration step or a command: the vendor's documented mitigation, in the article's steps.
  if (!fix && affected.length > 0 && texts.steps !== '')
    remediations.push({ category: 'mitigation', details: texts.steps, product_ids: ids(affected) })

  const threats: CsafThreat[] = []
  if (affected.length > 0) {
    threats.push({ category: 'impact', details: texts.impact, product_ids: ids(affected) })
    threats.push({ category: 'target_set', details: texts.targetSet, product_ids: ids(affected) })
  }
  // Why a product is not affected or fixed: the rule that decided it (a VEX impact statement).
  const byRule = new Map<string, ProductScenario[]>()
  for (const scenario of decided.filter((candidate) => candidate.verdict !== 'affected')) {
    byRule.set(scenario.rule!, [...(byRule.get(scenario.rule!) ?? []), scenario])
  }
  for (const [rule, members] of byRule) {
    threats.push({ category: 'impact', details: texts.rule(rule), product_ids: ids(members) })
  }
  return { product_status: status, remediations, threats, product_groups: groups }
}

function ids(scenarios: readonly ProductScenario[]): string[] {
  return scenarios.map((scenario) => scenario.productId)
}
