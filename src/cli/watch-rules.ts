/** @module Hot reload for `kb serve --watch`: watch rules and locales, validate a change completely, then swap. */
import { type Dirent, existsSync, type FSWatcher, readdirSync, statSync, watch } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Resource } from 'i18next'
import type { KnowledgeBaseHolder } from '../http/knowledge-holder.ts'
import { displayPath } from '../kb/display-path.ts'
import { lintRules } from '../kb/load.ts'
import { formatProblem, type Problem } from '../kb/problem.ts'
import { parseYamlSource } from '../kb/yaml-source.ts'
import { KnowledgeBase, type KnowledgeBaseOptions } from '../knowledge-base.ts'
import { defaultLocalesDir, languages, loadResources } from '../render/i18n.ts'

/** What one reload did. */
export type ReloadOutcome =
  | { status: 'reloaded'; articles: string[] }
  /** Validation failed: the server keeps the last good version; `problems` are the errors, positioned. */
  | { status: 'rejected'; problems: Problem[] }

/** Options of {@link watchKnowledgeBase}. */
interface WatchOptions {
  /** The rules folder being served. */
  rules: string
  /** The locales folders being served, watched and checked (default: the project's `locales/`). */
  locales?: string | readonly string[]
  /** Reads the strings of a new version (default: `loadResources` of the first locales folder). */
  loadStrings?: () => Promise<Resource>
  /** The holder the server answers from; only a fully validated version is swapped in. */
  holder: KnowledgeBaseHolder
  /** Quiet time after the last change before reloading (editors write a file in several steps). */
  debounceMs?: number
  /** One line per reload: `kb serve: reloaded …` or `file:line:column error …` lines. */
  log: (line: string) => void
  /** Called after every reload attempt (tests wait on it). */
  onReload?: (outcome: ReloadOutcome) => void
  /** Options of each knowledge base loaded (`maxCompiledArticles`), as the first one had. */
  knowledgeBase?: KnowledgeBaseOptions
}

/** A running watch. */
export interface RulesWatch {
  /** Reload now, as a change would; resolves when the new version is served or rejected. */
  reload(): Promise<ReloadOutcome>
  /** Stop watching. */
  close(): void
}

/**
 * Watch `rules` and `locales` and reload the knowledge base when a file changes. A change that breaks
 * validation is logged with its `file:line:column` and the previous version stays in service; a valid
 * change is loaded completely (rules, checkers, strings) before one `holder.swap`, so no request ever
 * sees half of it.
 *
 * @example
 * const holder = new KnowledgeBaseHolder(kb, await loadResources())
 * const watcher = watchKnowledgeBase({rules: 'rules', holder, log: console.error})
 * // … later
 * watcher.close()
 */
export function watchKnowledgeBase(options: WatchOptions): RulesWatch {
  const locales = [options.locales ?? defaultLocalesDir].flat()
  const loadStrings = options.loadStrings ?? (() => loadResources(locales[0]))
  const debounceMs = options.debounceMs ?? 150
  let timer: NodeJS.Timeout | undefined
  // Reloads run one at a time; a change during a reload queues exactly one more.
  let running: Promise<ReloadOutcome> | undefined
  let again = false

  const reload = async (): Promise<ReloadOutcome> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      let outcome: ReloadOutcome
      do {
        again = false
        const loaded = await loadVersion(options.rules, locales, loadStrings, options.knowledgeBase)
        if (loaded.ok) {
          options.holder.swap(loaded.kb, loaded.resources)
          outcome = { status: 'reloaded', articles: loaded.kb.articleIds }
          options.log(
            `kb serve: reloaded ${loaded.kb.articleIds.length} article(s) from ${displayPath(options.rules)}`,
          )
        } else {
          outcome = { status: 'rejected', problems: loaded.problems }
          for (const problem of loaded.problems) options.log(formatProblem(problem))
          options.log(
            `kb serve: Expected a valid knowledge base after the change, not ${loaded.problems.length} error(s); still serving the last good version`,
          )
        }
        options.onReload?.(outcome)
      } while (again)
      return outcome
    })().finally(() => {
      running = undefined
    })
    return running
  }

  // Every directory is watched on its own (not `recursive`): a directory watch sees changes by name, while
  // Node 20's recursive watcher follows the inodes of files, so after an atomic save (write a temporary,
  // rename it over the file) it watched the old inode and went blind. The parent of each root is watched for
  // the root's own name, so a folder moved away and back (or replaced) is seen too. Before each reload the
  // directories are listed again: new folders are watched, gone or replaced (another inode) ones re-watched.
  const roots = [...new Set([options.rules, ...locales].map((folder) => path.resolve(folder)))].filter(
    // An optional locales folder (beside a fixture's rules) may simply not exist.
    (dir) => dir === path.resolve(options.rules) || existsSync(dir),
  )
  // Each watched folder with the inode it had: a folder replaced under the same name is watched anew.
  const watchers = new Map<string, { watcher: FSWatcher; inode: number }>()
  let closed = false
  const watchDirectory = (dir: string, inode: number, only?: ReadonlySet<string>) => {
    try {
      const watcher = watch(dir, (_event, name) => {
        if (only === undefined || name === null || only.has(String(name))) changed()
      })
      // A deleted folder or an exhausted inotify limit must not kill the server.
      watcher.on('error', (error) => {
        if (watchers.get(dir)?.watcher === watcher) watchers.delete(dir)
        watcher.close()
        if (!closed) options.log(`kb serve: stopped watching ${displayPath(dir)}: ${error.message}`)
        changed()
      })
      watchers.set(dir, { watcher, inode })
    } catch (error) {
      if (dir === path.resolve(options.rules))
        options.log(
          `kb serve: Expected a folder to watch at ${displayPath(dir)}, not: ${(error as Error).message}`,
        )
    }
  }
  // Watch the folders there are now; keep the watchers of folders that did not change.
  const rewatch = () => {
    if (closed) return
    const wanted = new Map<string, { inode: number; only?: Set<string> }>()
    for (const root of roots) {
      for (const [dir, inode] of directoriesUnder(root)) wanted.set(dir, { inode })
    }
    for (const root of roots) {
      const parent = path.dirname(root)
      const inode = inodeOf(parent)
      if (inode === undefined || (wanted.has(parent) && !wanted.get(parent)!.only)) continue
      const entry = wanted.get(parent) ?? { inode, only: new Set<string>() }
      entry.only!.add(path.basename(root))
      wanted.set(parent, entry)
    }
    for (const [dir, { watcher, inode }] of watchers) {
      if (wanted.get(dir)?.inode !== inode) {
        watcher.close()
        watchers.delete(dir)
      }
    }
    for (const [dir, { inode, only }] of wanted) if (!watchers.has(dir)) watchDirectory(dir, inode, only)
  }
  const changed = () => {
    if (closed) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      rewatch()
      void reload()
    }, debounceMs)
  }
  rewatch()

  return {
    reload,
    close: () => {
      closed = true
      clearTimeout(timer)
      for (const { watcher } of watchers.values()) watcher.close()
      watchers.clear()
    },
  }
}

/** `root` and every folder below it (not following links) with their inodes; none when `root` is gone. */
function directoriesUnder(root: string): Array<[string, number]> {
  const found: Array<[string, number]> = []
  const pending = [root]
  while (pending.length > 0) {
    const dir = pending.pop()!
    const inode = inodeOf(dir)
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      continue
    }
    if (inode === undefined) continue
    found.push([dir, inode])
    for (const entry of entries) if (entry.isDirectory()) pending.push(path.join(dir, entry.name))
  }
  return found
}

function inodeOf(dir: string): number | undefined {
  try {
    return statSync(dir).ino
  } catch {
    return undefined
  }
}

type LoadedVersion = { ok: true; kb: KnowledgeBase; resources: Resource } | { ok: false; problems: Problem[] }

/** Load and validate everything; nothing is handed out unless all of it is valid. */
async function loadVersion(
  rules: string,
  locales: readonly string[],
  loadStrings: () => Promise<Resource>,
  kbOptions: KnowledgeBaseOptions = {},
): Promise<LoadedVersion> {
  const { problems, model } = await lintRules(rules)
  const localeProblems = (await Promise.all(locales.map(lintLocaleSyntax))).flat()
  const errors = [...problems, ...localeProblems].filter((problem) => problem.severity === 'error')
  if (!model || errors.length > 0) return { ok: false, problems: errors }
  try {
    const resources = await loadStrings()
    return { ok: true, kb: new KnowledgeBase(model, kbOptions), resources }
  } catch (error) {
    const problem: Problem = {
      code: 'KB_YAML_SYNTAX',
      severity: 'error',
      message: `Expected readable locale files, not: ${(error as Error).message}`,
      file: displayPath(locales[0] ?? defaultLocalesDir),
      line: 0,
      column: 0,
      path: [],
    }
    return { ok: false, problems: [problem] }
  }
}

/** YAML errors of the locale files with their position (the i18n loader would only throw). */
async function lintLocaleSyntax(dir: string): Promise<Problem[]> {
  const problems: Problem[] = []
  for (const language of languages) {
    const folder = path.join(dir, language)
    const names = await readdir(folder).catch(() => [] as string[])
    for (const name of names.filter((entry) => entry.endsWith('.yaml')).sort()) {
      const file = path.join(folder, name)
      const text = await readFile(file, 'utf8').catch(() => undefined)
      if (text === undefined) continue
      problems.push(...parseYamlSource(displayPath(file), text).problems)
    }
  }
  return problems
}
