/** @module `kb locale`: exchange translations with CAT tools (XLIFF 1.2) and record reviewed source hashes. */
import type { Command } from 'commander'
import { loadCompiledModel } from '../../kb/compiled-model.ts'
import { defaultRulesDir } from '../../kb/paths.ts'
import { formatProblem } from '../../kb/problem.ts'
import { defaultLocalesDir, languages, localesBeside } from '../../render/i18n.ts'
import { exportXliff } from '../../render/xliff-export.ts'
import { importXliff } from '../../render/xliff-import.ts'
import type { CliContext } from '../context.ts'
import { exitCodes } from '../exit-codes.ts'
import { UsageError } from '../io.ts'
import { writeAtomically } from '../write-atomically.ts'
import { configureLocaleHashes } from './locale-hashes.ts'

const translated = languages.filter((language) => language !== 'en')

/**
 * Register `kb locale export`, `kb locale import` and `kb locale hashes` on the program.
 *
 * @example
 * registerLocale(new Command('kb'), new CliContext(processIo()))
 */
export function registerLocale(program: Command, context: CliContext): void {
  const locale = program
    .command('locale')
    .description(
      'Translations: export them for a CAT tool (XLIFF 1.2), import the translated file, record reviewed source hashes.',
    )
  const localesOption = (command: Command) =>
    command.option('--locales <dir>', 'locales folder (default: the built-in locales/)')
  const localesDir = (option: string | undefined) =>
    option === undefined ? defaultLocalesDir : context.resolve(option)

  localesOption(
    locale
      .command('export')
      .description(
        'Write the strings of a language as XLIFF 1.2: one <file> per namespace, one <trans-unit> per key; reviewed translations are state="translated", those whose English changed "needs-review-translation", missing ones "new".',
      )
      .requiredOption('--lang <lang>', `the translated language (${translated.join(', ')})`)
      .option(
        '--ns <namespaces...>',
        'only these namespaces (file names without .yaml: common, web, an article id, …)',
      )
      .option('--format <format>', 'exchange format: xliff (XLIFF 1.2)', 'xliff')
      .option('--out <file>', 'write to FILE instead of standard output'),
  ).action((options: { lang: string; ns?: string[]; format: string; out?: string; locales?: string }) =>
    context.guard(async () => {
      if (!(translated as string[]).includes(options.lang))
        throw new UsageError(`Expected --lang ${translated.join('|')}, not \`${options.lang}\``)
      if (options.format !== 'xliff')
        throw new UsageError(`Expected --format xliff, not \`${options.format}\``)
      let text: string
      try {
        text = await exportXliff(localesDir(options.locales), {
          language: options.lang,
          namespaces: options.ns,
        })
      } catch (error) {
        if (error instanceof RangeError)
          throw new UsageError(error.message.replace(/^Expected/, 'Expected --ns'))
        throw error
      }
      if (options.out === undefined) context.io.stdout.write(text)
      else await writeAtomically(context.resolve(options.out), text)
    }),
  )

  localesOption(
    locale
      .command('import')
      .description(
        'Read a translated XLIFF 1.2 file into locales/<lang>/: every target is checked like `kb lint` (placeholders, Markdown, facts); on any error nothing is written. Units marked translated, final or signed-off get their source hash recorded.',
      )
      .argument('<file>', 'the XLIFF file (- for standard input)')
      .option('--lang <lang>', 'refuse a file whose target-language is another one')
      .option(
        '--rules <dir>',
        'rules folder whose facts must not be typed in (default: the built-in rules/); without --locales, the locales/ folder beside it',
      )
      .option('--json', 'print the result as JSON: {language, problems, files}'),
  ).action((file: string, options: { lang?: string; rules?: string; json?: boolean; locales?: string }) =>
    context.guard(async () => {
      const text = await context.readInput(file)
      const rules = options.rules === undefined ? defaultRulesDir : context.resolve(options.rules)
      // The compiled model when the rules have not changed since the last run (as `kb check` reads them).
      const { model } = await loadCompiledModel(rules)
      // Like `kb lint --rules DIR`: the translations beside those rules, unless --locales names others.
      const beside = options.locales === undefined ? localesBeside(rules) : undefined
      const result = await importXliff(file === '-' ? 'standard input' : context.resolve(file), text, {
        localesDir: beside ?? localesDir(options.locales),
        model,
        language: options.lang,
      })
      const errors = result.problems.filter((problem) => problem.severity === 'error').length
      if (options.json) context.out(JSON.stringify(result, null, 2))
      else {
        for (const problem of result.problems) context.err(formatProblem(problem))
        for (const written of result.files)
          context.out(
            `${written.file}: ${written.changed} string${written.changed === 1 ? '' : 's'} changed, ${written.reviewed} marked reviewed`,
          )
        if (errors > 0) context.err(`kb: ${errors} error${errors === 1 ? '' : 's'}; nothing was written`)
        else if (result.files.length === 0) context.err('kb: nothing to change')
      }
      context.exitCode = errors > 0 ? exitCodes.problems : exitCodes.ok
    }),
  )

  configureLocaleHashes(locale.command('hashes'), context)
}
