/** @module `kb search`: find the article for an error code, an id, a symptom sentence or a product. */
import type { Command } from 'commander'
import { languages } from '../../render/i18n.ts'
import { loadRenderResources, Renderer } from '../../render/renderer.ts'
import { SearchIndex } from '../../search/search-index.ts'
import { type CliContext, parseLanguage } from '../context.ts'
import { exitCodes } from '../exit-codes.ts'
import { UsageError } from '../io.ts'
import { parsePositive } from '../parse-positive.ts'

interface SearchCommandOptions {
  lang?: string
  limit: number
  json?: boolean
  rules?: string
}

/**
 * Register `kb search` on the program.
 *
 * @example
 * registerSearch(new Command('kb'), new CliContext(processIo()))
 */
export function registerSearch(program: Command, context: CliContext): void {
  program
    .command('search')
    .description(
      'Search every article in every language: titles, sections, error codes, log lines, product names. Exact codes and ids (an error code such as 0x80244007, a KB number) come first. Exit 1 when nothing matches.',
    )
    .argument('<query...>', 'words, an error code, a KB or update id, or a log line')
    .option('--lang <lang>', `search this language only: ${languages.join(', ')} (default: all)`)
    .option('--limit <n>', 'at most N results', parsePositive, 10)
    .option(
      '--json',
      'print {"query","lang","results":[{article,title,lang,document,section,snippet,score,matched}]}',
    )
    .option(
      '--rules <dir>',
      'rules folder (default: the built-in rules/); a locales/ folder beside it adds its strings',
    )
    .action((query: string[], options: SearchCommandOptions) =>
      context.guard(async () => {
        const text = query.join(' ').trim()
        if (text === '') throw new UsageError('Expected a query of words or codes, not an empty one')
        const lang = options.lang === undefined ? undefined : parseLanguage(options.lang)
        const kb = await context.knowledgeBase(options.rules)
        const resources = await loadRenderResources(
          options.rules === undefined ? {} : { rules: context.resolve(options.rules) },
        )
        const index = await SearchIndex.build(kb.model, new Renderer(kb.model, resources))
        const results = index.search(
          text,
          lang ? { lang, limit: options.limit } : { prefer: 'en', limit: options.limit },
        )
        if (results.length === 0) context.exitCode = exitCodes.problems
        if (options.json) {
          context.out(JSON.stringify({ query: text, lang: lang ?? null, results }, null, 2))
          return
        }
        if (results.length === 0) context.err(`kb: nothing matches \`${text}\``)
        for (const hit of results) {
          const where = [hit.document, hit.section].filter(Boolean).join(' › ')
          context.out(
            `${hit.article}  ${hit.lang}  ${where || '(article data)'}  [${hit.matched.join(', ')}]`,
          )
          context.out(`    ${hit.title}`)
          context.out(`    ${hit.snippet}`)
        }
      }),
    )
}
