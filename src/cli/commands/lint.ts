/** @module `kb lint`: validate the whole knowledge base. */
import { statSync } from 'node:fs'
import type { Command } from 'commander'
import { defaultRulesDir, lintRules } from '../../kb/load.ts'
import { formatProblem } from '../../kb/problem.ts'
import { lintLocalesFor } from '../../render/locale-lint.ts'
import type { CliContext } from '../context.ts'
import { exitCodes } from '../exit-codes.ts'
import { UsageError } from '../io.ts'

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
        const { problems } = await lintRules(rules, { decidability: true })
        problems.push(...(await lintLocalesFor({ rules })))
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
