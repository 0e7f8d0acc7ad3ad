/**
 * @module The worker thread of `SharedLocaleLint`: loads the model of the rules folder itself (the compiled copy
 * when there is one), then lints the namespaces it claims from the counter it shares with the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { loadCompiledModel } from '../kb/compiled-model.ts'
import { KnowledgeBaseError } from '../kb/errors.ts'
import { readFiledModel } from '../kb/filed-model.ts'
import type { LocaleLayout } from './locale-layout.ts'
import { type LocaleUnit, lintClaimed, transferables } from './locale-lint-units.ts'

/** What the worker is started with. */
export interface LocaleLintSetup {
  rules: string
  locales: string
  layout: LocaleLayout
  /** One counter: the index of the next namespace of `layout.namespaces` to lint, whichever thread takes it. */
  claims: Int32Array
  /** The cache file of the rules' model, when the main thread knows it (see `SharedLocaleLint.start`). */
  modelFile?: string
}

/**
 * What the worker answers, once: the units it linted; or that the rules do not validate for it (the main
 * thread's own checks say so, or it lints the translations itself); or an error.
 */
export type LocaleLintReply = { units: LocaleUnit[] } | { invalid: true } | { error: string }

const { rules, locales, layout, claims, modelFile } = workerData as LocaleLintSetup

async function reply(): Promise<LocaleLintReply> {
  let model = modelFile === undefined ? undefined : readFiledModel(modelFile, rules)
  try {
    model ??= (await loadCompiledModel(rules)).model
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return { invalid: true }
    throw error
  }
  return { units: lintClaimed(locales, model, layout, claims) }
}

reply().then(
  (answer) => parentPort!.postMessage(answer, 'units' in answer ? transferables(answer.units) : []),
  (error: unknown) =>
    parentPort!.postMessage({
      error: error instanceof Error ? error.message : String(error),
    } satisfies LocaleLintReply),
)
