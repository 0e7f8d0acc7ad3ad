/**
 * @module The worker thread of `lintLocalesInThread`: loads the model of the rules folder itself (the compiled
 * copy when there is one) and lints the locales beside it, as `lintLocalesFor` does.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { loadCompiledModel } from '../kb/compiled-model.ts'
import { KnowledgeBaseError } from '../kb/errors.ts'
import type { Problem } from '../kb/problem.ts'
import { defaultLocalesDir, localesBeside } from './i18n.ts'
import { lintLocales } from './locale-lint.ts'

/**
 * What the worker answers, once: the problems; or that the rules do not validate for it (the main thread's own
 * checks say so, or it lints the translations itself); or an error.
 */
export type LocaleLintReply = { problems: Problem[] } | { invalid: true } | { error: string }

const { rules } = workerData as { rules: string }

async function reply(): Promise<LocaleLintReply> {
  let model: Awaited<ReturnType<typeof loadCompiledModel>>['model']
  try {
    model = (await loadCompiledModel(rules)).model
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return { invalid: true }
    throw error
  }
  return { problems: await lintLocales(localesBeside(rules) ?? defaultLocalesDir, model) }
}

reply().then(
  (answer) => parentPort!.postMessage(answer),
  (error: unknown) =>
    parentPort!.postMessage({
      error: error instanceof Error ? error.message : String(error),
    } satisfies LocaleLintReply),
)
