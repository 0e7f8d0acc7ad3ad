/** @module `kb graph`: an article's derivations and decision rules as a Mermaid flowchart. */
import path from 'node:path'
import type { Command } from 'commander'
import { articleGraph, articleGraphPage } from '../../engine/graph.ts'
import type { CliContext } from '../context.ts'
import { UsageError } from '../io.ts'
import { writeAtomically } from '../write-atomically.ts'

interface GraphCommandOptions {
  rules?: string
  out?: string
  all?: boolean
  mermaid?: boolean
}

/**
 * Register `kb graph` on the program.
 *
 * @example
 * registerGraph(new Command('kb'), new CliContext(processIo()))
 */
export function registerGraph(program: Command, context: CliContext): void {
  program
    .command('graph')
    .argument('[article]', 'article id')
    .description(
      "Draw an article's logic as a Mermaid flowchart: facts → derivations → decision rules (in order) → verdicts, in a Markdown page.",
    )
    .option('--mermaid', 'print the flowchart alone, without the Markdown page around it')
    .option(
      '--out <path>',
      'write to FILE (with --all: <article>.md into the folder DIR) instead of standard output',
    )
    .option('--all', 'every article, as <article>.md in --out DIR')
    .option('--rules <dir>', 'rules folder (default: the built-in rules/)')
    .addHelpText(
      'after',
      `
Examples:
  kb graph <article id>
  kb graph contoso-1001 --rules test/fixtures/fictional/rules --mermaid
  kb graph --all --out docs/articles       # what \`npm run docs:articles\` runs

Exit status: 0 on success, 2 on an unknown article or bad options (message on stderr).`,
    )
    .action((article: string | undefined, options: GraphCommandOptions) =>
      context.guard(async () => {
        const kb = await context.knowledgeBase(options.rules)
        const draw = (id: string) => {
          const checker = kb.checkers.get(id)
          if (!checker)
            throw new UsageError(
              `Expected an article of the knowledge base (${kb.articleIds.map((known) => `\`${known}\``).join(', ')}), not \`${id}\``,
            )
          return options.mermaid
            ? articleGraph(checker.article, kb.model.facts)
            : articleGraphPage(checker.article, kb.model.facts)
        }
        if (options.all) {
          if (options.out === undefined) throw new UsageError('Expected --out DIR with --all, not none')
          const dir = context.resolve(options.out)
          for (const id of article === undefined ? kb.articleIds : [article]) {
            const file = path.join(dir, `${id}.${options.mermaid ? 'mmd' : 'md'}`)
            await writeAtomically(file, draw(id))
            context.out(path.relative(context.io.cwd, file) || file)
          }
          return
        }
        if (article === undefined)
          throw new UsageError(`Expected an article id (${kb.articleIds.join(', ')}) or --all, not none`)
        const text = draw(article)
        if (options.out === undefined) context.io.stdout.write(text)
        else await writeAtomically(context.resolve(options.out), text)
      }),
    )
}
