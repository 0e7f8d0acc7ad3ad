/** @module The `kb` command line. */
import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import { CliContext } from './context.ts'
import { exitCodes } from './exit-codes.ts'
import { type CliIo, processIo } from './io.ts'
import { handleOutputErrors } from './output-errors.ts'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

type Register = (program: Command, context: CliContext) => void

// Each command's module is imported only when it runs: `kb check` need not load the HTTP server or CSAF.
const commandModules: Record<string, () => Promise<Register[]>> = {
  check: async () => [(await import('./commands/check.ts')).registerCheck],
  lint: async () => [(await import('./commands/lint.ts')).registerLint],
  render: async () => [(await import('./commands/render.ts')).registerRender],
  locale: async () => [(await import('./commands/locale.ts')).registerLocale],
  'locale-hashes': async () => [(await import('./commands/locale-hashes.ts')).registerLocaleHashes],
  diagnose: async () => [(await import('./commands/diagnose.ts')).registerDiagnose],
  export: async () => [(await import('./commands/export.ts')).registerExport],
  serve: async () => [(await import('./commands/serve.ts')).registerServe],
  graph: async () => [(await import('./commands/graph.ts')).registerGraph],
  search: async () => [(await import('./commands/search.ts')).registerSearch],
  new: async () => [(await import('./commands/new.ts')).registerNew],
}

/**
 * Build the program writing to `context`'s streams, with the command named in `argv` registered, or every
 * command when `argv` names none (for `--help` and for "did you mean" on a typo).
 */
async function createProgram(context: CliContext, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('kb')
    .description(
      'kb-advisor: a knowledge base whose articles are data. For each article: "am I affected?" from facts or logs, localized documents, CSAF.',
    )
    .version(version)
    .showHelpAfterError('(run `kb --help` or `kb <command> --help` for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
    })
    .addHelpText(
      'after',
      `
Exit status: 0 success, 1 problems found (lint) or failed lines (batch), 2 bad input,
10/11 affected/unknown with --exit-code, 74 output not written (disk full), 141 output closed
(\`| head\`). Every code: docs/errors.md.

Environment: KB_CACHE_DIR, the cache of compiled folders (default ~/.cache/kb-advisor; off turns it off);
KB_CACHE_MAX_MB, the most it keeps, least recently used going first (default 1024).`,
    )
  const named = argv.find((argument) => !argument.startsWith('-'))
  const wanted = named !== undefined && named in commandModules ? [named] : Object.keys(commandModules)
  for (const name of wanted) for (const register of await commandModules[name]!()) register(program, context)
  for (const command of program.commands) command.exitOverride()
  return program
}

/**
 * Run the CLI with arguments (without `node` and the script) and return the exit status.
 *
 * @example
 * const status = await runCli(['check', '--fact', 'wsusVersion=3.0'])
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const context = new CliContext(io)
  try {
    await (await createProgram(context, argv)).parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
    }
    throw error
  }
  return context.exitCode
}

/**
 * Entry point of `bin/kb.js`.
 *
 * @example
 * const cli = await import('../src/cli/main.ts')
 * await cli.main()
 */
export async function main(): Promise<void> {
  handleOutputErrors(process.stdout, process.stderr)
  process.exitCode = await runCli(process.argv.slice(2))
}
