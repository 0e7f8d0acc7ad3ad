/** @module Errors thrown by the knowledge-base loader. */
import { formatProblem, type Problem } from './problem.ts'

/**
 * Thrown by `loadKnowledgeBase` when any file has an error: nothing is half-loaded.
 * `problems` lists every error and warning with its file, line and column.
 *
 * @example
 * try { await loadKnowledgeBase('rules') } catch (error) {
 *   if (error instanceof KnowledgeBaseError) for (const p of error.problems) console.error(formatProblem(p))
 * }
 */
export class KnowledgeBaseError extends Error {
  readonly code = 'KB_E_INVALID_RULES'
  readonly problems: Problem[]

  constructor(problems: Problem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error')
    const first = errors[0]
    super(
      `Expected a valid knowledge base, not one with ${errors.length} error${errors.length === 1 ? '' : 's'}${
        first ? `; first: ${formatProblem(first)}` : ''
      }`,
    )
    this.name = 'KnowledgeBaseError'
    this.problems = problems
  }
}
