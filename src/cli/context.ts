import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { i18n, Resource } from 'i18next'
import type { FactAnswers } from '../engine/facts.ts'
import { validateFacts } from '../engine/facts.ts'
import { FactsError } from '../engine/facts-error.ts'
import { KnowledgeBaseError } from '../kb/errors.ts'
import { folderHash } from '../kb/folder-hash.ts'
import { defaultRulesDir } from '../kb/paths.ts'
import { formatProblem } from '../kb/problem.ts'
import { snapshotResources } from '../kb/snapshot.ts'
import { type KnowledgeBase, type KnowledgeBaseOptions, loadKnowledgeBase } from '../knowledge-base.ts'
import { factAnswers } from '../render/fact-answers.ts'
import {
  createI18n,
  defaultLocalesDir,
  isLanguage,
  type Language,
  languages,
  loadResources,
  localesBeside,
  mergeResources,
} from '../render/i18n.ts'
import { loadLazyResources } from '../render/lazy-resources.ts'
import { MissingTranslationError } from '../render/missing-translation-error.ts'
import { withStringsIdentity } from '../render/strings-identity.ts'
import { exitCodes } from './exit-codes.ts'
import { type CliIo, readAll, UsageError } from './io.ts'
import { outputFailure } from './output-errors.ts'
import { escapeControls } from './terminal-text.ts'

/**
 * Passed to every command: its streams, and the exit status it sets.
 *
 * @example
 * const context = new CliContext(processIo())
 * await context.guard(async () => context.out(`${(await context.knowledgeBase()).model.articles.length}\n`))
 * process.exitCode = context.exitCode
 */
export class CliContext {
  readonly io: CliIo
  exitCode: number = exitCodes.ok
  #resources?: Resource
  #resourcesLanguage?: Language

  constructor(io: CliIo) {
    this.io = io
  }

  out(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  }

  /** A line on stderr; control characters from input (file names, facts, JSON snippets) are escaped. */
  err(text: string): void {
    const line = escapeControls(text)
    this.io.stderr.write(line.endsWith('\n') ? line : `${line}\n`)
  }

  /** Resolve a path the user typed against the working directory. */
  resolve(file: string): string {
    return path.resolve(this.io.cwd, file)
  }

  /** Load the knowledge base of `--rules` (default: the built-in rules). */
  async knowledgeBase(rules?: string, options: KnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
    return loadKnowledgeBase(rules === undefined ? defaultRulesDir : this.resolve(rules), options)
  }

  /**
   * An i18next instance for `--lang`. With `--rules DIR`, a `locales/` folder beside DIR adds its articles'
   * strings to the built-in ones.
   */
  async i18n(language: string | undefined, rules?: string): Promise<i18n> {
    const chosen = parseLanguage(language)
    if (!this.#resources || this.#resourcesLanguage !== chosen) {
      this.#resourcesLanguage = chosen
      // Only the language asked for, and English as the fallback: parsing every locale costs start-up time.
      const wanted: Language[] = chosen === 'en' ? ['en'] : ['en', chosen]
      const beside = rules === undefined ? undefined : localesBeside(this.resolve(rules))
      const snapshot = beside ? undefined : snapshotResources()
      // Named by the folder's content as it was before reading it (the snapshot holds exactly that content).
      const identity = localesIdentity(wanted)
      const resources: Resource = withStringsIdentity(
        snapshot
          ? Object.fromEntries(
              wanted.flatMap((language) => (snapshot[language] ? [[language, snapshot[language]]] : [])),
            )
          : await loadResources(defaultLocalesDir, wanted),
        identity,
      )
      this.#resources = beside
        ? mergeResources(
            resources,
            // Parsed namespace by namespace when looked up: an answer about one article of a thousand reads two.
            await loadLazyResources(beside, wanted),
          )
        : resources
    }
    return createI18n(this.#resources, chosen)
  }

  /**
   * Yes/no words and enum value labels of every language, accepted as fact values as the API accepts them
   * (`kb check --fact office2003OnClients=ja`). Read only when some fact does not validate without them:
   * answers are tried after the canonical spellings, so they change nothing for facts that do.
   */
  async factAnswers(
    kb: KnowledgeBase,
    facts: Record<string, unknown>,
    rules?: string,
  ): Promise<{ answers?: FactAnswers }> {
    if (validateFacts(facts, kb.model.facts).errors.length === 0) return {}
    const beside = rules === undefined ? undefined : localesBeside(this.resolve(rules))
    const base = (beside ? undefined : snapshotResources()) ?? (await loadResources())
    const resources = beside ? mergeResources(base, await loadLazyResources(beside)) : base
    return { answers: factAnswers(resources, kb.model) }
  }

  /** Read a file, or standard input for `-`. */
  async readInput(file: string): Promise<string> {
    if (file === '-') return readAll(this.io.stdin)
    try {
      return (await readFile(this.resolve(file), 'utf8')).replace(/^\uFEFF/, '')
    } catch (error) {
      throw new UsageError(
        `Expected a readable file at \`${file}\`, not one that fails with ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      )
    }
  }

  /**
   * Run a command's body: bad input prints one clear message on stderr and exits 2; nothing else is printed.
   */
  async guard(body: () => Promise<void>): Promise<void> {
    try {
      await body()
    } catch (error) {
      this.exitCode = exitCodes.usage
      if (error instanceof KnowledgeBaseError) {
        for (const problem of error.problems.filter((entry) => entry.severity === 'error'))
          this.err(formatProblem(problem))
        this.err(`kb: ${error.message.split(';')[0]}`)
      } else if (error instanceof FactsError) {
        for (const problem of error.problems) this.err(`kb: ${problem.message}`)
      } else if (
        error instanceof UsageError ||
        error instanceof RangeError ||
        error instanceof MissingTranslationError
      ) {
        this.err(`kb: ${error.message}`)
      } else if (isSystemError(error) && error.path !== undefined) {
        this.err(`kb: ${fileSystemSentence(error, this.io.cwd)}`)
      } else if (isSystemError(error) && error.syscall === 'write') {
        this.exitCode = exitCodes.outputFailed
        this.err(outputFailure(error))
      } else {
        this.exitCode = exitCodes.internal
        this.err(`kb: internal error: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error
  )
}

/**
 * A file-system error as one sentence naming the path and what failed, for exit status 2.
 *
 * @example
 * fileSystemSentence(Object.assign(new Error('…'), {code: 'EACCES', syscall: 'open', path: '/out/kb.html'}), '/')
 * // 'Expected to open `out/kb.html`, not an error: EACCES (permission denied); check the path and its permissions'
 */
export function fileSystemSentence(error: NodeJS.ErrnoException, cwd: string): string {
  const shown = path.relative(cwd, error.path!) || error.path!
  const reason = /^[A-Z]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message
  return `Expected to ${error.syscall ?? 'use'} \`${shown}\`, not an error: ${error.code} (${reason}); check the path and its permissions`
}

/**
 * `--lang`, validated; English when absent.
 *
 * @example
 * parseLanguage('NL') // 'nl'
 * parseLanguage(undefined) // 'en'
 */
export function parseLanguage(value: string | undefined): Language {
  if (value === undefined) return 'en'
  const lower = value.toLowerCase()
  if (isLanguage(lower)) return lower
  throw new UsageError(
    `Expected \`--lang\` to be one of ${languages.map((l) => `\`${l}\``).join(', ')}, not \`${value}\``,
  )
}

// The built-in strings in these languages, named by the content of their folder.
function localesIdentity(languages: readonly string[]): string | undefined {
  const content = folderHash(defaultLocalesDir)
  return content === undefined ? undefined : JSON.stringify(['locales', content, languages])
}
