/** @module Translation QA of the fact vocabulary: every fact can be asked and named in English. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { displayPath } from '../kb/display-path.ts'
import type { ArticleModel, KnowledgeBaseModel } from '../kb/model.ts'
import type { Problem } from '../kb/problem.ts'
import { parseYamlSource, type YamlSource } from '../kb/yaml-source.ts'
import { memoOf } from '../memo-per.ts'
import { defaultLocalesDir } from './i18n.ts'

/** An English namespace that can hold fact strings, and whether it belongs to the folder being linted. */
interface FactTextSource {
  source: YamlSource
  /** False for the built-in `locales/en/` file that an extra locales folder falls back to. */
  linted: boolean
}

/**
 * The English files where `kb check` and the web page look up a fact's strings: `common`, then each article's
 * namespace. A namespace missing from `localesDir` falls back to the built-in `locales/en/` file, as at run
 * time, where a fixture's locales are merged over the built-in ones.
 *
 * @example
 * const sources = await factTextSources('test/fixtures/fictional/locales', linted, model)
 * sources.get('common')?.linted // false: the fixture has no common.yaml of its own
 */
export async function factTextSources(
  localesDir: string,
  linted: ReadonlyMap<string, YamlSource>,
  model: KnowledgeBaseModel,
): Promise<Map<string, FactTextSource>> {
  const sources = new Map<string, FactTextSource>()
  for (const namespace of ['common', ...model.articles.map((article) => article.id)]) {
    const own = linted.get(namespace)
    if (own) {
      sources.set(namespace, { source: own, linted: true })
      continue
    }
    if (path.resolve(localesDir) === path.resolve(defaultLocalesDir)) continue
    const file = path.join(defaultLocalesDir, 'en', `${namespace}.yaml`)
    try {
      sources.set(namespace, {
        source: parseYamlSource(displayPath(file), readFileSync(file, 'utf8')),
        linted: false,
      })
    } catch {
      // No built-in file for this namespace either: the fact must be found elsewhere.
    }
  }
  return sources
}

/**
 * Every fact of the vocabulary needs an English `label` and `question`, in `common` or in an article's
 * namespace (`KB_LOCALE_MISSING_FACT_TEXT`, an error: `kb check` and the web page would show the bare fact
 * name); each value of an enum fact should have a label (`KB_LOCALE_MISSING_VALUE_LABEL`, a warning: the
 * bare value is shown instead). The problem sits where the string belongs: the namespace that already has
 * the fact's other strings, the one article that uses the fact, or `common`.
 *
 * @example
 * const problems = factTextProblems(model, await factTextSources(dir, linted, model), 'locales/en')
 */
export function factTextProblems(
  model: KnowledgeBaseModel,
  sources: ReadonlyMap<string, FactTextSource>,
  englishFolder: string,
): Problem[] {
  const problems: Problem[] = []
  // Indexes built once: asked per fact, the sources and the articles made this quadratic in the articles.
  const texts = new FactTexts(sources)
  const usersOf = factUsers(model)
  for (const fact of model.facts) {
    const users = usersOf.get(fact.name) ?? []
    const target = targetFor(fact.name, users, sources, texts)
    const report = (
      code: Problem['code'],
      severity: Problem['severity'],
      expected: string,
      keys: string[],
    ) => {
      const where = [...users.map((article) => `\`en/${article.id}.yaml\``), '`en/common.yaml`'].join(' or ')
      problems.push({
        code,
        severity,
        message: `${expected}; add \`${keys.join('.')}\` to ${where}, then translate it`,
        file: target ? target.source.file : displayPath(path.join(englishFolder, 'common.yaml')),
        ...(target ? target.source.locate(keys) : { line: 0, column: 0 }),
        path: keys,
      })
    }
    for (const field of ['label', 'question'] as const) {
      const keys = ['facts', fact.name, field]
      if (!texts.has(keys))
        report(
          'KB_LOCALE_MISSING_FACT_TEXT',
          'error',
          `Expected an English ${field === 'label' ? 'label (the fact named in answers)' : 'question (how the guided check asks for it)'} for the fact \`${fact.name}\`, not none`,
          keys,
        )
    }
    if (fact.type !== 'enum') continue
    for (const { value } of fact.values ?? []) {
      const keys = ['facts', fact.name, 'values', value]
      if (!texts.has(keys))
        report(
          'KB_LOCALE_MISSING_VALUE_LABEL',
          'warning',
          `Expected an English label for the value \`${value}\` of the fact \`${fact.name}\` (the answer the web page offers), not the bare value`,
          keys,
        )
    }
  }
  return problems
}

/**
 * The fact strings of all sources by path (`facts.<name>.label`, `facts.<name>.values.<value>`), and the first
 * linted source with anything under `facts.<name>`. A name that objects inherit (`constructor`) is looked up
 * source by source, as `dig` walks it.
 */
class FactTexts {
  readonly #strings = new Set<string>()
  readonly #started = new Map<string, FactTextSource>()
  readonly #sources: ReadonlyMap<string, FactTextSource>

  constructor(sources: ReadonlyMap<string, FactTextSource>) {
    this.#sources = sources
    for (const candidate of sources.values()) {
      const facts = dig(candidate.source.data, ['facts'])
      if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) continue
      for (const [name, entry] of Object.entries(facts)) {
        if (candidate.linted && entry !== undefined && !this.#started.has(name))
          this.#started.set(name, candidate)
        if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue
        for (const [field, value] of Object.entries(entry)) {
          if (typeof value === 'string') this.#strings.add(JSON.stringify([name, field]))
          if (field !== 'values' || value === null || typeof value !== 'object' || Array.isArray(value))
            continue
          for (const [option, label] of Object.entries(value))
            if (typeof label === 'string') this.#strings.add(JSON.stringify([name, field, option]))
        }
      }
    }
  }

  /** Whether some source has a string at `keys` (`['facts', name, …]`). */
  has(keys: string[]): boolean {
    if (keys[1]! in Object.prototype)
      return [...this.#sources.values()].some(({ source }) => typeof dig(source.data, keys) === 'string')
    return this.#strings.has(JSON.stringify(keys.slice(1)))
  }

  /** The first linted source with anything under `facts.<name>`. */
  started(name: string): FactTextSource | undefined {
    if (name in Object.prototype)
      return [...this.#sources.values()].find(
        (candidate) => candidate.linted && dig(candidate.source.data, ['facts', name]) !== undefined,
      )
    return this.#started.get(name)
  }
}

/** The linted file to point at: one that already has strings of the fact, else its only article, else common. */
function targetFor(
  fact: string,
  users: ArticleModel[],
  sources: ReadonlyMap<string, FactTextSource>,
  texts: FactTexts,
): FactTextSource | undefined {
  const started = texts.started(fact)
  if (started) return started
  const only = users.length === 1 ? sources.get(users[0]!.id) : undefined
  if (only?.linted) return only
  const common = sources.get('common')
  return common?.linted ? common : [...sources.values()].find((candidate) => candidate.linted)
}

/** Walk nested mappings by whole keys, so a value key with dots (`4.2`, `3.0 SP1`) is one step. */
function dig(data: unknown, keys: string[]): unknown {
  let node = data
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

const usersByModel = new WeakMap<KnowledgeBaseModel, ReadonlyMap<string, ArticleModel[]>>()

/**
 * The articles whose rules read or derive each fact, made once per model (a model is not changed once
 * loaded): a lint sharing the translations between threads has it made while the other thread still lints
 * them.
 *
 * @example
 * factUsers(model).get('wsusVersion')?.map((article) => article.id) // ['954960']
 */
export function factUsers(model: KnowledgeBaseModel): ReadonlyMap<string, ArticleModel[]> {
  return memoOf(usersByModel, model, () => {
    const usersOf = new Map<string, ArticleModel[]>()
    for (const article of model.articles) {
      for (const name of factsUsedBy(article)) {
        const users = usersOf.get(name) ?? []
        users.push(article)
        usersOf.set(name, users)
      }
    }
    return usersOf
  })
}

/** The facts an article's rules read or derive: `fact:` of its conditions and the keys of `derive[].set`. */
function factsUsedBy(article: ArticleModel): Set<string> {
  const used = new Set<string>()
  const visit = (node: unknown, parentKey?: string): void => {
    if (Array.isArray(node)) for (const item of node) visit(item, parentKey)
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'fact' && typeof value === 'string') used.add(value)
        if (parentKey === 'derive' && key === 'set' && value && typeof value === 'object')
          for (const name of Object.keys(value)) used.add(name)
        visit(value, key)
      }
    }
  }
  visit(article.verdicts)
  return used
}
