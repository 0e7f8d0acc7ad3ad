/** @module Invalid facts as the API's problem: one mapping for every route that takes facts. */
import { FactsError } from '../engine/facts-error.ts'
import { HttpProblem } from './problem.ts'

/**
 * `KB_HTTP_INVALID_FACTS` (422, with the first invalid `fact` and every problem) for a `FactsError`; any
 * other error unchanged, for the app's error handler. Meant for `catch (error) { throw asFactsProblem(error) }`.
 *
 * @example
 * try { await kb.check({wsusVersion: '3.1'}) } catch (error) { throw asFactsProblem(error) }
 * // HttpProblem KB_HTTP_INVALID_FACTS: Expected `wsusVersion` to be one of `2.0`, `3.0`, `3.0 SP1`, `3.0 SP2`, not `3.1`
 */
export function asFactsProblem(error: unknown): unknown {
  if (!(error instanceof FactsError)) return error
  return new HttpProblem('KB_HTTP_INVALID_FACTS', error.message, {
    fact: error.problems[0]?.fact,
    problems: error.problems,
  })
}
