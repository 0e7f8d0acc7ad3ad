/** @module `kb export csaf`: an article as CSAF 2.0 security advisories, one document per language. */
import path from 'node:path'
import type { Command } from 'commander'
import { buildCsaf, defaultCsafBaseUrl } from '../../export/csaf-document.ts'
import { CsafExportError } from '../../export/csaf-export-error.ts'
import { csafRelativePath } from '../../export/csaf-files.ts'
import { type Language, languages } from '../../render/i18n.ts'
import { loadRenderResources } from '../../render/renderer.ts'
import type { CliContext } from '../context.ts'
import { parseLanguage } from '../context.ts'
import { UsageError } from '../io.ts'
import { writeAtomically } from '../write-atomically.ts'

interface ExportOptions {
  lang?: string
  out?: string
  rules?: string
  baseUrl?: string
}

/**
 * Register `kb export csaf <article>` on the program.
 *
 * @example
 * registerExport(program, context) // kb export csaf 954960 --out csaf/
 */
export function registerExport(program: Command, context: CliContext): void {
  const exporter = program.command('export').description('Export an article to an exchange format.')
  exporter
    .command('csaf <article>')
    .description(
      'Write the article as CSAF 2.0 security advisories: English is the original, nl, pl and nb are translations. Without --out, one document (--lang) goes to standard output.',
    )
    .option('--lang <lang>', `one language (${languages.join(', ')}); default: all`)
    .option(
      '--out <dir>',
      'write <year>/<tracking id>.json files into this folder, as the self URL names them (created if needed)',
    )
    .option('--rules <dir>', 'rules folder (default: the built-in rules/)')
    .option(
      '--base-url <url>',
      `https URL of the folder the documents are published in (default: ${defaultCsafBaseUrl})`,
    )
    .action((article: string, options: ExportOptions) =>
      context.guard(async () => {
        const chosen: Language[] = options.lang === undefined ? [...languages] : [parseLanguage(options.lang)]
        if (options.out === undefined && chosen.length > 1) {
          throw new UsageError(
            'Expected `--lang` or `--out DIR` with several languages, not standard output for four documents; add `--lang en` or `--out DIR`',
          )
        }
        if (options.baseUrl !== undefined && !/^https:\/\/[^/]/.test(options.baseUrl)) {
          throw new UsageError(`Expected \`--base-url\` to be an https URL, not \`${options.baseUrl}\``)
        }
        const kb = await context.knowledgeBase(options.rules)
        // Strings read namespace by namespace when first needed, as for documents: not every article's files.
        const resources = await loadRenderResources(
          options.rules === undefined ? {} : { rules: context.resolve(options.rules) },
        )
        const documents = []
        for (const lang of chosen) {
          try {
            documents.push(
              await buildCsaf(kb, {
                article,
                lang,
                resources,
                ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
              }),
            )
          } catch (error) {
            if (error instanceof CsafExportError) throw new UsageError(error.message)
            throw error
          }
        }
        if (options.out === undefined) {
          context.out(JSON.stringify(documents[0], null, 2))
          return
        }
        const folder = context.resolve(options.out)
        for (const document of documents) {
          // The provider layout the `self` URL points at: <out>/<year>/<file>.
          const { tracking } = document.document
          const relative = csafRelativePath(tracking.initial_release_date, tracking.id)
          const file = path.join(folder, ...relative.split('/'))
          await writeAtomically(file, `${JSON.stringify(document, null, 2)}\n`)
          context.err(`kb: wrote ${path.relative(context.io.cwd, file) || file}`)
        }
      }),
    )
}
