/** @module Build a CSAF 2.0 security advisory for one article and language from the rules and the locales. */
import { readFileSync } from 'node:fs'
import type { Resource } from 'i18next'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { articleValues } from '../render/article-values.ts'
import { createI18n, type Language, loadResources } from '../render/i18n.ts'
import { Localizer } from '../render/localizer.ts'
import { toPlainText } from '../render/plain-text.ts'
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
  const catalog = kb.model.products
  const product = (id: string) => catalog.find((candidate) => candidate.id === id)!
  const resources = options.resources ?? (await loadResources())
  const values = {
    ...articleValues(article, catalog),
    vendor: product(article.products.affected[0]!).vendor,
    prerequisite: product(article.products.prerequisite).shortName,
    prerequisiteFullName: product(article.products.prerequisite).name,
    fixProducts: article.fix.products.map((id) => product(id).shortName).join(', '),
    workaroundProducts: article.workaround.products.map((id) => product(id).shortName).join(', '),
    componentProduct: product(article.component.product).shortName,
    architectures: article.fix.architectures.join(', '),
  }
  const lang = options.lang
  const translated = lang !== csafSourceLanguage
  const strings = await createI18n(resources, lang)
  const csaf = (key: string, params: Record<string, string> = {}): string => {
    if (!strings.exists(key, { ns: 'csaf' })) {
      throw new CsafExportError(`Expected the key \`${key}\` in locales/en/csaf.yaml, not a missing string`)
    }
    return strings.t(key, { ...values, ...params, ns: 'csaf' }) as string
  }
  const localizer = await Localizer.create(resources, lang, options.article, values)
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
  const references: CsafReference[] = []
  if (translated) {
    references.push({
      category: 'external',
      summary: csaf('reference.original'),
      url: csafUrl(baseUrl, article.advisory.published, originalId),
    })
  }
  references.push({
    category: 'self',
    summary: csaf('reference.self'),
    url: csafUrl(baseUrl, article.advisory.published, trackingId),
  })
  for (const reference of article.references) {
    if (reference.relation !== 'self' && reference.relation !== 'source' && reference.relation !== 'related')
      continue
    const document =
      reference.kind === 'advisory' || reference.kind === 'kb'
        ? csaf(`reference.kind.${reference.kind}`, { number: reference.number ?? '' })
        : ''
    references.push({
      category: 'external',
      summary: csaf(`reference.relation.${reference.relation}`, { document }),
      url: reference.url,
    })
  }

  const revisions = [...article.advisory.revisions].sort((a, b) => a.date.localeCompare(b.date))
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
  })
  const notes = csafNotes({ article, resources, articleId: options.article, csaf, text, localizer })
  if (translated)
    notes.document.push({
      category: 'general',
      title: csaf('note.translationTitle'),
      text: csaf('note.translation', { originalId }),
    })

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
      title: csaf('title', {
        advisoryTitle: text('common:advisory.title'),
        subtitle: text('advisory.subtitle'),
      }),
      tracking: {
        current_release_date: date(article.advisory.updated),
        generator: { engine: { name: 'kb-advisor', version: engineVersion } },
        id: trackingId,
        initial_release_date: date(article.advisory.published),
        revision_history: revisions.map((revision, index) => ({
          date: date(revision.date),
          number: String(index + 1),
          summary: text(`advisory.revisions.${revision.id}`, { date: revision.date }),
        })),
        status: 'final',
        version: String(revisions.length),
      },
    },
    product_tree: {
      branches: tree.branches,
      ...(status.product_groups.length > 0 ? { product_groups: status.product_groups } : {}),
      ...(tree.relationships.length > 0 ? { relationships: tree.relationships } : {}),
    },
    vulnerabilities: [
      {
        ids: [
          { system_name: article.advisory.idSystem, text: article.advisory.number },
          { system_name: article.kb.idSystem, text: `KB${article.kb.number}` },
        ],
        notes: notes.vulnerability,
        product_status: status.product_status,
        release_date: date(article.advisory.published),
        remediations: status.remediations,
        threats: status.threats,
        title: text('advisory.subtitle'),
      },
    ],
  }
  return sortKeys(document)
}
