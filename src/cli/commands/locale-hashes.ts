/** @module `kb locale-hashes`: record the English source hashes of reviewed translations. */
import type { Command } from 'commander'
import { defaultLocalesDir, languages } from '../../render/i18n.ts'
import { updateSourceHashes } from '../../render/source-hashes.ts'
import type { CliContext } from '../context.ts'
import { UsageError } from '../io.ts'

const translated = languages.filter((language) => language !== 'en')

/**
 * Register `kb locale-hashes` on the program.
 *
 * @example
 * registerLocaleHashes(new Command('kb'), new CliContext(processIo()))
 */
export function registerLocaleHashes(program: Command, context: CliContext): void {
  configureLocaleHashes(program.command('locale-hashes'), context)
}

/**
 * Give a command (`kb locale-hashes`, `kb locale hashes`) the options and action of recording hashes.
 *
 * @example
 * configureLocaleHashes(program.command('locale').command('hashes'), context)
 */
export function configureLocaleHashes(command: Command, context: CliContext): Command {
  return command
    .description(
      'After reviewing a translation against the current English, record the hash of each English source string in `_meta.source` so `kb lint` stops reporting it as stale.',
    )
    .option('--lang <lang>', `the translated language (${translated.join(', ')})`)
    .option('--all', 'every translated language')
    .option(
      '--ns <namespaces...>',
      'only these namespaces (file names without .yaml: common or an article id)',
    )
    .option('--locales <dir>', 'locales folder (default: the built-in locales/)')
    .action((options: { lang?: string; all?: boolean; ns?: string[]; locales?: string }) =>
      context.guard(async () => {
        const chosen = options.all ? translated : options.lang === undefined ? [] : [options.lang]
        if (chosen.length === 0 || chosen.some((language) => !(translated as string[]).includes(language)))
          throw new UsageError(
            `Expected --lang ${translated.join('|')} or --all, not ${options.lang === undefined ? 'neither' : `\`${options.lang}\``}`,
          )
        const dir = options.locales === undefined ? defaultLocalesDir : context.resolve(options.locales)
        for (const language of chosen)
          for (const update of await updateSourceHashes(dir, language, { namespaces: options.ns }))
            context.out(
              `${update.file}: ${update.updated.length} hash${update.updated.length === 1 ? '' : 'es'} updated`,
            )
      }),
    )
}
