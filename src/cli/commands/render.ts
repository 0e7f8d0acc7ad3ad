/** @module `kb render`: the KB article and the advisory of an article, in a language and format. */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import { type Format, formats } from '../../render/formats.ts'
import { isLanguage, type Language, languages } from '../../render/i18n.ts'
import { type DocumentKind, documentKinds, Renderer } from '../../render/renderer.ts'
import type { CliContext } from '../context.ts'
import { UsageError } from '../io.ts'
import { writeAtomically } from '../write-atomically.ts'

interface RenderCommandOptions {
  doc?: string
  lang?: string
  format?: string
  out?: string
  page?: boolean
  all?: boolean
  rules?: string
}

/**
 * Register `kb render` (and its companion `kb locale-hashes`) on the program, and add the translation QA
 * to `kb lint`.
 *
 * @example
 * registerRender(new Command('kb'), new CliContext(processIo()))
 */
export function registerRender(program: Command, context: CliContext): void {
  program
    .command('render')
    .description(
      'Render the KB article or the security advisory of an article as Markdown, HTML or plain text; with --all, every document in every language into a folder.',
    )
    .argument('[article]', 'article id (default: the only article, or every article with --all)')
    .option('--doc <doc>', `document: ${documentKinds.join(' or ')}`)
    .option('--lang <lang>', `language: ${languages.join(', ')}`, 'en')
    .option(
      '--format <formats>',
      `output format: ${formats.join(', ')} (default md; with --all, a comma-separated list, default all three)`,
    )
    .option('--out <path>', 'write to FILE (with --all: into the folder DIR) instead of standard output')
    .option('--page', 'HTML only: a full page with <html lang>, <meta charset> and <title>')
    .option(
      '--all',
      'every document × language × format of the article(s), as <article>-<doc>.<lang>.<ext> in --out DIR',
    )
    .option(
      '--rules <dir>',
      'rules folder (default: the built-in rules/); a locales/ folder beside it adds its strings',
    )
    .action((article: string | undefined, options: RenderCommandOptions) =>
      context.guard(async () => {
        const chosen = (options.format ?? (options.all ? formats.join(',') : 'md'))
          .split(',')
          .map((format) => choose(format.trim(), formats, '--format'))
        if (chosen.length > 1 && !options.all)
          throw new UsageError(`Expected one --format without --all, not \`${options.format}\``)
        const format = chosen[0]!
        const renderer = await Renderer.load(
          options.rules === undefined ? {} : { rules: context.resolve(options.rules) },
        )
        if (options.all) {
          if (options.out === undefined) throw new UsageError('Expected --out DIR with --all, not none')
          const articles = article === undefined ? renderer.articleIds : [article]
          const dir = context.resolve(options.out)
          await mkdir(dir, { recursive: true })
          for (const id of articles)
            for (const doc of renderer.documentsOf(id))
              for (const lang of languages)
                for (const each of new Set(chosen)) {
                  const text = await renderer.render({
                    article: id,
                    doc,
                    lang,
                    format: each,
                    page: options.page === true,
                  })
                  const file = path.join(dir, `${id}-${doc}.${lang}.${extension(each)}`)
                  await writeAtomically(file, text)
                  context.out(path.relative(context.io.cwd, file) || file)
                }
          return
        }
        const id = article ?? onlyArticle(renderer)
        const doc = choose(options.doc, documentKinds, '--doc') as DocumentKind
        const lang = options.lang
        if (!isLanguage(lang)) throw new UsageError(`Expected --lang ${languages.join('|')}, not \`${lang}\``)
        if (!renderer.articleIds.includes(id))
          throw new UsageError(
            `Expected an article of the knowledge base (${renderer.articleIds.join(', ')}), not \`${id}\``,
          )
        const text = await renderer.render({
          article: id,
          doc,
          lang: lang as Language,
          format,
          page: options.page === true,
        })
        if (options.out === undefined) context.io.stdout.write(text)
        else await writeAtomically(context.resolve(options.out), text)
      }),
    )
}

function choose<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(
    `Expected ${option} ${allowed.join('|')}, not ${value === undefined ? 'none' : `\`${value}\``}`,
  )
}

function onlyArticle(renderer: Renderer): string {
  const [first, ...rest] = renderer.articleIds
  if (first === undefined || rest.length > 0)
    throw new UsageError(`Expected an article id (${renderer.articleIds.join(', ')}), not none`)
  return first
}

function extension(format: Format): string {
  return format === 'text' ? 'txt' : format
}
