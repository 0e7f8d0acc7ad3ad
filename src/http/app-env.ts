/** @module What the app's middleware hands to its routes. */
import type { Language } from '../render/i18n.ts'
import type { DocumentRenderer } from './document-renderer.ts'
import type { KnowledgeSnapshot } from './knowledge-holder.ts'

/** Hono environment of the app: per-request variables set by middleware. */
export interface AppEnv {
  Variables: {
    /** The negotiated language of the answer. */
    language: Language
    /** The knowledge base and strings this request answers from. */
    snapshot: KnowledgeSnapshot
    /** A JSON body, parsed once by `jsonBody` (kept out of zod so `__proto__` keys stay plain data). */
    json: unknown
    /** Message of an unexpected error, for the request log only. */
    internalError: string
  }
}

/** Byte limits of request bodies. */
export interface BodyLimits {
  /** JSON bodies (`POST /v1/check`); default 64 KiB. */
  json: number
  /** Logs (`POST /v1/diagnose`); default 32 MiB. */
  logs: number
}

/**
 * Body limits when `createApp` is given none: room for any real inventory and a large log.
 *
 * @example
 * const app = createApp({bodyLimit: {logs: defaultBodyLimits.logs * 2}})
 */
export const defaultBodyLimits: BodyLimits = { json: 64 * 1024, logs: 32 * 1024 * 1024 }

/** What `createApp` hands to each `routes/*.ts` registration. */
export interface RouteDeps {
  limits: BodyLimits
  /** Renders KB articles and advisories (`builtInRenderer` unless the app was given another). */
  renderer: DocumentRenderer
  /** The package version, for `/healthz` and the OpenAPI document. */
  version: string
}
