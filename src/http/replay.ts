/**
 * @module The fast path of `startServer`: a repeated `POST /v1/check` is answered with the bytes the app gave
 * the same request before (`response-memo.ts`), without building a Web `Request`, running the middleware or
 * validating again. Everything else, and every request the memo does not hold, goes to the app unchanged.
 */
import type { RequestListener } from 'node:http'
import { keyChecker, keyOf } from './access.ts'
import type { KnowledgeBaseHolder } from './knowledge-holder.ts'
import { negotiateLanguage } from './language.ts'
import { problemCodes } from './problem.ts'
import { isoNow, msSince, type RequestLogger, type RequestLogLine } from './request-log.ts'
import { type KeyedIncoming, maxKeyedBody, maxKeyedUrl, memoKey, requestKey } from './response-memo.ts'

/** What `createApp` tells `startServer` about an app, so replays follow the same rules. */
export interface ReplayOptions {
  holder: KnowledgeBaseHolder
  logger: RequestLogger
  /** With API keys on, a replay needs a valid key; any other request goes to the app (its 401). */
  apiKeyHashes: readonly string[]
  /** Rate limits are counted by the app's middleware: with them on, nothing is replayed. */
  rateLimited: boolean
  /** The app's JSON body limit. */
  jsonLimit: number
}

const replayable = new WeakMap<object, ReplayOptions>()

/**
 * Let `startServer` replay memoized answers of this app.
 *
 * @example
 * allowReplay(app, {holder, logger, apiKeyHashes: [], rateLimited: false, jsonLimit: 65536}) // in createApp
 */
export function allowReplay(app: object, options: ReplayOptions): void {
  replayable.set(app, options)
}

/**
 * Write the request-log lines an app's logger holds back (`RequestLogger.flush`); `startServer` calls it
 * once closed.
 *
 * @example
 * flushRequestLog(app)
 */
export function flushRequestLog(app: object): void {
  replayable.get(app)?.logger.flush?.()
}

type Incoming = KeyedIncoming & { rawBody?: Buffer }

/**
 * Wrap the Node listener of an app: a `POST /v1/check` with a declared length of at most 4 KiB is read here;
 * if the current snapshot holds the answer to the same request (target, headers, body) it is written at once
 * and logged like any request, otherwise the request goes to the app with its body already read (the
 * adapter's `rawBody`) and its key, so that the app files the answer. Apps that did not allow it keep
 * their listener.
 *
 * @example
 * createServer(options, replayingListener(app, getRequestListener(app.fetch)))
 */
export function replayingListener(app: object, listener: RequestListener): RequestListener {
  const options = replayable.get(app)
  if (!options || options.rateLimited) return listener
  const accepts = options.apiKeyHashes.length > 0 ? keyChecker(options.apiKeyHashes) : undefined
  const limit = Math.min(options.jsonLimit, maxKeyedBody)
  return (request, response) => {
    const incoming = request as Incoming
    const target = incoming.url ?? ''
    const declared = incoming.headers['content-length']
    if (
      incoming.method !== 'POST' ||
      !(target === '/v1/check' || target.startsWith('/v1/check?')) ||
      target.length > maxKeyedUrl ||
      declared === undefined ||
      !/^\d{1,5}$/.test(declared) ||
      Number(declared) > limit ||
      incoming.headers['transfer-encoding'] !== undefined
    ) {
      listener(incoming, response)
      return
    }
    const started = performance.now()
    const chunks: Buffer[] = []
    const onData = (chunk: Buffer) => chunks.push(chunk)
    const settle = (complete: boolean) => {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('close', onClose)
      // A client that hung up mid-body (or was cut off by the request timeout): nobody is left to answer;
      // logged as the app logs a KB_HTTP_ABORTED request.
      if (!complete) {
        const query = new URLSearchParams(target.slice(target.indexOf('?') + 1))
        const negotiated = negotiateLanguage(
          query.get('lang') ?? undefined,
          incoming.headers['accept-language'],
        )
        const line = logged(
          started,
          problemCodes.KB_HTTP_ABORTED.status,
          negotiated.ok ? negotiated.language : undefined,
        )
        line.aborted = true
        options.logger(line)
        response.destroy()
        return
      }
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
      const key = requestKey(target, incoming.rawHeaders, body)
      const entry = options.holder.ready?.responses.get(key)
      if (entry !== undefined && (accepts === undefined || accepts(presentedKey(incoming)))) {
        response.writeHead(200, entry.headers)
        response.end(entry.body)
        options.logger(logged(started, 200, entry.language))
        return
      }
      incoming.rawBody = body
      incoming[memoKey] = key
      listener(incoming, response)
    }
    const onEnd = () => settle(true)
    const onClose = () => settle(false)
    // Plain listeners, not `once`: settle removes all three, whichever event comes first.
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('close', onClose)
  }
}

/** The request-log line of a `POST /v1/check` that started at `started` (`performance.now()`). */
function logged(started: number, status: number, lang: string | undefined): RequestLogLine {
  const line: RequestLogLine = {
    time: isoNow(),
    method: 'POST',
    path: '/v1/check',
    status,
    ms: msSince(started),
  }
  if (lang !== undefined) line.lang = lang
  return line
}

/**
 * The API key as the app reads it. Node keeps only the first `Authorization` header where the app would
 * join them all: with more than one, nothing is accepted here and the app decides.
 */
function presentedKey(incoming: Incoming): string | undefined {
  let authorizations = 0
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    if (incoming.rawHeaders[index]!.toLowerCase() === 'authorization') authorizations++
  }
  if (authorizations > 1) return undefined
  return keyOf(incoming.headers.authorization, incoming.headers['x-api-key'] as string | undefined)
}
