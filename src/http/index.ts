/** @module kb-advisor/http: the HTTP API and page, for mounting in another server. This file only re-exports. */
export type { AppOptions } from './app.ts'
export { createApp } from './app.ts'
export type { DocumentRenderer } from './document-renderer.ts'
export { builtInRenderer } from './document-renderer.ts'
export { KnowledgeBaseHolder } from './knowledge-holder.ts'
export { problemCodes } from './problem.ts'
export type { RunningServer } from './server.ts'
export { startServer } from './server.ts'
