/**
 * @module The worker thread of `kb check --batch`: loads the rules itself, then evaluates the blocks the
 * main thread names, reading each byte range from the file on its own, and sends back the output bytes.
 */
import { closeSync, openSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { loadKnowledgeBase } from '../knowledge-base.ts'
import { BlockWriter, evaluateRange } from './block.ts'
import type { BlockSource } from './block-tasks.ts'
import { type BatchEvaluationOptions, LineEvaluator } from './evaluate-line.ts'

/** Sent once as `workerData`. */
export interface WorkerSetup extends BatchEvaluationOptions {
  rulesDir: string
  /** The input file, or undefined when blocks come as bytes (standard input). */
  file?: string
}

/** A block to evaluate: a byte range of the file, the bytes themselves, or a line too long to read. */
export type BlockTask = { id: number } & BlockSource

/** What the worker answers. */
export type WorkerReply =
  | { type: 'ready' }
  | {
      type: 'block'
      id: number
      output: Uint8Array
      lines: number
      records: number
      failed: number
      counts: number[]
      errors: string[]
    }
  | { type: 'fatal'; message: string }

const setup = workerData as WorkerSetup
const port = parentPort!
const encoder = new TextEncoder()

try {
  const kb = await loadKnowledgeBase(setup.rulesDir)
  const evaluator = new LineEvaluator(kb, setup)
  const fd = setup.file === undefined ? undefined : openSync(setup.file, 'r')
  // Blocks are evaluated one after another, in the order they arrive.
  let queue = Promise.resolve()
  port.on('message', (task: BlockTask | 'close') => {
    if (task === 'close') {
      queue = queue.then(() => {
        if (fd !== undefined) closeSync(fd)
        port.close()
      })
      return
    }
    queue = queue.then(async () => {
      const writer = new BlockWriter(evaluator)
      if ('tooLong' in task) writer.tooLong(task.firstLine)
      else if ('data' in task) await writer.bytes(task.data, task.firstLine)
      else await evaluateRange(fd!, task.start, task.end, task.firstLine, writer)
      const { output, ...rest } = writer.finish()
      const bytes = encoder.encode(output)
      const reply: WorkerReply = { type: 'block', id: task.id, output: bytes, ...rest }
      port.postMessage(reply, [bytes.buffer])
    })
    queue = queue.catch((error: unknown) => {
      const reply: WorkerReply = {
        type: 'fatal',
        message: error instanceof Error ? error.message : String(error),
      }
      port.postMessage(reply)
    })
  })
  port.postMessage({ type: 'ready' } satisfies WorkerReply)
} catch (error) {
  port.postMessage({
    type: 'fatal',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerReply)
}
