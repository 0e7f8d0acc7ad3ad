/**
 * @module The translation QA of a rules folder shared with a worker thread: the worker starts on it while the
 * main thread checks the rules, and the main thread joins in when it is done. Each takes the next namespace
 * (a unit, locale-lint-units.ts) from a counter they share, so neither waits for the other while units are
 * left.
 */
import type { KnowledgeBaseModel } from '../kb/model.ts'
import type { Problem } from '../kb/problem.ts'
import { startWorker } from '../start-worker.ts'
import { type LocaleLayout, localeLayout } from './locale-layout.ts'
import type { LocaleUnit } from './locale-lint-units.ts'
import type { LocaleLintReply, LocaleLintSetup } from './locale-lint-worker.ts'

/**
 * A lint of the translations beside a rules folder, started in a worker thread.
 *
 * @example
 * const shared = await SharedLocaleLint.start('rules', 'locales')
 * const { problems, model } = await lintRules('rules', { decidability: true })
 * if (model) problems.push(...(await shared.join(model)).problems)
 * else await shared.cancel()
 */
export class SharedLocaleLint {
  /**
   * The units the worker linted; undefined when it could not load a valid model of the rules (the rules
   * checks report why). Rejects with the worker's error.
   */
  readonly delivered: Promise<LocaleUnit[] | undefined>
  readonly #locales: string
  readonly #layout: LocaleLayout
  readonly #claims: Int32Array
  readonly #stop: () => Promise<number>

  private constructor(rules: string, locales: string, layout: LocaleLayout, modelFile: string | undefined) {
    this.#locales = locales
    this.#layout = layout
    this.#claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
    const setup: LocaleLintSetup = {
      rules,
      locales,
      layout,
      claims: this.#claims,
      ...(modelFile ? { modelFile } : {}),
    }
    const worker = startWorker(import.meta.url, 'locale-lint-worker', { workerData: setup })
    this.#stop = () => worker.terminate()
    this.delivered = new Promise<LocaleUnit[] | undefined>((resolve, reject) => {
      worker.once('message', (reply: LocaleLintReply) => {
        if ('units' in reply) resolve(reply.units)
        else if ('invalid' in reply) resolve(undefined)
        else
          reject(
            new Error(
              `Expected the worker thread to lint the translations, not to fail with: ${reply.error}`,
            ),
          )
        void worker.terminate()
      })
      worker.once('error', reject)
      worker.once('exit', (code) =>
        reject(
          new Error(
            `Expected the worker thread linting translations to answer, not to exit with code ${code}`,
          ),
        ),
      )
    })
    // Handled even while nobody awaits it yet (the main thread is checking the rules): a failure then must not
    // end the process as an unhandled rejection; awaiting `delivered` still throws it.
    this.delivered.catch(() => undefined)
  }

  /**
   * Read the layout of `locales` (the translations beside `rules`) and start the worker on it. `modelFile`: the
   * rules' model as the cache files it (kb/compiled-model.ts), for the worker to read instead of hashing the
   * folder to find it; the model the main thread reads too, when it reads one.
   */
  static async start(rules: string, locales: string, modelFile?: string): Promise<SharedLocaleLint> {
    return new SharedLocaleLint(rules, locales, await localeLayout(locales), modelFile)
  }

  /**
   * Lint here the units the worker has not taken, wait for the worker's, lint here any it did not deliver (it
   * failed, or could not load the model), and finish: the problems `lintLocales` gives. `unitsByWorker` says how
   * many units the worker delivered.
   */
  async join(model: KnowledgeBaseModel): Promise<{ problems: Problem[]; unitsByWorker: number }> {
    const { namespaces } = this.#layout
    // The checks themselves (YAML, Markdown, the fact patterns) are loaded once the worker is under way.
    const [{ lintClaimed, lintUnit }, { finishLocales, prepareFinish }] = await Promise.all([
      import('./locale-lint-units.ts'),
      import('./locale-lint-finish.ts'),
    ])
    let units: LocaleUnit[]
    try {
      // Before the units, while the worker lints too: after them, the worker would wait.
      prepareFinish(model)
      units = lintClaimed(this.#locales, model, this.#layout, this.#claims)
    } catch (error) {
      // Its units would be of no use: the lint fails.
      await this.#stop()
      throw error
    }
    const theirs = (await this.delivered.catch(() => undefined)) ?? []
    units.push(...theirs)
    const done = new Set(units.map((entry) => entry.namespace))
    const sourceFacts = new Map<string, { hash: string; placeholders: string[] }>()
    for (const namespace of namespaces)
      if (!done.has(namespace))
        units.push(lintUnit(this.#locales, model, this.#layout, namespace, sourceFacts))
    return {
      problems: await finishLocales(this.#locales, model, this.#layout, units),
      unitsByWorker: theirs.length,
    }
  }

  /** Stop the worker: its problems are not wanted (the rules did not validate). */
  async cancel(): Promise<void> {
    await this.#stop()
  }
}
