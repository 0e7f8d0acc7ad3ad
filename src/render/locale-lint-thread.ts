/**
 * @module The translation QA of a rules folder in a worker thread, beside the rules checks on the main thread:
 * the two take about the same time at a thousand articles, and the second core is otherwise idle.
 */
import type { Problem } from '../kb/problem.ts'
import { startWorker } from '../start-worker.ts'
import type { LocaleLintReply } from './locale-lint-worker.ts'

/** A lint of translations under way in a worker thread. */
export interface LocaleLintThread {
  /**
   * The problems, equal to `lintLocalesFor({rules})`; undefined when the worker could not load a valid model of
   * the rules. Rejects with the worker's error.
   */
  readonly problems: Promise<Problem[] | undefined>
  /** Stop the thread (its problems are not wanted: the rules did not validate). */
  cancel(): Promise<void>
}

/**
 * Start linting the locales beside `rules` (or the built-in ones) in a worker thread, which loads the rules'
 * model itself: from the compiled copy when the folder has one, else by validating it while the main thread
 * does the same.
 *
 * @example
 * const translations = lintLocalesInThread('rules')
 * const { problems, model } = await lintRules('rules', { decidability: true })
 * if (model) problems.push(...((await translations.problems) ?? (await lintLocalesFor({ rules: 'rules', model }))))
 * else await translations.cancel()
 */
export function lintLocalesInThread(rules: string): LocaleLintThread {
  const worker = startWorker(import.meta.url, 'locale-lint-worker', { workerData: { rules } })
  const problems = new Promise<Problem[] | undefined>((resolve, reject) => {
    worker.once('message', (reply: LocaleLintReply) => {
      if ('problems' in reply) resolve(reply.problems)
      else if ('invalid' in reply) resolve(undefined)
      else
        reject(
          new Error(`Expected the worker thread to lint the translations, not to fail with: ${reply.error}`),
        )
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) =>
      reject(
        new Error(`Expected the worker thread linting translations to answer, not to exit with code ${code}`),
      ),
    )
  })
  // Handled even while nobody awaits it yet (the main thread is checking the rules): a failure then must not
  // end the process as an unhandled rejection; awaiting `problems` still throws it.
  problems.catch(() => undefined)
  return {
    problems,
    async cancel() {
      await worker.terminate()
    },
  }
}
