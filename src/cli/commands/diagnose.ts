/** @module `kb diagnose`: read logs of any registered kind, report each article's symptom evidence and verdict. */
import { type Command, InvalidArgumentError } from 'commander'
import type { SignaturesFile } from '../../kb/schema/signatures.ts'
import { kindsRead } from '../../logs/diagnose.ts'
import { formatDiagnosisText } from '../../logs/format-report.ts'
import { type DiagnoseInputs, resolveLogInputs } from '../../logs/log-inputs.ts'
import { terminalProgress } from '../../logs/progress.ts'
import type { LogInput } from '../../logs/sources.ts'
import type { CliContext } from '../context.ts'
import { worstVerdictExitCode } from '../exit-codes.ts'
import { formatCheckText } from '../format-check.ts'
import { UsageError } from '../io.ts'
import { localizeAnswers } from '../localize-answers.ts'
import { plainStepTexts } from '../plain-steps.ts'
import { escapeControls } from '../terminal-text.ts'
import { parseFactsJson } from './check.ts'

interface DiagnoseCommandOptions {
  log: Array<{ kind: string; file: string }>
  client: string[]
  server: string[]
  listKinds?: boolean
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
      'Look for the articles\' symptoms in logs of any registered kind, then answer "am I affected?" for each article from its own evidence and any facts.',
    )
    .option(
      '--log <kind=file>',
      'a log of kind KIND (see --list-kinds), repeatable (several files of a kind are reported per file); FILE - for standard input',
      collectLog,
      [],
    )
    .option(
      '--client <file>',
      'shortcut: a log of the kind marked `shortcut: client` (WindowsUpdate.log)',
      collect,
      [],
    )
    .option(
      '--server <file>',
      'shortcut: a log of the kind marked `shortcut: server` (SoftwareDistribution.log)',
      collect,
      [],
    )
    .option('--list-kinds', 'list the log kinds of the knowledge base (id, label, file, usual path) and exit')
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

Each article reads only the log kinds its signatures name, and its evidence counts for it alone.

Examples:
  kb diagnose --list-kinds
  kb diagnose --log windowsupdate=WindowsUpdate.log
  kb diagnose --client pc1.log --client pc2.log --server SoftwareDistribution.log --json
  kb diagnose --log setuperr=setuperr.log --log cbs=CBS.log
  Get-Content WindowsUpdate.log | kb diagnose --client - --lang nl

Exit status: 0 on any verdict, 2 on bad input (message on stderr); with --exit-code see above.`,
    )
    .action((options: DiagnoseCommandOptions) => context.guard(() => runDiagnose(options, context)))
}

async function runDiagnose(options: DiagnoseCommandOptions, context: CliContext): Promise<void> {
  // The strings of the articles of `--rules` are in the locales folder beside it, as for `kb check`.
  const i18n = await context.i18n(options.lang, options.rules)
  const t = (key: string, values?: Record<string, unknown>) =>
    i18n.t(key, { ns: 'common', ...values }) as string
  const kb = await context.knowledgeBase(options.rules)
  if (options.listKinds) {
    for (const kind of kb.model.logKinds) {
      const shortcut = kind.shortcut ? ` (--${kind.shortcut})` : ''
      context.out(`${kind.id}${shortcut}: ${t(`logKinds.${kind.id}`)}, ${kind.file}, ${kind.path}`)
    }
    return
  }
  const files = [...options.log.map((entry) => entry.file), ...options.client, ...options.server]
  if (files.length === 0) {
    throw new UsageError(
      'Expected at least one log, not none: add --log KIND=FILE, --client FILE or --server FILE (- for standard input)',
    )
  }
  if (files.filter((file) => file === '-').length > 1) {
    throw new UsageError(
      'Expected `-` (standard input) for one log only, not several: save the others to files',
    )
  }
  const input = (file: string): LogInput =>
    file === '-'
      ? { name: t('diagnose.standardInput'), content: context.io.stdin }
      : { path: context.resolve(file) }
  const inputs: DiagnoseInputs = { logs: {} }
  for (const { kind, file } of options.log)
    inputs.logs![kind] = [...((inputs.logs![kind] as LogInput[]) ?? []), input(file)]
  if (options.client.length > 0) inputs.client = options.client.map(input)
  if (options.server.length > 0) inputs.server = options.server.map(input)
  const given = Object.keys(resolveLogInputs(inputs, kb.model.logKinds))
  const read = kb.model.articles.flatMap((article) => {
    const signatures = article.extras.signatures as SignaturesFile | undefined
    return signatures ? kindsRead(signatures) : []
  })
  if (!given.some((kind) => read.includes(kind))) {
    throw new UsageError(
      `Expected a log of a kind that an article reads (${[...new Set(read)].map((kind) => `\`${kind}\``).join(', ') || 'none'}), not only ${given.map((kind) => `\`${kind}\``).join(', ')}`,
    )
  }
  const facts: Record<string, unknown> =
    options.facts === undefined ? {} : parseFactsJson(await context.readInput(options.facts), options.facts)
  const answers = await context.factAnswers(kb, facts, options.rules)
  const { warnings } = kb.prepareFacts(facts, answers)
  const diagnosed = await kb.diagnose(inputs, {
    facts,
    ...answers,
    progress: safeProgress(terminalProgress(context.io.stderr)),
    ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
  })
  const unreadable = diagnosed
    .flatMap(({ diagnosis }) => Object.values(diagnosis.logs).flatMap((kind) => kind.files))
    .find((file) => file.problem)
  if (unreadable?.problem) throw new UsageError(unreadable.problem)
  const evidence = diagnosed.map(({ diagnosis }) => diagnosis)
  const results = diagnosed.map(({ check }) => check)
  const localized = await localizeAnswers(kb, results, i18n)
  if (options.json) {
    context.out(JSON.stringify({ evidence, results: localized, warnings }, null, 2))
  } else {
    for (const warning of warnings) context.err(`kb: warning: ${warning.message}`)
    // Log lines and file names come from the input: a terminal must not act on their escape sequences.
    const text = [
      ...evidence.map((report) => formatDiagnosisText(report, t)),
      formatCheckText(localized, i18n, await plainStepTexts(localized)),
    ]
    context.out(escapeControls(text.join('\n\n')))
  }
  if (options.exitCode) context.exitCode = worstVerdictExitCode(results.map((result) => result.verdict))
}

// The progress line shows file names, which come from the input: escape them as the text output does.
function safeProgress(draw: ReturnType<typeof terminalProgress>): ReturnType<typeof terminalProgress> {
  return (event) => draw({ ...event, name: escapeControls(event.name) })
}

function collectLog(value: string, previous: Array<{ kind: string; file: string }>) {
  const match = /^([^=]+)=(.+)$/.exec(value)
  // InvalidArgumentError lets commander report it as a usage error (exit 2).
  if (!match)
    throw new InvalidArgumentError(`Expected KIND=FILE (windowsupdate=WindowsUpdate.log), not \`${value}\``)
  return [...previous, { kind: match[1]!.trim(), file: match[2]! }]
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
