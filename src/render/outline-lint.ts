/** @module Lint of the document outlines: what they name exists, and every key they use is translated. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { checkOutline } from '../kb/check-outline.ts'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import { outlineKeys, type YamlPath } from '../kb/outline-walk.ts'
import type { Problem } from '../kb/problem.ts'
import { displayPath } from '../kb/read-files.ts'
import { parseYamlSource, type YamlSource } from '../kb/yaml-source.ts'
import { articleValues } from './article-values.ts'
import { type Language, languages } from './i18n.ts'

/** Whether a language's file of a namespace has a string at a dotted key. */
export type HasString = (language: Language, namespace: string, key: string) => boolean

/**
 * Problems of every article's `documents:` outlines: a block naming a procedure, step, log, reference,
 * product or value the article lacks (`KB_UNKNOWN_REFERENCE`), and a translation key an outline uses that
 * or a decision rule or action (`verdicts.rules.<id>`, `verdicts.actions.<id>`) uses that a language lacks
 * (`KB_OUTLINE_MISSING_KEY`, one problem per key and language), each at the entry's file:line:column.
 *
 * @example
 * const problems = await lintOutlines(model, (lang, ns, key) => strings.get(`${lang}/${ns}`)?.has(key) ?? false)
 */
export async function lintOutlines(model: KnowledgeBaseModel, has: HasString): Promise<Problem[]> {
  const problems: Problem[] = []
  const productIds = new Set(model.products.map((product) => product.id))
  const missing = (
    source: Pick<YamlSource, 'file' | 'locate'>,
    namespace: string,
    keys: Array<{ key: string; path: YamlPath }>,
    what: string,
  ) => {
    for (const { key, path: at } of keys) {
      const [ns, dotted] = key.startsWith('common:')
        ? ['common', key.slice('common:'.length)]
        : [namespace, key]
      for (const language of languages)
        if (!has(language, ns, dotted))
          problems.push({
            code: 'KB_OUTLINE_MISSING_KEY',
            severity: 'error',
            message: `Expected the translation key \`${key}\` in \`${language}/${ns}.yaml\` (${what} uses it), not none; add \`${dotted}\``,
            file: source.file,
            ...source.locate(at),
            path: at,
          })
    }
  }
  for (const { article, verdicts, files } of model.articles) {
    const [articleFile, verdictsFile] = files.map((file) => displayPath(path.join(model.dir, file)))
    if (articleFile !== undefined) {
      const source = lazySource(articleFile)
      const valueNames = new Set(Object.keys(articleValues(article, model.products)))
      checkOutline(article, productIds, valueNames, (message, at) =>
        problems.push({
          code: 'KB_UNKNOWN_REFERENCE',
          severity: 'error',
          message,
          file: source.file,
          ...source.locate(at),
          path: at,
        }),
      )
      missing(source, article.id, outlineKeys(article), 'the outline')
    }
    if (verdictsFile !== undefined)
      missing(
        lazySource(verdictsFile),
        article.id,
        [
          ...verdicts.rules.map((rule, index) => ({
            key: `verdicts.rules.${rule.id}`,
            path: ['rules', index, 'id'],
          })),
          ...verdicts.actions.map((action, index) => ({
            key: `verdicts.actions.${action.id}`,
            path: ['actions', index, 'id'],
          })),
        ],
        'a decision rule or action',
      )
  }
  return problems
}

// Where a problem is in `file`, parsed only when there is a problem to place: the rules were parsed and
// validated already, and lint would otherwise parse every article and verdicts file twice.
function lazySource(file: string): Pick<YamlSource, 'file' | 'locate'> {
  let parsed: YamlSource | undefined
  return {
    file,
    locate: (at, options) => {
      parsed ??= parseYamlSource(file, readFileSync(path.resolve(file), 'utf8'))
      return parsed.locate(at, options)
    },
  }
}
