/** @module The `kb` command line. */
import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import { registerCheck } from './commands/check.ts'
import { registerDiagnose } from './commands/diagnose.ts'
import { registerExport } from './commands/export.ts'
import { registerLint } from './commands/lint.ts'
import { registerRender } from './commands/render.ts'
import { registerServe } from './commands/serve.ts'
import { CliContext } from './context.ts'
import { exitCodes } from './exit-codes.ts'
import { type CliIo, processIo } from './io.ts'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

/** Build the program with every command registered, writing to `context`'s streams. */
export function createProgram(context: CliContext): Command {
  const program = new Command('kb')
    .description(
      'kb-advisor: a knowledge base whose articles are code. Am I affected by Microsoft KB 954960?',
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
10/11 affected/unknown with --exit-code. Every code: docs/errors.md.`,
    )
  registerCheck(program, context)
  registerLint(program, context)
  registerRender(program, context)
  registerDiagnose(program, context)
  registerExport(program, context)
  registerServe(program, context)
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
    await createProgram(context).parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
    }
    throw error
  }
  return context.exitCode
}

/** Entry point of `bin/kb.js`. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2))
}
