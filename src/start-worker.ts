/** @module A worker thread started from compiled JavaScript (dist/) or from the TypeScript sources (tsx). */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * Start the module `name` (without extension) beside the module `from` (its `import.meta.url`) in a worker
 * thread. From dist/ the worker is plain JavaScript; from the sources (bin/kb.js without a build, tests, tsx)
 * it first registers tsx itself: loader hooks of the main thread do not reach worker threads.
 *
 * @example
 * const worker = startWorker(import.meta.url, 'worker', { workerData: setup })
 */
export function startWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), options)
  const tsx =
    typeof import.meta.resolve === 'function'
      ? import.meta.resolve('tsx/esm/api')
      : pathToFileURL(createRequire(from).resolve('tsx/esm/api')).href
  const entry = new URL(`./${name}.ts`, from).href
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(code, { ...options, eval: true })
}
