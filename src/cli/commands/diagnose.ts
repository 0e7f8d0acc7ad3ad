/** @module `kb diagnose`: read WindowsUpdate.log / SoftwareDistribution.log files, report the symptom evidence and the verdict. */
import { type Command, InvalidArgumentError } from 'commander'
import type { CheckResult } from '../../engine/check-result.ts'
import type { SignaturesFile } from '../../kb/schema/signatures.ts'
import { type DiagnosisReport, diagnoseLogs } from '../../logs/diagnose.ts'
import { formatDiagnosisText, type Translate } from '../../logs/format-report.ts'
import { terminalProgress } from '../../logs/progress.ts'
import type { LogInput } from '../../logs/sources.ts'
import { localizeCheckResult } from '../../render/localize-check.ts'
import type { CliContext } from '../context.ts'
import { worstVerdictExitCode } from '../exit-codes.ts'
import { formatCheckText } from '../format-check.ts'
import { UsageError } from '../io.ts'
import { escapeControls } from '../terminal-text.ts'
import { parseFactsJson } from './check.ts'

interface DiagnoseCommandOptions {
  client: string[]
  server: string[]
  facts?: string
  json?: boolean
  lang?: string
  rules?: string
  exitCode?: boolean
  maxBytes?: number
}

/**
 * Register `kb diagnose` on the program.
 *
 * @example
 * registerDiagnose(new Command('kb'), new CliContext(processIo()))
 */
export function registerDiagnose(program: Command, context: CliContext): void {
  program
    .command('diagnose')
    .description(
      'Look for the symptom in client (WindowsUpdate.log) and server (SoftwareDistribution.log) logs, then answer "am I affected?" from that evidence and any facts.',
    )
    .option(
      '--client <file>',
      'a client WindowsUpdate.log, repeatable (a fleet is reported per file); - for standard input',
      collect,
      [],
    )
    .option(
      '--server <file>',
      'the WSUS server SoftwareDistribution.log, repeatable; - for standard input',
      collect,
      [],
    )
    .option(
      '--facts <file>',
      'inventory facts as a JSON object in FILE; evidence from the logs overrides the same names',
    )
    .option('--json', 'print {"evidence":[report per article], "results":[…], "warnings":[…]}')
    .option('--lang <lang>', 'language of the evidence and the verdict: en, nl, pl or nb', 'en')
    .option('--rules <dir>', 'rules folder (default: the built-in rules/)')
    .option('--exit-code', 'exit with the verdict: 0 not affected or fixed, 10 affected, 11 unknown')
    .option(
      '--max-bytes <n>',
      'refuse a log longer than N bytes (default: no limit); bounds an endless pipe',
      parseByteCount,
    )
    .addHelpText(
      'after',
      `
Logs may be UTF-8 (with or without BOM) or UTF-16 with BOM, classic or Get-WindowsUpdateLog format,
or pasted copies; any size (read as a stream). Formats and levels: docs/logs.md.

Examples:
  kb diagnose --client WindowsUpdate.log
  kb diagnose --client pc1.log --client pc2.log --server SoftwareDistribution.log --json
  Get-Content WindowsUpdate.log | kb diagnose --client - --lang nl

Exit status: 0 on any verdict, 2 on bad input (message on stderr); with --exit-code see above.`,
    )
    .action((options: DiagnoseCommandOptions) => context.guard(() => runDiagnose(options, context)))
}

async function runDiagnose(options: DiagnoseCommandOptions, context: CliContext): Promise<void> {
  if (options.client.length === 0 && options.server.length === 0) {
    throw new UsageError(
      'Expected at least one log, not none: add --client FILE or --server FILE (- for standard input)',
    )
  }
  if ([...options.client, ...options.server].filter((file) => file === '-').length > 1) {
    throw new UsageError(
      'Expected `-` (standard input) for one log only, not several: save the others to files',
    )
  }
  const i18n = await context.i18n(options.lang)
  const t: Translate = (key, values) => i18n.t(key, { ns: 'common', ...values }) as string
  const kb = await context.knowledgeBase(options.rules)
  const articles = kb.model.articles.flatMap((article) => {
    const signatures = article.extras.signatures as SignaturesFile | undefined
    return signatures ? [{ id: article.id, signatures }] : []
  })
  if (articles.length === 0) {
    throw new UsageError('Expected an article with a `kind: signatures` file in the rules, not none')
  }
  const facts: Record<string, unknown> =
    options.facts === undefined ? {} : parseFactsJson(await context.readInput(options.facts), options.facts)
  const evidence: DiagnosisReport[] = []
  const results: CheckResult[] = []
  const warnings = []
  for (const article of articles) {
    const report = await diagnoseLogs(
      {
        ...(options.client.length > 0 && { client: options.client.map((file) => toInput(file, context, t)) }),
        ...(options.server.length > 0 && { server: options.server.map((file) => toInput(file, context, t)) }),
      },
      {
        signatures: article.signatures,
        progress: safeProgress(terminalProgress(context.io.stderr)),
        ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
      },
    )
    const unreadable = [report.client, report.server]
      .flatMap((side) => side?.files ?? [])
      .find((file) => file.problem)
    if (unreadable?.problem) throw new UsageError(unreadable.problem)
    evidence.push(report)
    const check = await kb.check({ ...facts, ...report.facts }, { article: article.id })
    results.push(...check.results)
    warnings.push(...check.warnings)
  }
  const localized = results.map((result) => localizeCheckResult(result, i18n, kb))
  if (options.json) {
    context.out(JSON.stringify({ evidence, results: localized, warnings }, null, 2))
  } else {
    for (const warning of warnings) context.err(`kb: warning: ${warning.message}`)
    // Log lines and file names come from the input: a terminal must not act on their escape sequences.
    const text = [
      ...evidence.map((report) => formatDiagnosisText(report, t)),
      formatCheckText(localized, i18n),
    ]
    context.out(escapeControls(text.join('\n\n')))
  }
  if (options.exitCode) context.exitCode = worstVerdictExitCode(results.map((result) => result.verdict))
}

// The progress line shows file names, which come from the input: escape them as the text output does.
function safeProgress(draw: ReturnType<typeof terminalProgress>): ReturnType<typeof terminalProgress> {
  return (event) => draw({ ...event, name: escapeControls(event.name) })
}

function toInput(file: string, context: CliContext, t: Translate): LogInput {
  return file === '-'
    ? { name: t('diagnose.standardInput'), content: context.io.stdin }
    : { path: context.resolve(file) }
}

function parseByteCount(value: string): number {
  // InvalidArgumentError lets commander report it as a usage error (exit 2).
  if (!/^\d+$/.test(value))
    throw new InvalidArgumentError(`Expected a whole number of bytes, not \`${value}\``)
  return Number(value)
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
