/** @module Build a CSAF 2.0 security advisory for one article and language from the rules and the locales. */
import { readFileSync } from 'node:fs'
import type { Resource } from 'i18next'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { articleValues } from '../render/article-values.ts'
import { createI18n, type Language } from '../render/i18n.ts'
import { localizedProducts } from '../render/localized-catalog.ts'
import { Localizer } from '../render/localizer.ts'
import { toPlainText } from '../render/plain-text.ts'
import { loadRenderResources } from '../render/renderer.ts'
import { CsafExportError } from './csaf-export-error.ts'
import { csafUrl, sortKeys } from './csaf-files.ts'
import { csafNotes } from './csaf-notes.ts'
import type { CsafDocument, CsafReference } from './csaf-types.ts'
import { productScenarios } from './product-scenarios.ts'
import { productStatus } from './product-status.ts'
import { productTree } from './product-tree.ts'

const { version: engineVersion } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string }

/**
 * The language of the original document; every other language is a translation of it.
 *
 * @example
 * lang === csafSourceLanguage ? 'original' : 'translation'
 */
const csafSourceLanguage: Language = 'en'

/**
 * Who issues the documents. kb-advisor republishes Microsoft's advisory, so it is not the `vendor`.
 *
 * @example
 * buildCsaf(kb, {article: '954960', lang: 'en', publisher: {...defaultCsafPublisher, namespace: 'https://example.org'}})
 */
const defaultCsafPublisher = { name: 'kb-advisor', namespace: 'https://kb-advisor.invalid' }

/**
 * Where the documents are published (a folder per year below it). Override it for a real deployment.
 *
 * @example
 * buildCsaf(kb, {article: '954960', lang: 'nl', baseUrl: 'https://example.org/csaf/'})
 */
export const defaultCsafBaseUrl = 'https://kb-advisor.invalid/csaf/'

/**
 * Options of `buildCsaf`.
 *
 * @example
 * const options: CsafOptions = {article: '954960', lang: 'pl'}
 */
export interface CsafOptions {
  article: string
  lang: Language
  /** The locales (default: the project's `locales/`). */
  resources?: Resource
  /** The publication folder of the canonical URLs (default `defaultCsafBaseUrl`). */
  baseUrl?: string
  publisher?: { name: string; namespace: string }
}

/**
 * The tracking id of an article's document: `KBA-<article>` for the original, `-<lang>` appended for a
 * translation (§3.2.1.12.4 asks translations for their own id).
 *
 * @example
 * csafTrackingId('954960', 'nl') // 'KBA-954960-nl'
 */
export function csafTrackingId(article: string, lang: Language): string {
  return lang === csafSourceLanguage ? `KBA-${article}` : `KBA-${article}-${lang}`
}

/**
 * Build the `csaf_security_advisory` of an article in one language. Product status, remediations and threats
 * come from the verdicts of the rules (see `productScenarios`); notes, references and revision summaries from
 * the article's localized strings. A language other than English is a translation: `source_lang: en`,
 * publisher category `translator`, its own tracking id and the original as first reference.
 * Keys are sorted as the validator's test 6.2.13 wants. Throws `CsafExportError` when the rules leave a
 * product undecided or a string is missing.
 *
 * @example
 * const doc = await buildCsaf(await loadKnowledgeBase(), {article: '954960', lang: 'nl'})
 * doc.document.tracking.id // 'KBA-954960-nl'
 */
export async function buildCsaf(kb: KnowledgeBase, options: CsafOptions): Promise<CsafDocument> {
  const { scenarios } = await productScenarios(kb, options.article)
  const model = kb.model.articles.find((candidate) => candidate.id === options.article)!
  const article = model.article
  const resources = options.resources ?? (await loadRenderResources())
  // Notes and product names as the document's language writes them; product ids stay the catalog's.
  const catalog = localizedProducts(kb.model.products, resources, options.lang)
  const product = (id: string) => catalog.find((candidate) => candidate.id === id)!
  const { advisory, kb: kbArticle, fix, workaround, component } = article
  const prerequisite = article.products.prerequisite
  const shortNames = (ids: readonly string[]) => ids.map((id) => product(id).shortName).join(', ')
  // Only the values the article has, as for the documents.
  const values: Record<string, string | string[]> = {
    ...articleValues(article, catalog, options.lang),
    vendor: product(article.products.affected[0]!).vendor,
    ...(prerequisite && {
      prerequisite: product(prerequisite).shortName,
      prerequisiteFullName: product(prerequisite).name,
    }),
    ...(fix && { fixProducts: shortNames(fix.products) }),
    ...(workaround && { workaroundProducts: shortNames(workaround.products) }),
    ...(component && { componentProduct: product(component.product).shortName }),
    ...(fix?.architectures && { architectures: fix.architectures.join(', ') }),
  }
  const lang = options.lang
  const translated = lang !== csafSourceLanguage
  const strings = await createI18n(resources, lang)
  const localizer = await Localizer.create(resources, lang, options.article, values)
  const csaf = (key: string, params: Record<string, string> = {}): string => {
    // An article may word a string its own way (`csaf.<key>` in its namespace): a configuration step as its
    // fix, its own impact, how its status was determined. The shared strings describe an update fix.
    if (localizer.has(`csaf.${key}`)) return text(`csaf.${key}`, params)
    if (!strings.exists(key, { ns: 'csaf' })) {
      throw new CsafExportError(`Expected the key \`${key}\` in locales/en/csaf.yaml, not a missing string`)
    }
    return strings.t(key, { ...values, ...params, ns: 'csaf' }) as string
  }
  const text = (key: string, params: Record<string, string> = {}) => {
    if (!localizer.has(key)) {
      throw new CsafExportError(
        `Expected the key \`${key}\` in locales/en/${key.startsWith('common:') ? 'common' : options.article}.yaml, not a missing string`,
      )
    }
    return toPlainText({ type: 'root', children: localizer.blocks(key, params) }).trim()
  }

  const baseUrl = options.baseUrl ?? defaultCsafBaseUrl
  const trackingId = csafTrackingId(options.article, lang)
  const originalId = csafTrackingId(options.article, csafSourceLanguage)
  const date = (day: string) => `${day}T00:00:00.000Z`
  // The newest dated source stands in for an article that has no document dates of its own.
  const sourceDate = article.sources
    .flatMap((source) => (source.date === undefined ? [] : [source.date]))
    .sort()
    .at(-1)
  const published =
    advisory?.published ?? kbArticle?.technicalUpdate ?? kbArticle?.lastReview ?? fix?.released ?? sourceDate
  if (published === undefined) {
    throw new CsafExportError(
      `Expected a date for article \`${options.article}\` (\`advisory.published\`, \`kb.technicalUpdate\`, \`kb.lastReview\`, \`fix.released\` or a dated source), not none; declare one in its article.yaml`,
    )
  }
  const updated = advisory?.updated ?? kbArticle?.lastReview ?? published
  // Without an advisory the KB article speaks for the document.
  const subtitle = () => (advisory ? text('advisory.subtitle') : text('kb.title'))
  const references: CsafReference[] = []
  if (translated) {
    references.push({
      category: 'external',
      summary: csaf('reference.original'),
      url: csafUrl(baseUrl, published, originalId),
    })
  }
  references.push({
    category: 'self',
    summary: csaf('reference.self'),
    url: csafUrl(baseUrl, published, trackingId),
  })
  for (const reference of article.references) {
    if (reference.relation !== 'self' && reference.relation !== 'source' && reference.relation !== 'related')
      continue
    const document = csaf(`reference.kind.${reference.kind}`, { number: reference.number ?? '' })
    references.push({
      category: 'external',
      summary: csaf(`reference.relation.${reference.relation}`, { document }),
      url: reference.url,
    })
  }

  const revisions = [...(advisory?.revisions ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  const history = revisions.map((revision) => ({
    date: revision.date,
    summary: () => text(`advisory.revisions.${revision.id}`, { date: revision.date }),
  }))
  if (history.length === 0) history.push({ date: published, summary: subtitle })
  const tree = productTree(scenarios, catalog, article, (category, names) =>
    csaf(`relationship.${category}`, names),
  )
  const status = productStatus(scenarios, article, {
    vendorFix: csaf('remediation.vendorFix'),
    restart: csaf('remediation.restart'),
    upgrade: csaf('remediation.upgrade'),
    workaround: csaf('remediation.workaround'),
    vendorFixGroup: csaf('group.vendorFix'),
    workaroundGroup: csaf('group.workaround'),
    targetSet: csaf('threat.targetSet'),
    impact: csaf('threat.impact'),
    rule: (id) => text(`verdicts.rules.${id}`),
    steps: model.verdicts.actions
      .filter((action) => action.verdicts.includes('affected'))
      .map((action) => text(`verdicts.actions.${action.id}`))
      .join(' '),
  })
  const notes = csafNotes({ article, resources, articleId: options.article, csaf, text, localizer })
  if (translated)
    notes.document.push({
      category: 'general',
      title: csaf('note.translationTitle'),
      text: csaf('note.translation', { originalId }),
    })

  const ids = [
    ...(advisory ? [{ system_name: advisory.idSystem, text: advisory.number }] : []),
    ...(kbArticle ? [{ system_name: kbArticle.idSystem, text: `KB${kbArticle.number}` }] : []),
  ]
  const document: CsafDocument = {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      distribution: { tlp: { label: 'WHITE' } },
      lang,
      ...(translated ? { source_lang: csafSourceLanguage } : {}),
      notes: notes.document,
      publisher: {
        category: translated ? 'translator' : 'other',
        ...(options.publisher ?? defaultCsafPublisher),
      },
      references,
      title: advisory
        ? csaf('title', { advisoryTitle: text('common:advisory.title'), subtitle: subtitle() })
        : subtitle(),
      tracking: {
        current_release_date: date(updated),
        generator: { engine: { name: 'kb-advisor', version: engineVersion } },
        id: trackingId,
        initial_release_date: date(published),
        revision_history: history.map((revision, index) => ({
          date: date(revision.date),
          number: String(index + 1),
          summary: revision.summary(),
        })),
        status: 'final',
        version: String(history.length),
      },
    },
    product_tree: {
      branches: tree.branches,
      ...(status.product_groups.length > 0 ? { product_groups: status.product_groups } : {}),
      ...(tree.relationships.length > 0 ? { relationships: tree.relationships } : {}),
    },
    vulnerabilities: [
      {
        ...(ids.length > 0 ? { ids } : {}),
        notes: notes.vulnerability,
        product_status: status.product_status,
        release_date: date(published),
        ...(status.remediations.length > 0 && { remediations: status.remediations }),
        threats: status.threats,
        title: subtitle(),
      },
    ],
  }
  return sortKeys(document)
}
