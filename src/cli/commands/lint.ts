/** @module `kb lint`: validate the whole knowledge base. */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import type { Command } from 'commander'
import { folderEntries } from '../../kb/compiled-cache.ts'
import { fileCompiledModel } from '../../kb/compiled-model.ts'
import { folderHash } from '../../kb/folder-hash.ts'
import type { KnowledgeBaseModel } from '../../kb/model.ts'
import { defaultRulesDir } from '../../kb/paths.ts'
import { formatProblem, type Problem, sortProblems } from '../../kb/problem.ts'
import { defaultLocalesDir, localesBeside } from '../../render/i18n.ts'
import { SharedLocaleLint } from '../../render/locale-lint-thread.ts'
import type { CliContext } from '../context.ts'
import { exitCodes } from '../exit-codes.ts'
import { UsageError } from '../io.ts'

/**
 * The problems of a rules folder and the locales beside it (or the built-in ones). Unchanged folders reuse
 * the problems of an earlier run (kb/compiled-cache.ts: filed under the content of both folders and of the
 * linting code, and the working folder the paths are shown relative to), so nothing differs but the time.
 */
async function lintProblems(rules: string): Promise<Problem[]> {
  const locales = localesBeside(rules) ?? defaultLocalesDir
  const variant = [process.cwd(), path.resolve(rules), path.resolve(locales), folderHash(locales)].join(
    '\u0000',
  )
  const entries = folderEntries(rules)
  const build = async () => {
    // The translations on a second core while this thread checks the rules, and on both once it is done, when
    // the rules' validated model is filed for the worker to load (a lint, or a check of a folder other than the
    // built-in one, files it): validating them twice would cost more than it saves.
    const aside =
      availableParallelism() > 1 &&
      entries !== undefined &&
      existsSync(entries.file('rules', '')) &&
      namespaceCount(locales) >= threadFrom
        ? await SharedLocaleLint.start(rules, locales, entries.file('rules', ''))
        : undefined
    let checked: { problems: Problem[]; model?: KnowledgeBaseModel }
    try {
      // The checks are loaded once the worker is under way (loading them first kept the second core idle for a
      // fifth of a second), and only those this lint runs: with the rules filed, not the rules reader and its
      // schemas (a tenth of a second at start).
      const [{ decidabilityProblems }, { filedRulesLint, fileRulesWarnings }] = await Promise.all([
        import('../../kb/check-decidability.ts'),
        import('../../kb/filed-rules-lint.ts'),
      ])
      // A `kb check` of this content filed its model and warnings: the rules need not be read again, only the
      // checks across articles that a check does not run are left.
      const filed = entries && filedRulesLint(rules, entries)
      if (filed) {
        const problems = sortProblems([...filed.problems, ...(await decidabilityProblems(filed.model))])
        checked = { problems, model: filed.model }
      } else {
        const { lintRules } = await import('../../kb/load.ts')
        const { problems, model, warnings } = await lintRules(rules, { decidability: true })
        checked = { problems, ...(model ? { model } : {}) }
        // Filed for the next check and lint, unless a file changed while it was read (the content hash moved).
        if (
          model &&
          warnings &&
          entries &&
          folderEntries(rules)?.file('rules', '') === entries.file('rules', '')
        ) {
          fileCompiledModel(entries, model)
          fileRulesWarnings(entries, rules, warnings)
        }
      }
    } catch (error) {
      await aside?.cancel()
      throw error
    }
    const { problems, model } = checked
    if (!model) {
      await aside?.cancel()
      return problems
    }
    // Whatever became of the thread, every translation gets linted: here, what it did not.
    problems.push(
      ...(aside
        ? (await aside.join(model)).problems
        : await (await import('../../render/locale-lint.ts')).lintLocalesFor({ rules, model })),
    )
    return problems
  }
  return entries ? entries.get('lint', variant, build) : build()
}

// Below this many English namespaces, starting the thread (loading its modules) costs more than it saves:
// measured 0.67 -> 0.84 s for one article, 9.4 -> 7.5 s for a thousand.
const threadFrom = 64

function namespaceCount(locales: string): number {
  try {
    return readdirSync(path.join(locales, 'en')).length
  } catch {
    return 0
  }
}

/**
 * Register `kb lint` on the program.
 *
 * @example
 * registerLint(new Command('kb'), new CliContext(processIo()))
 */
export function registerLint(program: Command, context: CliContext): void {
  program
    .command('lint')
    .description('Validate the knowledge base: every problem as file:line:column, exit 1 when there is one.')
    .option('--rules <dir>', 'rules folder (default: the built-in rules/)')
    .option(
      '--json',
      'print the problems as a JSON list of {code, severity, message, file, line, column, path}',
    )
    .action((options: { rules?: string; json?: boolean }) =>
      context.guard(async () => {
        const rules = options.rules === undefined ? defaultRulesDir : context.resolve(options.rules)
        // A folder that is not there is bad input (exit 2), not a problem found in the knowledge base.
        if (!statSync(rules, { throwIfNoEntry: false })?.isDirectory()) {
          throw new UsageError(
            `Expected \`--rules\` to name a folder of YAML files, not \`${options.rules}\``,
          )
        }
        const problems = await lintProblems(rules)
        if (options.json) context.out(JSON.stringify(problems, null, 2))
        else for (const problem of problems) context.out(formatProblem(problem))
        const errors = problems.filter((problem) => problem.severity === 'error').length
        if (!options.json)
          context.err(
            `kb: ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`,
          )
        context.exitCode = errors > 0 ? exitCodes.problems : exitCodes.ok
      }),
    )
}
