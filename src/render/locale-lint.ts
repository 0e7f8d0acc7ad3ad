/** @module Translation QA: the problems of a locales folder, positioned in its YAML files. */
import { existsSync, readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Root } from 'mdast'
import { loadRules } from '../kb/load.ts'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import type { Problem } from '../kb/problem.ts'
import { displayPath } from '../kb/read-files.ts'
import { parseYamlSource, type YamlSource } from '../kb/yaml-source.ts'
import { factPatterns, findFacts, placeholderAdvice } from './fact-literals.ts'
import { defaultLocalesDir, languages, localesBeside } from './i18n.ts'
import { factTextProblems, factTextSources } from './locale-fact-texts.ts'
import { catalogLabelProblem } from './localized-catalog.ts'
import { sharedTree } from './markdown.ts'
import { lintOutlines } from './outline-lint.ts'
import { localValueNames, placeholderMismatch, placeholders } from './placeholder-check.ts'
import { translationSources } from './plural-keys.ts'
import { flattenStrings, recordedHashes, sourceHash } from './source-hashes.ts'

/** The JSON Schema every locale file names on its first line, for editors (`npm run schema` writes it). */
const localeSchema = fileURLToPath(new URL('../../schema/locale.schema.json', import.meta.url))

interface LocaleFile {
  language: string
  namespace: string
  source: YamlSource
  strings: Map<string, string>
}

/**
 * Lint a locales folder against the English source and the facts of `model`: every key of `en` in every
 * language and no other (`KB_LOCALE_MISSING_*`, `KB_LOCALE_EXTRA_*`), the same placeholders (a translation may
 * add values of its article, such as a local phone number), Markdown that
 * parses as written (no stray `**` or backticks, no raw HTML, no link other than http(s) or mailto), no fact
 * typed in instead of interpolated, no translation whose English changed since its hash was recorded, an
 * English label and question for every fact of the vocabulary (`KB_LOCALE_MISSING_FACT_TEXT`), and a first
 * line naming `schema/locale.schema.json` (`KB_SCHEMA_COMMENT`, a warning).
 *
 * @example
 * const problems = await lintLocales('locales', await loadRules())
 */
export async function lintLocales(localesDir: string, model: KnowledgeBaseModel): Promise<Problem[]> {
  const problems: Problem[] = []
  // Problems of checking files, after those of reading them all, as when every file was read first.
  const checked: Problem[] = []
  const english = new Map<string, LocaleFile>()
  // `language/namespace` → the keys its file has; the languages that have any file.
  const keys = new Map<string, { has(key: string): boolean }>()
  const present = new Set<string>()
  // Each English string is the source of three translations: its hash and placeholders are found once.
  const sourceFacts = new Map<string, { hash: string; placeholders: string[] }>()
  const factsOfSource = (text: string) => {
    let found = sourceFacts.get(text)
    if (found === undefined) {
      found = { hash: sourceHash(text), placeholders: placeholders(text) }
      sourceFacts.set(text, found)
    }
    return found
  }
  // The checks of one file, as soon as it is read: only the English files and the keys of the others stay.
  const check = (file: LocaleFile): void => {
    const patterns = factPatterns(model, file.language)
    const local = localValueNames(model, file.namespace)
    const reference = english.get(file.namespace)
    const problem = (code: Problem['code'], message: string, key: string | undefined, onKey = false) => {
      const keyPath = key === undefined ? [] : key.split('.')
      checked.push({
        code,
        severity: 'error',
        message,
        file: file.source.file,
        ...file.source.locate(keyPath, { key: onKey }),
        path: keyPath,
      })
    }
    checked.push(...nonStrings(file))
    if (!reference) {
      problem(
        'KB_LOCALE_EXTRA_FILE',
        `Expected a namespace that \`en/\` has, not \`${file.namespace}\`; remove the file or add it to \`en/\``,
        undefined,
      )
      return
    }
    const hashes = recordedHashes(file.source.data)
    // Plural keys follow each language's own categories (`_few`, `_many` in Polish).
    const sources =
      file === reference ? reference.strings : translationSources(reference.strings, file.language)
    const facts = findFacts([...file.strings.values()], patterns)
    let position = -1
    for (const [key, text] of file.strings) {
      position++
      const source = sources.get(key)
      if (file.namespace === 'common' && key.startsWith('products.')) {
        // A catalog label in this language: its source is the catalog, not an English string.
        const label = catalogLabelProblem(key, model)
        if (label) problem('KB_LOCALE_EXTRA_KEY', label, key, true)
        const markdown = markdownProblem(text)
        if (markdown) problem(markdown.code, markdown.message, key)
        continue
      }
      if (file !== reference && source === undefined) {
        problem(
          'KB_LOCALE_EXTRA_KEY',
          `Expected only keys that \`en/${file.namespace}.yaml\` has, not \`${key}\`; remove it`,
          key,
          true,
        )
        continue
      }
      if (file !== reference && source !== undefined) {
        const { hash: currentHash, placeholders: expected } = factsOfSource(source)
        const mismatch = placeholderMismatch(source, text, local, expected)
        if (mismatch) problem('KB_LOCALE_PLACEHOLDERS', mismatch, key)
        const hash = hashes.get(key)
        if (hash === undefined)
          problem(
            'KB_LOCALE_HASH_MISSING',
            `Expected a source hash for \`${key}\` in \`_meta.source\`, not none; review the string, then run \`kb locale-hashes --lang ${file.language}\``,
            key,
          )
        else if (hash !== currentHash)
          problem(
            'KB_LOCALE_STALE',
            `Expected a translation of the current English, not of an older one (the English of \`${key}\` changed); update the string, then run \`kb locale-hashes --lang ${file.language}\``,
            key,
          )
      }
      const markdown = markdownProblem(text)
      if (markdown) problem(markdown.code, markdown.message, key)
      const fact = facts[position]
      if (fact)
        problem(
          'KB_LOCALE_FACT',
          `Expected ${fact.what} to be interpolated from rules/, not typed as \`${fact.text}\`; ${placeholderAdvice(model, file.namespace, fact.text)}`,
          key,
        )
    }
    if (file === reference) return
    for (const key of sources.keys())
      if (!file.strings.has(key))
        problem(
          'KB_LOCALE_MISSING_KEY',
          `Expected the key \`${key}\` of \`en/${file.namespace}.yaml\`, not none; translate it`,
          key,
        )
  }
  // English first, whatever the order of `languages`: every English file is in `english` before a
  // translation is checked.
  for (const language of ['en', ...languages.filter((candidate) => candidate !== 'en')]) {
    const folder = path.join(localesDir, language)
    let names: string[]
    try {
      names = (await readdir(folder)).filter((name) => name.endsWith('.yaml')).sort()
    } catch {
      problems.push({
        code: 'KB_LOCALE_MISSING_LANGUAGE',
        severity: 'error',
        message: `Expected a folder \`${language}/\` with the ${language} translation, not none; copy \`en/\` and translate it`,
        file: displayPath(localesDir),
        line: 0,
        column: 0,
        path: [language],
      })
      continue
    }
    for (const name of names) {
      const file = path.join(folder, name)
      const text = readFileSync(file, 'utf8')
      const source = parseYamlSource(displayPath(file), text)
      problems.push(...source.problems, ...schemaComment(source.file, folder, text))
      const read: LocaleFile = {
        language,
        namespace: name.replace(/\.yaml$/, ''),
        source,
        strings: flattenStrings(source.data),
      }
      if (language === 'en') english.set(read.namespace, read)
      keys.set(
        `${language}/${read.namespace}`,
        language === 'en' ? read.strings : new Set(read.strings.keys()),
      )
      present.add(language)
      check(read)
    }
  }
  problems.push(...checked)
  problems.push(
    ...(await lintOutlines(
      model,
      (language, namespace, key) =>
        !present.has(language) || (keys.get(`${language}/${namespace}`)?.has(key) ?? false),
    )),
  )
  const englishSources = new Map([...english].map(([namespace, file]) => [namespace, file.source]))
  problems.push(
    ...factTextProblems(
      model,
      await factTextSources(localesDir, englishSources, model),
      path.join(localesDir, 'en'),
    ),
  )
  for (const reference of english.values())
    for (const language of languages.filter((candidate) => candidate !== 'en')) {
      const folder = path.join(localesDir, language)
      if (!keys.has(`${language}/${reference.namespace}`) && existsSync(folder))
        problems.push({
          code: 'KB_LOCALE_MISSING_FILE',
          severity: 'error',
          message: `Expected \`${language}/${reference.namespace}.yaml\` (every namespace of \`en/\`), not none; translate \`en/${reference.namespace}.yaml\``,
          file: displayPath(folder),
          line: 0,
          column: 0,
          path: [language, reference.namespace],
        })
    }
  return problems
}

/**
 * The translation QA that `kb lint --rules DIR` runs after the rules checks.
 *
 * @example
 * const problems = await lintLocalesFor({rules: 'test/fixtures/fictional/rules'})
 */
export async function lintLocalesFor(options: {
  rules: string
  model?: KnowledgeBaseModel
}): Promise<Problem[]> {
  let model: KnowledgeBaseModel
  try {
    // The caller's model when it has validated the rules already (`kb lint`): they are read once.
    model = options.model ?? (await loadRules(options.rules))
  } catch {
    return [] // The rules' own problems are already reported by lintRules.
  }
  return lintLocales(localesBeside(options.rules) ?? defaultLocalesDir, model)
}

/** A warning when the first line does not point editors at `schema/locale.schema.json`. */
function schemaComment(file: string, folder: string, text: string): Problem[] {
  const named = /^# yaml-language-server: \$schema=(\S+)\r?$/m.exec(text.split('\n', 1)[0] ?? '')?.[1]
  if (named !== undefined && path.basename(named) === path.basename(localeSchema)) return []
  const relative = path.relative(folder, localeSchema).split(path.sep).join('/')
  return [
    {
      code: 'KB_SCHEMA_COMMENT',
      severity: 'warning',
      message: `Expected the first line to be \`# yaml-language-server: $schema=${relative}\` so editors check the file, not ${named === undefined ? 'none' : `a comment naming \`${named}\``}`,
      file,
      line: 1,
      column: 1,
      path: [],
    },
  ]
}

/** Leaves that are not strings (numbers, lists, null) cannot be translations. */
function nonStrings(file: LocaleFile): Problem[] {
  const data = file.source.data
  // A file that did not parse has its syntax error already.
  if (data === undefined) return []
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return [
      {
        code: 'KB_LOCALE_NOT_STRING',
        severity: 'error',
        message: `Expected the file to map keys to strings, not ${data === null ? 'an empty file' : Array.isArray(data) ? 'a list' : `a ${typeof data}`}`,
        file: file.source.file,
        line: 1,
        column: 1,
        path: [],
      },
    ]
  const problems: Problem[] = []
  // One path, extended and cut back while walking: copied only for a problem.
  const keyPath: string[] = []
  const visit = (node: unknown): void => {
    if (keyPath[0] === '_meta') return
    if (typeof node === 'string') return
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) {
        keyPath.push(key)
        visit(value)
        keyPath.pop()
      }
      return
    }
    problems.push({
      code: 'KB_LOCALE_NOT_STRING',
      severity: 'error',
      message: `Expected a string (quote it), not ${node === null ? 'an empty value' : Array.isArray(node) ? 'a list' : typeof node}`,
      file: file.source.file,
      ...file.source.locate(keyPath),
      path: [...keyPath],
    })
  }
  visit(data)
  return problems
}

/**
 * Raw HTML, unsafe links, and Markdown that did not parse as its author meant (stray `**`, `` ` ``, `](`).
 *
 * @example
 * markdownProblem('**bold') // {code: 'KB_LOCALE_MARKDOWN', message: 'Expected balanced Markdown, …'}
 */
export function markdownProblem(text: string): { code: Problem['code']; message: string } | undefined {
  if (/\{\{(?![^{}]*\}\})/.test(text))
    return {
      code: 'KB_LOCALE_MARKDOWN',
      message: 'Expected every `{{` to close with `}}`, not an open placeholder',
    }
  const markdown = text.replace(/\{\{[^}]*\}\}/g, 'x')
  // Without these characters no HTML, no link other than a literal web or mail address, and no text holding
  // `**`, `__`, a backtick or `](` can come out of the parser: plain sentences skip it (most strings).
  return markdownSyntax.test(markdown) ? parsedMarkdownProblem(markdown) : undefined
}

/** The characters without which `parsedMarkdownProblem` finds nothing (a property test holds it to that). */
export const markdownSyntax = /[*_`<[\]&]/

/**
 * `markdownProblem` of a string without placeholders, always through the parser.
 *
 * @example
 * parsedMarkdownProblem('<b>x</b>')?.code // 'KB_LOCALE_HTML'
 */
export function parsedMarkdownProblem(
  markdown: string,
): { code: Problem['code']; message: string } | undefined {
  // Only read: the parser's shared tree, not a copy.
  const tree = sharedTree(markdown)
  let found: { code: Problem['code']; message: string } | undefined
  const visit = (node: Readonly<Root> | Root['children'][number]): void => {
    if (found) return
    if (node.type === 'html')
      found = {
        code: 'KB_LOCALE_HTML',
        message: `Expected Markdown only, not raw HTML \`${node.value.slice(0, 40)}\``,
      }
    else if (
      (node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
      !/^(https?:|mailto:|x$)/i.test(node.url)
    )
      found = {
        code: 'KB_LOCALE_UNSAFE_LINK',
        message: `Expected a link to an http(s) or mailto address from a placeholder, not \`${node.url.slice(0, 40)}\``,
      }
    else if (node.type === 'text' && /\*\*|__|`|\]\(/.test(node.value))
      found = {
        code: 'KB_LOCALE_MARKDOWN',
        message: `Expected balanced Markdown, not a stray \`${/\*\*|__|`|\]\(/.exec(node.value)![0]}\` in "${node.value.trim().slice(0, 40)}"`,
      }
    else if ('children' in node) for (const child of node.children) visit(child as Root['children'][number])
  }
  visit(tree)
  return found
}
