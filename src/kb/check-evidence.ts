/**
 * @module Log kinds and evidence facts across files: every signature (and article log excerpt) names a
 * registered log kind, and every
 * evidence fact is declared by one article's signatures, so log evidence counts for that article alone.
 */
import type { ValidFile } from './read-files.ts'
import { type Located, type Reporter, uniqueIds } from './reporter.ts'
import type { ArticleFile } from './schema/article.ts'
import type { FactDefinition, FactsFile } from './schema/facts.ts'
import type { LogKind, LogKindsFile } from './schema/log-kinds.ts'
import type { SignaturesFile } from './schema/signatures.ts'
import { suggest } from './suggest.ts'

const LEVELS = ['confirmed', 'partial', 'none'].map((value) => ({ value, aliases: [] }))

/**
 * Collect the log kinds, check the signatures' references to them, and add each article's evidence facts
 * to `facts` (the inventory vocabulary) with `article` set.
 *
 * @example
 * const logKinds = checkEvidence(reporter, files, facts, new Set(['954960']))
 * facts.get('clientSymptom')?.article // '954960'
 */
export function checkEvidence(
  reporter: Reporter,
  files: ValidFile[],
  facts: Map<string, FactDefinition>,
  articleIds: ReadonlySet<string>,
): LogKind[] {
  for (const file of files.filter((candidate) => candidate.kind === 'facts')) {
    ;(file.data as FactsFile).facts.forEach((fact, index) => {
      if (fact.source === 'evidence') {
        reporter.error(
          'KB_INVALID_VALUE',
          `Expected \`${fact.name}\` to be an inventory fact here, not \`source: evidence\`: evidence facts belong to one article and are declared by its signatures (\`fact:\` on a symptom)`,
          { file, path: ['facts', index, 'source'] },
        )
      }
    })
  }

  const logKinds: LogKind[] = []
  const kindId = uniqueIds(reporter, 'log kind')
  for (const file of files.filter((candidate) => candidate.kind === 'logs')) {
    ;(file.data as LogKindsFile).logs.forEach((log, index) => {
      kindId(log.id, { file, path: ['logs', index, 'id'] })
      if (!logKinds.some((known) => known.id === log.id)) logKinds.push(log)
    })
  }
  const kindIds = logKinds.map((log) => log.id)
  const checkKind = (kind: string, at: { file: ValidFile; path: Array<string | number> }) => {
    if (kindIds.includes(kind)) return
    reporter.error(
      'KB_UNKNOWN_REFERENCE',
      kindIds.length === 0
        ? `Expected a log kind of a \`kind: logs\` file, not \`${kind}\`: the rules declare none`
        : `Expected a log kind of the registry (${kindIds.map((id) => `\`${id}\``).join(', ')}), not \`${kind}\`${suggest(kind, kindIds)}`,
      at,
    )
  }
  for (const file of files.filter((candidate) => candidate.kind === 'article')) {
    for (const [id, excerpt] of Object.entries((file.data as ArticleFile).logs ?? {}))
      if (excerpt.log !== undefined) checkKind(excerpt.log, { file, path: ['logs', id, 'log'] })
  }

  // Where each evidence fact was first declared: a position asked only for a problem (it reads the file again).
  const owner = new Map<string, { article: string; at: Located }>()
  for (const file of files.filter((candidate) => candidate.kind === 'signatures')) {
    const signatures = file.data as SignaturesFile
    if (!articleIds.has(signatures.article)) {
      reporter.error(
        'KB_UNKNOWN_REFERENCE',
        `Expected \`article\` to name an article, not \`${signatures.article}\`${suggest(signatures.article, [...articleIds])}`,
        { file, path: ['article'] },
      )
      continue
    }
    const declare = (name: string, type: 'enum' | 'boolean', path: Array<string | number>) => {
      const first = owner.get(name)
      const inventory = facts.get(name)
      if (first && first.article !== signatures.article) {
        reporter.error(
          'KB_DUPLICATE_ID',
          `Expected evidence fact \`${name}\` to belong to one article, not to \`${signatures.article}\` as well as \`${first.article}\` (${reporter.where(first.at)}): name it for this article`,
          { file, path },
        )
      } else if (inventory && !inventory.article) {
        reporter.error(
          'KB_DUPLICATE_ID',
          `Expected an evidence fact name of this article's own, not \`${name}\` of the shared vocabulary`,
          { file, path },
        )
      } else if (first && facts.get(name)?.type !== type) {
        reporter.error(
          'KB_INVALID_VALUE',
          `Expected \`${name}\` to be a ${facts.get(name)?.type} evidence fact here too, not a ${type} one`,
          { file, path },
        )
      } else if (!first) {
        owner.set(name, { article: signatures.article, at: { file, path } })
        facts.set(
          name,
          type === 'enum'
            ? { name, type, source: 'evidence', values: LEVELS, default: 'none', article: signatures.article }
            : { name, type, source: 'evidence', default: false, article: signatures.article },
        )
      }
    }
    signatures.symptoms.forEach((symptom, index) => {
      checkKind(symptom.log, { file, path: ['symptoms', index, 'log'] })
      declare(symptom.fact, 'enum', ['symptoms', index, 'fact'])
    })
    if (signatures.correlation) declare(signatures.correlation.fact, 'boolean', ['correlation', 'fact'])
  }
  return logKinds
}
