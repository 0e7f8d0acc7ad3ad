/** @module `kb new`: scaffold a lint-clean article that renders, to be filled in by its author. */
import { access, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import { scaffoldArticle } from '../../kb/scaffold.ts'
import { localesBeside } from '../../render/i18n.ts'
import type { CliContext } from '../context.ts'
import { UsageError } from '../io.ts'
import { writeAtomically } from '../write-atomically.ts'

interface NewCommandOptions {
  rules?: string
  product?: string
  fact?: string
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/**
 * Register `kb new` on the program.
 *
 * @example
 * registerNew(new Command('kb'), new CliContext(processIo()))
 */
export function registerNew(program: Command, context: CliContext): void {
  program
    .command('new')
    .argument('<id>', 'the new article id: letters, digits and `-` (a KB number such as 4096317 works)')
    .description(
      "Scaffold a new article: rules/articles/<id>/{article,verdicts}.yaml and locales/{en,nl,pl,nb}/<id>.yaml, lint-clean and renderable. Replace its sentences and rules with the article's own (docs/authoring.md).",
    )
    .option('--product <id>', 'the catalog product it applies to (default: the first of the catalog)')
    .option(
      '--fact <name>',
      'the version fact its two starting rules compare (default: the first version fact)',
    )
    .option('--rules <dir>', 'rules folder (default: the built-in rules/); locales/ beside it')
    .addHelpText(
      'after',
      `
Examples:
  kb new contoso-3001
  kb new <article id> --product <catalog product id> --fact <version fact>
  kb lint && kb render contoso-3001 --doc kb --lang nl

Exit status: 0 on success, 2 when the id is taken or invalid, or the product or fact is unknown.
Nothing is written unless every file can be.`,
    )
    .action((id: string, options: NewCommandOptions) =>
      context.guard(async () => {
        if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(id))
          throw new UsageError(`Expected an article id of letters, digits and \`-\`, not \`${id}\``)
        const kb = await context.knowledgeBase(options.rules)
        if (kb.articleIds.includes(id))
          throw new UsageError(`Expected a new article id, not \`${id}\`, which the knowledge base has`)
        const products = kb.model.products.map((product) => product.id)
        const product = options.product ?? products[0]
        if (product === undefined || !products.includes(product))
          throw new UsageError(
            `Expected \`--product\` to be a catalog product (${products.map((known) => `\`${known}\``).join(', ')}), not \`${options.product}\``,
          )
        const versions = kb.model.facts.filter((fact) => fact.type === 'version').map((fact) => fact.name)
        const fact = options.fact ?? versions[0]
        if (fact === undefined || !versions.includes(fact))
          throw new UsageError(
            `Expected \`--fact\` to be a version fact of the vocabulary (${versions.map((known) => `\`${known}\``).join(', ')}), not \`${options.fact}\``,
          )
        const rules = kb.model.dir
        const locales = localesBeside(rules) ?? path.join(path.dirname(rules), 'locales')
        const targets = [...scaffoldArticle({ id, product, fact })].map(([relative, text]) => ({
          file: relative.startsWith('rules/')
            ? path.join(rules, relative.slice('rules/'.length))
            : path.join(locales, relative.slice('locales/'.length)),
          text,
        }))
        for (const { file } of targets)
          if (await exists(file))
            throw new UsageError(`Expected \`${file}\` not to exist yet, not a file there`)
        const written: string[] = []
        try {
          for (const { file, text } of targets) {
            await mkdir(path.dirname(file), { recursive: true })
            await writeAtomically(file, text)
            written.push(file)
          }
        } catch (error) {
          // All or nothing: a half-written article would break `kb lint` for everyone.
          await Promise.all(written.map((file) => rm(file, { force: true })))
          await rm(path.join(rules, 'articles', id), { recursive: true, force: true })
          throw error
        }
        for (const { file } of targets) context.out(path.relative(context.io.cwd, file) || file)
      }),
    )
}
