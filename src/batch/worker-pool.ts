/** @module Batch worker threads, started from compiled JavaScript (dist/) or from TypeScript sources (tsx). */
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../start-worker.ts'
import type { BlockTask, WorkerReply, WorkerSetup } from './worker.ts'

/** A block's answer from a worker. */
type BlockReply = Extract<WorkerReply, { type: 'block' }>

/**
 * Worker threads that evaluate blocks; each block goes to the worker with the fewest blocks in hand.
 *
 * @example
 * const pool = await WorkerPool.start(2, {rulesDir, file: 'fleet.ndjson'})
 * const reply = await pool.run({id: 0, start: 0, end: 4 << 20, firstLine: 1})
 * await pool.close()
 */
export class WorkerPool {
  readonly #workers: Array<{ worker: Worker; waiting: Map<number, (reply: BlockReply) => void> }>
  #failure?: Error
  readonly #rejects = new Set<(error: Error) => void>()

  private constructor(workers: Worker[]) {
    this.#workers = workers.map((worker) => ({ worker, waiting: new Map() }))
  }

  /** Start `count` workers and wait until each has loaded the rules. */
  static async start(count: number, setup: WorkerSetup): Promise<WorkerPool> {
    const workers = Array.from({ length: count }, () => startBlockWorker(setup))
    const pool = new WorkerPool(workers)
    try {
      await Promise.all(
        pool.#workers.map(
          (entry) =>
            new Promise<void>((resolve, reject) => {
              entry.worker.once('error', reject)
              entry.worker.on('message', (reply: WorkerReply) => {
                if (reply.type === 'ready') resolve()
                else if (reply.type === 'fatal') {
                  reject(new Error(reply.message))
                  pool.#fail(new Error(reply.message))
                } else {
                  entry.waiting.get(reply.id)?.(reply)
                  entry.waiting.delete(reply.id)
                }
              })
              entry.worker.on('error', (error) => pool.#fail(error))
              entry.worker.on('exit', (code) => {
                if (entry.waiting.size > 0)
                  pool.#fail(
                    new Error(`Expected a batch worker to finish its blocks, not to exit with ${code}`),
                  )
              })
            }),
        ),
      )
    } catch (error) {
      await pool.close()
      throw error
    }
    return pool
  }

  /** Evaluate one block on the least busy worker. */
  run(task: BlockTask): Promise<BlockReply> {
    if (this.#failure) return Promise.reject(this.#failure)
    const entry = this.#workers.reduce((best, candidate) =>
      candidate.waiting.size < best.waiting.size ? candidate : best,
    )
    return new Promise<BlockReply>((resolve, reject) => {
      this.#rejects.add(reject)
      entry.waiting.set(task.id, (reply) => {
        this.#rejects.delete(reject)
        resolve(reply)
      })
      entry.worker.postMessage(task)
    })
  }

  /** Let the workers finish and exit. */
  async close(): Promise<void> {
    await Promise.all(
      this.#workers.map(async ({ worker }) => {
        const exited = new Promise((resolve) => worker.once('exit', resolve))
        if (this.#failure) await worker.terminate()
        else worker.postMessage('close')
        await exited
      }),
    )
  }

  #fail(error: Error): void {
    this.#failure ??= error
    for (const reject of this.#rejects) reject(error)
    this.#rejects.clear()
  }
}

function startBlockWorker(setup: WorkerSetup): Worker {
  return startWorker(import.meta.url, 'worker', { workerData: setup, resourceLimits })
}

// A block needs a few MB; a small young generation and a capped old one make the workers collect early
// instead of growing the heap with garbage.
const resourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 }
