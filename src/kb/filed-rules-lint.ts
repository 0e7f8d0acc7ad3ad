/**
 * @module The warnings of a valid rules folder filed beside its validated model, so that a `kb lint` of the same
 * content need not read and validate the folder again: only the checks across articles that `kb check` does not
 * run (decidability) are left to it.
 */
import path from 'node:path'
import { markCacheFileUsed, writeCacheFile } from './cache-dir.ts'
import { asciiJson, readJsonFile } from './cache-json.ts'
import type { FolderEntries } from './compiled-cache.ts'
import { displayPath } from './display-path.ts'
import { readFiledModel } from './filed-model.ts'
import type { KnowledgeBaseModel } from './model.ts'
import { type Problem, sortProblems } from './problem.ts'

/**
 * File what `lintRules(dir)` found in a folder that validated (warnings only) beside its model, with each file
 * relative to the folder: a copy of the same content elsewhere, or a run from another working folder, reads
 * them as that run's `lintRules` would give them (filedRulesLint).
 *
 * @example
 * const { problems, model } = await lintRules(dir); if (model && entries) fileRulesWarnings(entries, dir, problems)
 */
export function fileRulesWarnings(entries: FolderEntries, dir: string, problems: readonly Problem[]): void {
  const absolute = path.resolve(dir)
  const portableProblems = problems.map((problem) => ({
    ...problem,
    file: path.relative(absolute, path.resolve(problem.file)).split(path.sep).join('/'),
  }))
  writeCacheFile(entries.file('warnings', ''), asciiJson(portableProblems))
}

/**
 * What `lintRules(dir)` gives, from the cache: the filed model and the warnings filed with it, each file shown
 * as problems show it from here. Undefined when either is not filed (or not readable).
 *
 * @example
 * const entries = folderEntries(dir); const filed = entries && filedRulesLint(dir, entries)
 */
export function filedRulesLint(
  dir: string,
  entries: FolderEntries,
): { problems: Problem[]; model: KnowledgeBaseModel } | undefined {
  try {
    const absolute = path.resolve(dir)
    // The small file first: without it the model is not wanted.
    const filed = readJsonFile(entries.file('warnings', '')) as Problem[]
    const model = readFiledModel(entries.file('rules', ''), dir)
    if (!model) return undefined
    markCacheFileUsed(entries.file('warnings', ''))
    const problems = filed.map((problem) => ({
      ...problem,
      file: displayPath(path.join(absolute, ...problem.file.split('/'))),
    }))
    // Sorted by the paths as shown from here, as lintRules sorts them.
    return { problems: sortProblems(problems), model }
  } catch {
    return undefined
  }
}
