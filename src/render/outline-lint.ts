/** @module Lint of the document outlines: what they name exists, and every key they use is translated. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { checkOutline } from '../kb/check-outline.ts'
import { displayPath } from '../kb/display-path.ts'
import type { ArticleModel, KnowledgeBaseModel } from '../kb/model.ts'
import { outlineKeys, type YamlPath } from '../kb/outline-walk.ts'
import type { Problem } from '../kb/problem.ts'
import { parseYamlSource, type YamlSource } from '../kb/yaml-source.ts'
import { memoOf, memoPer } from '../memo-per.ts'
import { articleValues } from './article-values.ts'
import { type Language, languages } from './i18n.ts'

/** Whether a language's file of a namespace has a string at a dotted key. */
export type HasString = (language: Language, namespace: string, key: string) => boolean

/**
 * Problems of every article's `documents:` outlines: a block naming a procedure, step, log, reference,
 * product or value the article lacks (`KB_UNKNOWN_REFERENCE`), and a translation key an outline uses that
 * or a decision rule or action (`verdicts.rules.<id>`, `verdicts.actions.<id>`) uses that a language lacks
 * (`KB_OUTLINE_MISSING_KEY`, one problem per key and language), each at the entry's file:line:column. `has`
 * is `'all'` when the caller knows that every language has every key `keysAsked` lists.
 *
 * @example
 * const problems = await lintOutlines(model, (lang, ns, key) => strings.get(`${lang}/${ns}`)?.has(key) ?? false)
 */
export async function lintOutlines(model: KnowledgeBaseModel, has: HasString | 'all'): Promise<Problem[]> {
  const problems: Problem[] = []
  const missing = (hasKey: HasString, { source, uses }: KeyUsesIn) => {
    for (const { key, path: at } of uses.keys) {
      const [ns, dotted] = namespacedKey(key, uses.namespace)
      for (const language of languages)
        if (!hasKey(language, ns, dotted))
          problems.push({
            code: 'KB_OUTLINE_MISSING_KEY',
            severity: 'error',
            message: `Expected the translation key \`${key}\` in \`${language}/${ns}.yaml\` (${uses.what} uses it), not none; add \`${dotted}\``,
            file: source.file,
            ...source.locate(at),
            path: at,
          })
    }
  }
  const references = unknownReferences(model)
  for (const [index, entry] of model.articles.entries()) {
    // Copies: the made ones are kept for the next lint of the same model.
    problems.push(...references[index]!.map((problem) => ({ ...problem, path: [...problem.path] })))
    if (has === 'all') continue
    const { outline, decisions } = keysIn(model, entry)
    if (outline) missing(has, outline)
    if (decisions) missing(has, decisions)
  }
  return problems
}

/** The keys an article's outlines use, when it has an article file; those its rules use, when it has verdicts. */
interface ArticleKeys {
  outline?: KeyUsesIn
  decisions?: KeyUsesIn
}

interface KeyUsesIn {
  source: Pick<YamlSource, 'file' | 'locate'>
  uses: KeyUses
}

const referencesByModel = new WeakMap<KnowledgeBaseModel, readonly Problem[][]>()

/**
 * The `KB_UNKNOWN_REFERENCE` problems of each article's outlines (the check that needs no translations), made
 * once per model (a model is not changed once loaded): a lint sharing the translations between threads has
 * them made while the other thread still lints translations. `lintOutlines` hands out copies.
 *
 * @example
 * unknownReferences(model)[0] // the problems of the first article, usually none
 */
export function unknownReferences(model: KnowledgeBaseModel): readonly Problem[][] {
  return memoOf(referencesByModel, model, () => {
    const productIds = new Set(model.products.map((product) => product.id))
    return model.articles.map(({ article, files }) => {
      const found: Problem[] = []
      if (files[0] === undefined) return found
      const source = sourceOf(model, files[0])
      const valueNames = new Set(Object.keys(articleValues(article, model.products)))
      checkOutline(article, productIds, valueNames, (message, at) =>
        found.push({
          code: 'KB_UNKNOWN_REFERENCE',
          severity: 'error',
          message,
          file: source.file,
          ...source.locate(at),
          path: at,
        }),
      )
      return found
    })
  })
}

const sourcesByModel = new WeakMap<KnowledgeBaseModel, Map<string, Pick<YamlSource, 'file' | 'locate'>>>()

// Where a problem is in a file of the model (`relative` to its folder), parsed only when there is a problem to
// place: the rules were parsed and validated already, and lint would otherwise parse every article and
// verdicts file twice. One per file, so the reference and key checks of an article share its parse.
function sourceOf(model: KnowledgeBaseModel, relative: string): Pick<YamlSource, 'file' | 'locate'> {
  return memoPer(sourcesByModel, model, relative, () => {
    const file = displayPath(path.join(model.dir, relative))
    let parsed: YamlSource | undefined
    return {
      file,
      locate: (at, options) => {
        parsed ??= parseYamlSource(file, readFileSync(path.resolve(file), 'utf8'))
        return parsed.locate(at, options)
      },
    }
  })
}

/** The keys one file of an article uses: its outlines (article.yaml) or its decision rules and actions. */
interface KeyUses {
  namespace: string
  what: string
  keys: Array<{ key: string; path: YamlPath }>
}

// Made at each call, not kept per model as the references are: with their paths, the keys of 1,000 articles
// would hold tens of megabytes through the whole lint.
function keysIn(model: KnowledgeBaseModel, { article, verdicts, files }: ArticleModel): ArticleKeys {
  const [articleFile, verdictsFile] = files
  const namespace = article.id
  return {
    ...(articleFile === undefined
      ? {}
      : {
          outline: {
            source: sourceOf(model, articleFile),
            uses: { namespace, what: 'the outline', keys: outlineKeys(article) },
          },
        }),
    ...(verdictsFile === undefined
      ? {}
      : {
          decisions: {
            source: sourceOf(model, verdictsFile),
            uses: {
              namespace,
              what: 'a decision rule or action',
              keys: [
                ...verdicts.rules.map((rule, index) => ({
                  key: `verdicts.rules.${rule.id}`,
                  path: ['rules', index, 'id'],
                })),
                ...verdicts.actions.map((action, index) => ({
                  key: `verdicts.actions.${action.id}`,
                  path: ['actions', index, 'id'],
                })),
              ],
            },
          },
        }),
  }
}

/** `common:kb.title` is `kb.title` of `common`; any other key belongs to the article's own namespace. */
function namespacedKey(key: string, namespace: string): [namespace: string, key: string] {
  return key.startsWith('common:') ? ['common', key.slice('common:'.length)] : [namespace, key]
}

const keysByModel = new WeakMap<KnowledgeBaseModel, ReadonlyMap<string, ReadonlySet<string>>>()

/**
 * The keys `lintOutlines` asks `has` about, by namespace: the translation QA of a file reports which of these
 * it lacks, rather than every key it has (a thread hands its findings to another: 16 MB of keys at 1,000
 * articles).
 *
 * @example
 * keysAsked(model).get('common')?.has('kb.technicalUpdate') // true when an outline uses `common:kb.technicalUpdate`
 */
export function keysAsked(model: KnowledgeBaseModel): ReadonlyMap<string, ReadonlySet<string>> {
  return memoOf(keysByModel, model, () => {
    const byNamespace = new Map<string, Set<string>>()
    for (const entry of model.articles) {
      const { outline, decisions } = keysIn(model, entry)
      for (const { uses } of [outline, decisions].filter((found) => found !== undefined))
        for (const { key } of uses.keys) {
          const [ns, dotted] = namespacedKey(key, uses.namespace)
          let keys = byNamespace.get(ns)
          if (keys === undefined) {
            keys = new Set()
            byNamespace.set(ns, keys)
          }
          keys.add(dotted)
        }
    }
    return byNamespace
  })
}
