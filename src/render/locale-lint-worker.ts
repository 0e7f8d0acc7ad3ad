/**
 * @module The worker thread of `lintLocalesInThread`: loads the model of the rules folder itself (the compiled
 * copy when there is one) and lints the locales beside it, as `lintLocalesFor` does.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { loadCompiledModel } from '../kb/compiled-model.ts'
import type { Problem } from '../kb/problem.ts'
import { defaultLocalesDir, localesBeside } from './i18n.ts'
import { lintLocales } from './locale-lint.ts'

/** What the worker answers, once. */
export type LocaleLintReply = { problems: Problem[] } | { error: string }

const { rules } = workerData as { rules: string }

async function problems(): Promise<Problem[]> {
  let model: Awaited<ReturnType<typeof loadCompiledModel>>['model']
  try {
    model = (await loadCompiledModel(rules)).model
  } catch {
    return [] // The rules' own problems are reported by the main thread's lintRules.
  }
  return lintLocales(localesBeside(rules) ?? defaultLocalesDir, model)
}

problems().then(
  (found) => parentPort!.postMessage({ problems: found } satisfies LocaleLintReply),
  (error: unknown) =>
    parentPort!.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies LocaleLintReply),
)
