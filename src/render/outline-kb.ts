/** @module The outline of the KB article, after the structure of the nl and pl seeds. */
import type { ArticleFile } from '../kb/schema/article.ts'
import type { Outline, OutlineBlock } from './outline.ts'

/**
 * The workaround procedure: numbered steps, the detection sub-steps numbered too, the others bulleted.
 *
 * @example
 * const blocks: OutlineBlock[] = [{kind: 'heading', key: 'common:kb.workaround'}, workaroundSteps]
 */
export const workaroundSteps: OutlineBlock = {
  kind: 'procedure',
  id: 'workaround',
  ordered: true,
  orderedSteps: ['detect'],
}

/**
 * The known issues of the update (`kb.knownIssues.<id>`), each followed by its procedure when it has one
 * (the file-version check).
 *
 * @example
 * knownIssuesList(article).items.map((item) => item.key) // ['kb.knownIssues.services-restart', …]
 */
export function knownIssuesList(article: ArticleFile): Extract<OutlineBlock, { kind: 'list' }> {
  return {
    kind: 'list',
    items: article.knownIssues.map((issue) => ({
      key: `kb.knownIssues.${issue.id}`,
      followedBy: issue.procedure
        ? [{ kind: 'procedure', id: issue.procedure, ordered: true } as OutlineBlock]
        : [],
    })),
  }
}

/**
 * Title; technical update; pointer to the advisory; Symptoms (versions, the note with the other products,
 * client log, server log, how to find the ID); Cause; Resolution (SP1 steps with the x86 and x64 packages
 * and the release date; RTM); Workaround (every step with its sub-steps); More information (known issues,
 * with the version check); Status; Properties; Applies to.
 *
 * @example
 * assemble(kbOutline({article, products}), {article, products}, localizer)
 */
export const kbOutline: Outline = ({ article }): OutlineBlock[] => {
  const kb = article.kb
  // Lines whose facts the article lacks are left out, never printed with an empty value.
  const when = (present: unknown, block: OutlineBlock): OutlineBlock[] =>
    present === undefined ? [] : [block]
  return [
    { kind: 'heading', depth: 1, key: 'kb.title' },
    ...when(kb?.technicalUpdate, {
      kind: 'text',
      key: 'common:kb.technicalUpdate',
      params: { date: kb?.technicalUpdate ?? '' },
    }),
    { kind: 'text', key: 'kb.advisory' },
    { kind: 'heading', depth: 2, key: 'common:kb.symptoms' },
    { kind: 'text', key: 'kb.symptoms.intro' },
    { kind: 'text', key: 'kb.symptoms.note' },
    {
      kind: 'list',
      items: article.products.conditional.map((entry) => ({
        key: `kb.symptoms.conditional.${entry.product}`,
      })),
    },
    { kind: 'text', key: 'kb.symptoms.seeAdvisory' },
    { kind: 'text', key: 'kb.symptoms.clientLog' },
    { kind: 'log', log: 'client', timestamps: false },
    { kind: 'text', key: 'kb.symptoms.clientLogPhase' },
    { kind: 'text', key: 'kb.symptoms.serverLog' },
    { kind: 'log', log: 'server', timestamps: false },
    { kind: 'text', key: 'kb.symptoms.findId' },
    { kind: 'heading', depth: 2, key: 'common:kb.cause' },
    { kind: 'text', key: 'kb.cause' },
    { kind: 'heading', depth: 2, key: 'common:kb.resolution' },
    { kind: 'heading', depth: 3, key: 'procedures.resolve-sp1.heading' },
    {
      kind: 'procedure',
      id: 'resolve-sp1',
      ordered: true,
      after: {
        'install-update': [
          { kind: 'text', key: 'kb.resolution.released' },
          { kind: 'text', key: 'kb.resolution.downloadHelp' },
          { kind: 'text', key: 'kb.resolution.virusScan' },
        ],
      },
    },
    { kind: 'heading', depth: 3, key: 'procedures.resolve-rtm.heading' },
    { kind: 'text', key: 'procedures.resolve-rtm.intro' },
    { kind: 'procedure', id: 'resolve-rtm', ordered: false },
    { kind: 'heading', depth: 2, key: 'common:kb.workaround' },
    { kind: 'text', key: 'kb.workaround' },
    workaroundSteps,
    { kind: 'heading', depth: 2, key: 'common:kb.moreInformation' },
    { kind: 'heading', depth: 3, key: 'common:kb.knownIssues' },
    knownIssuesList(article),
    { kind: 'heading', depth: 2, key: 'common:kb.status' },
    { kind: 'text', key: 'kb.status' },
    { kind: 'heading', depth: 2, key: 'common:kb.properties' },
    ...when(kb?.lastReview && kb.revision, {
      kind: 'text',
      key: 'common:kb.propertiesLine',
      params: { articleId: kb?.number ?? '', lastReview: kb?.lastReview ?? '', revision: kb?.revision ?? '' },
    }),
    { kind: 'heading', depth: 2, key: 'common:kb.appliesTo' },
    { kind: 'products', ids: article.products.appliesTo },
    ...when(kb?.keywords.length ? kb : undefined, {
      kind: 'text',
      key: 'common:kb.keywords',
      params: { keywords: kb?.keywords.join(' ') ?? '' },
    }),
  ]
}
