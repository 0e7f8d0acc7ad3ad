/** @module The outline of the security advisory, after the structure of the nl and nb seeds. */
import type { Outline, OutlineBlock } from './outline.ts'
import { knownIssuesList, workaroundSteps } from './outline-kb.ts'

/** The FAQ entries of the advisory, in the order of the seeds (`advisory.faq.<id>.question|answer`). */
const advisoryFaq = [
  'scope',
  'microsoft-update',
  'rerelease',
  'all-versions',
  'am-i-affected',
  'security-update',
  'products',
  'contradiction',
] as const

/** The resource bullets of "Other information" (`common:advisory.resourceItems.<id>`). */
const advisoryResources = ['feedback', 'support', 'international', 'technet'] as const

/**
 * Title and subtitle; published/updated; introduction; General information (purpose, status,
 * recommendation, references table, affected software table); FAQ (every question, the log entries with
 * their real timestamps); Suggested actions (with the workaround steps and the known issues of the KB
 * article, so the advisory stands alone); Other information (resources, disclaimer, revisions).
 *
 * @example
 * assemble(advisoryOutline({article, products}), {article, products}, localizer)
 */
export const advisoryOutline: Outline = ({ article }) => {
  // The renderer offers this outline only for an article with an advisory.
  const advisory = article.advisory!
  const faq = advisoryFaq.flatMap((id): OutlineBlock[] => [
    { kind: 'question', key: `advisory.faq.${id}.question` },
    { kind: 'text', key: `advisory.faq.${id}.answer` },
    ...(id === 'am-i-affected'
      ? ([
          {
            kind: 'list',
            items: [
              {
                key: 'advisory.faq.am-i-affected.clientLog',
                followedBy: [{ kind: 'log', log: 'client', timestamps: true }],
              },
              {
                key: 'advisory.faq.am-i-affected.serverLog',
                followedBy: [{ kind: 'log', log: 'server', timestamps: true }],
              },
            ],
          },
        ] satisfies OutlineBlock[])
      : []),
  ])
  return [
    {
      kind: 'heading',
      depth: 1,
      key: 'common:advisory.title',
      params: { advisoryNumber: advisory.number },
    },
    { kind: 'heading', depth: 2, key: 'advisory.subtitle' },
    {
      kind: 'text',
      key: 'common:advisory.dates',
      params: { published: advisory.published, updated: advisory.updated },
    },
    { kind: 'text', key: 'advisory.intro' },
    { kind: 'text', key: 'advisory.related' },
    { kind: 'text', key: 'advisory.verify' },
    { kind: 'text', key: 'advisory.uninstall' },
    { kind: 'heading', depth: 2, key: 'common:advisory.generalInformation' },
    { kind: 'heading', depth: 3, key: 'common:advisory.overview' },
    { kind: 'text', key: 'advisory.general.purpose' },
    { kind: 'text', key: 'advisory.general.notVulnerability' },
    { kind: 'text', key: 'advisory.general.status' },
    { kind: 'text', key: 'advisory.general.recommendation' },
    {
      kind: 'table',
      header: [{ key: 'common:advisory.referencesColumn' }, { key: 'common:advisory.identificationColumn' }],
      rows: article.kb
        ? [[{ key: 'common:advisory.kbArticle' }, { link: { text: article.kb.number, url: article.kb.url } }]]
        : [],
    },
    { kind: 'text', key: 'common:advisory.softwareIntro' },
    {
      kind: 'table',
      header: [{ key: 'common:advisory.softwareColumn' }],
      rows: article.products.affected.map((product) => [{ product }]),
    },
    { kind: 'heading', depth: 2, key: 'common:advisory.faq' },
    ...faq,
    { kind: 'heading', depth: 2, key: 'common:advisory.suggestedActions' },
    { kind: 'text', key: 'advisory.actions.review' },
    { kind: 'text', key: 'advisory.actions.install' },
    // Not in the seeds, which link to the KB article for these: a reader of the advisory alone needs them.
    { kind: 'heading', depth: 3, key: 'common:kb.workaround' },
    { kind: 'text', key: 'kb.workaround' },
    workaroundSteps,
    { kind: 'heading', depth: 3, key: 'common:kb.knownIssues' },
    knownIssuesList(article),
    { kind: 'heading', depth: 2, key: 'common:advisory.otherInformation' },
    { kind: 'text', key: 'common:advisory.resources' },
    { kind: 'list', items: advisoryResources.map((id) => ({ key: `common:advisory.resourceItems.${id}` })) },
    { kind: 'text', key: 'common:advisory.disclaimerHeading' },
    { kind: 'text', key: 'common:advisory.disclaimer' },
    { kind: 'text', key: 'common:advisory.revisions' },
    {
      kind: 'list',
      items: advisory.revisions.map((revision) => ({
        key: `advisory.revisions.${revision.id}`,
        params: { date: revision.date },
      })),
    },
  ]
}
