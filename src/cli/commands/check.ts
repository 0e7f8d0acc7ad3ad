/** @module `kb check`: answer "am I affected?" from facts. */
import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import { defaultRulesDir } from '../../kb/paths.ts'
import type { CliContext } from '../context.ts'
import { exitCodes, worstVerdictExitCode } from '../exit-codes.ts'
import { formatCheckText } from '../format-check.ts'
import { UsageError } from '../io.ts'
import { localizeAnswers } from '../localize-answers.ts'
import { plainStepTexts } from '../plain-steps.ts'

interface CheckCommandOptions {
  facts?: string
  fact: string[]
  json?: boolean
  lang?: string
  article?: string
  exitCode?: boolean
  rules?: string
  batch?: string
  explain?: boolean
  jobs?: string
}

/**
 * Register `kb check` on the program.
 *
 * @example
 * registerCheck(new Command('kb'), new CliContext(processIo()))
 */
export function registerCheck(program: Command, context: CliContext): void {
  program
    .command('check')
    .description(
      'Answer "am I affected?" from facts: a verdict (affected, not_affected, fixed or unknown), the reasons and the next actions.',
    )
    .option('--facts <file>', 'read facts from a JSON object in FILE, or from standard input with -')
    .option(
      '--fact <name=value>',
      'one fact, repeatable; overrides --facts (names: docs/facts.md)',
      collect,
      [],
    )
    .option(
      '--json',
      'print {"results":[{article, verdict, missingFacts, reasons, actions, …}], "warnings":[…]}',
    )
    .option('--lang <lang>', 'language of the answer: en, nl, pl or nb (default: en)')
    .option('--article <id>', 'check one article only (default: every article, in article id order)')
    .option(
      '--exit-code',
      'exit with the verdict: 0 not affected or fixed, 10 affected, 11 unknown; across articles the most severe wins (affected over unknown over the rest)',
    )
    .option('--rules <dir>', 'rules folder (default: the built-in rules/)')
    .option(
      '--batch <file>',
      'check many machines: one JSON object of facts per line in FILE (- for standard input), one result per line out (docs/performance.md)',
    )
    .option('--explain', 'with --batch: add reasons (affected, unknown) and missingFacts (unknown); slower')
    .option('--jobs <n>', 'with --batch: worker threads (default: the number of cores; 1: no workers)')
    .addHelpText(
      'after',
      `
Examples (fact names and values are the vocabulary's: docs/facts.md, GET /v1/facts):
  kb check --fact <name>=<value> --fact <name>=<value>
  echo '{"<name>":"<value>"}' | kb check --facts - --json
  kb check --lang nl --article <id> --fact <name>=<value>
  kb check --batch fleet.ndjson > verdicts.ndjson
  kb check --rules test/fixtures/fictional/rules --fact widgetServerVersion=4.2 --exit-code

Exit status: 0 on any verdict, 2 on bad input (message on stderr); with --exit-code see above.
With --batch: 0 when every line was checked, 1 when any line failed (each is reported), 2 on bad options.`,
    )
    .action((options: CheckCommandOptions) => context.guard(() => runCheck(options, context)))
}

async function runCheck(options: CheckCommandOptions, context: CliContext): Promise<void> {
  if (options.batch !== undefined) return runBatchCheck(options.batch, options, context)
  for (const [flag, given] of [
    ['--explain', options.explain],
    ['--jobs', options.jobs],
  ] as const) {
    if (given !== undefined) throw new UsageError(`Expected \`${flag}\` together with \`--batch\`, not alone`)
  }
  const i18n = await context.i18n(options.lang, options.rules)
  const kb = await context.knowledgeBase(options.rules)
  const facts: Record<string, unknown> =
    options.facts === undefined ? {} : parseFactsJson(await context.readInput(options.facts), options.facts)
  for (const pair of options.fact) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new UsageError(`Expected \`--fact\` as name=value, not \`${pair}\``)
    facts[pair.slice(0, at).trim()] = pair.slice(at + 1)
  }
  const answers = await context.factAnswers(kb, facts, options.rules)
  const report = await kb.check(
    facts,
    options.article === undefined ? answers : { article: options.article, ...answers },
  )
  const localized = await localizeAnswers(kb, report.results, i18n)
  if (options.json) {
    context.out(JSON.stringify({ results: localized, warnings: report.warnings }, null, 2))
  } else {
    for (const warning of report.warnings) context.err(`kb: warning: ${warning.message}`)
    context.out(formatCheckText(localized, i18n, await plainStepTexts(localized)))
  }
  if (options.exitCode)
    context.exitCode = worstVerdictExitCode(report.results.map((result) => result.verdict))
}

async function runBatchCheck(
  input: string,
  options: CheckCommandOptions,
  context: CliContext,
): Promise<void> {
  const clashing = [
    ['--facts', options.facts !== undefined],
    ['--fact', options.fact.length > 0],
    ['--json', options.json === true],
    ['--exit-code', options.exitCode === true],
    ['--lang', options.lang !== undefined],
  ].find(([, given]) => given)
  if (clashing) {
    throw new UsageError(
      `Expected \`--batch\` without \`${clashing[0]}\`; a batch reads its facts from the file and always writes JSON lines`,
    )
  }
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs)
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256)) {
    throw new UsageError(`Expected \`--jobs\` to be a whole number from 1 to 256, not \`${options.jobs}\``)
  }
  const kb = await context.knowledgeBase(options.rules)
  // Opening `/dev/stdin` fails when standard input is a socket (ENXIO): read it as the stream it is.
  const file = input === '-' || standardInputPaths.includes(input) ? '-' : context.resolve(input)
  if (file !== '-' && !existsSync(file)) {
    throw new UsageError(`Expected a readable file at \`${input}\`, not a path that does not exist`)
  }
  // Loaded only for batches, so a single `kb check` starts without it.
  const { runBatch } = await import('../../batch/run-batch.ts')
  const summary = await runBatch({
    input: file,
    stdin: context.io.stdin,
    stdout: context.io.stdout,
    stderr: context.io.stderr,
    kb,
    rulesDir: options.rules === undefined ? defaultRulesDir : context.resolve(options.rules),
    ...(jobs === undefined ? {} : { jobs }),
    ...(options.article === undefined ? {} : { article: options.article }),
    explain: options.explain === true,
  })
  context.exitCode = summary.failed > 0 ? exitCodes.problems : exitCodes.ok
}

const standardInputPaths = ['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']

/**
 * Parse the JSON of `--facts`, naming the file and position on a syntax error.
 *
 * @example
 * parseFactsJson('{"wsusVersion": "3.0"}', 'facts.json') // {wsusVersion: '3.0'}
 * parseFactsJson('[]', '-') // throws UsageError: Expected a JSON object of facts in `standard input`, not a list
 */
export function parseFactsJson(text: string, file: string): Record<string, unknown> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UsageError(
      `Expected JSON facts in \`${file === '-' ? 'standard input' : file}\`, not text that fails to parse: ${(error as Error).message}`,
    )
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(
      `Expected a JSON object of facts in \`${file === '-' ? 'standard input' : file}\`, not ${Array.isArray(data) ? 'a list' : typeof data}`,
    )
  }
  return data as Record<string, unknown>
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
