/** @module The error thrown for facts that do not fit the vocabulary. */
import type { FactProblem } from './facts.ts'

/**
 * Thrown by `kb.check()` when a fact has the wrong type or value. `problems` names each fact and the
 * values it accepts.
 *
 * @example
 * try { await kb.check({wsusVersion: '3.1'}) } catch (error) {
 *   if (error instanceof FactsError) console.error(error.problems[0].message)
 *   // Expected `wsusVersion` to be one of `2.0`, `3.0`, `3.0 SP1`, `3.0 SP2`, not `3.1`
 * }
 */
export class FactsError extends Error {
  readonly code = 'KB_E_INVALID_FACTS'
  readonly problems: FactProblem[]

  constructor(problems: FactProblem[]) {
    super(problems.map((problem) => problem.message).join('; '))
    this.name = 'FactsError'
    this.problems = problems
  }
}
