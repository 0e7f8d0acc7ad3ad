/** @module One structured JSON line per request, through an injectable logger. */
import type { MiddlewareHandler } from 'hono'
import { LineBatch, type LineBatchOptions } from './line-batch.ts'
import { HttpProblem } from './problem.ts'

/** What is logged about each request. Never the body, the query or a stack trace. */
export interface RequestLogLine {
  time: string
  method: string
  path: string
  status: number
  ms: number
  lang?: string
  /** The internal error's message, for a 500 only. */
  error?: string
  /** The client closed the connection before the request was read or answered. */
  aborted?: true
}

/**
 * Receives one line per request; `createApp` takes one so tests and hosts can collect them. A logger that
 * holds lines back has `flush()`, which `startServer`'s `close()` calls once the last request is answered.
 */
export type RequestLogger = ((line: RequestLogLine) => void) & { flush?: () => void }

/**
 * A logger that writes each line as one line of JSON (`format` can change the text), in batches
 * (`line-batch.ts`): a few writes a second under load instead of one per request, in the order the
 * requests were answered, and none lost on `flush()`, `startServer`'s `close()` or the process's exit.
 *
 * @example
 * createApp({kb, logger: batchedLogger((text) => logFile.write(text))})
 */
export function batchedLogger(
  write: (text: string) => void,
  options: LineBatchOptions & { format?: (line: RequestLogLine) => string } = {},
): RequestLogger & { flush: () => void } {
  const lines = new LineBatch(write, options)
  const format = options.format ?? JSON.stringify
  return Object.assign((line: RequestLogLine) => lines.add(format(line)), { flush: () => lines.flush() })
}

/**
 * Writes each line as JSON to stderr, in batches (`batchedLogger`).
 *
 * @example
 * createApp({kb, logger: stderrLogger})
 */
export const stderrLogger = batchedLogger((text) => process.stderr.write(text))

let lastMs = Number.NaN
let lastIso = ''

/**
 * `new Date().toISOString()`, built at most once a millisecond: under load many lines share one.
 *
 * @example
 * isoNow() // '2026-11-30T12:00:00.000Z'
 */
export function isoNow(): string {
  const now = Date.now()
  if (now !== lastMs) {
    lastMs = now
    lastIso = new Date(now).toISOString()
  }
  return lastIso
}

/** Milliseconds since `started` (`performance.now()`), to a hundredth. */
export function msSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100
}

/**
 * Logs method, path, status, duration and language once the response is ready.
 *
 * @example
 * app.use(requestLog(stderrLogger))
 */
export function requestLog(logger: RequestLogger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const line: RequestLogLine = {
      time: isoNow(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: msSince(started),
    }
    const language = c.get('language' as never) as string | undefined
    if (language) line.lang = language
    const error = c.get('internalError' as never) as string | undefined
    if (error) line.error = error
    if (c.req.raw.signal?.aborted || (c.error instanceof HttpProblem && c.error.code === 'KB_HTTP_ABORTED'))
      line.aborted = true
    logger(line)
  }
}
