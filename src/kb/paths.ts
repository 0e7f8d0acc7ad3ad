/** @module Where the built-in knowledge lives; no dependencies, so start-up can read it cheaply. */
import { fileURLToPath } from 'node:url'

/**
 * The project's own `rules/` folder (from `src/kb/` and from `dist/kb/` alike).
 *
 * @example
 * const kb = await loadKnowledgeBase(defaultRulesDir) // the same as loadKnowledgeBase()
 */
export const defaultRulesDir = fileURLToPath(new URL('../../rules/', import.meta.url))

/**
 * The project's own `locales/` folder.
 *
 * @example
 * const resources = await loadResources(defaultLocalesDir, ['en', 'nl'])
 */
export const defaultLocalesDir = fileURLToPath(new URL('../../locales/', import.meta.url))
