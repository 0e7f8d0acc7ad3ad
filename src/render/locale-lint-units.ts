/**
 * @module The translation QA in pieces that two threads can share: the checks of one namespace in every
 * language (a unit), taken one after another from a counter the threads share. The checks across namespaces,
 * once every unit is done, are in locale-lint-finish.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { displayPath } from '../kb/display-path.ts'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import type { Problem } from '../kb/problem.ts'
import { parseYamlSource, type YamlSource } from '../kb/yaml-source.ts'
import { factPatterns, findFacts, placeholderAdvice } from './fact-literals.ts'
import type { LocaleLayout } from './locale-layout.ts'
import { catalogLabelProblem } from './localized-catalog.ts'
import { markdownProblem } from './markdown-problem.ts'
import { keysAsked } from './outline-lint.ts'
import { localValueNames, placeholderMismatch, placeholders } from './placeholder-check.ts'
import { translationSources } from './plural-keys.ts'
import { flattenStrings, recordedHashes, sourceHash } from './source-hashes.ts'

/** The JSON Schema every locale file names on its first line, for editors (`npm run schema` writes it). */
const localeSchema = fileURLToPath(new URL('../../schema/locale.schema.json', import.meta.url))

/** What one namespace gives in one language that has its file. */
export interface LocaleSlot {
  language: string
  /** Problems of reading the file (syntax, the schema comment). */
  read: Problem[]
  /** Problems of checking its strings. */
  checked: Problem[]
  /**
   * The keys the outlines use in this namespace (`keysAsked`) that the file lacks, for the checks across
   * namespaces. Not the keys it has: a thread hands its units to the other, and the keys of 1,000 articles
   * in four languages are 16 MB to copy.
   */
  missing: string[]
  /**
   * The English file's text as UTF-8, to place a problem in (decoded and parsed again only then), and its
   * `facts` strings, for the checks of fact texts. Not all of its data, and bytes rather than a string: a
   * worker thread hands the bytes over without a copy (`transferables`).
   */
  english?: { utf8: Uint8Array; facts: unknown }
}

/** The checks of one namespace: a slot per language that has its file, in layout order. */
export interface LocaleUnit {
  namespace: string
  slots: LocaleSlot[]
}

interface LocaleFile {
  language: string
  namespace: string
  source: YamlSource
  strings: Map<string, string>
}

/**
 * The checks of one namespace in every language: each file read and checked against the English one (every key
 * of `en` and no other, the same placeholders, Markdown, facts typed in, stale translations).
 *
 * @example
 * const unit = lintUnit('locales', model, layout, '954960', new Map())
 */
export function lintUnit(
  localesDir: string,
  model: KnowledgeBaseModel,
  layout: LocaleLayout,
  namespace: string,
  sourceFacts: Map<string, { hash: string; placeholders: string[] }>,
): LocaleUnit {
  const slots: LocaleSlot[] = []
  const asked = keysAsked(model).get(namespace)
  let reference: LocaleFile | undefined
  for (const { language, names } of layout.folders) {
    if (!names || !namesOf(names).has(`${namespace}.yaml`)) continue
    const folder = path.join(localesDir, language)
    const file = path.join(folder, `${namespace}.yaml`)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      // Removed since the folder was listed: as if it had not been there.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw error
    }
    const source = parseYamlSource(displayPath(file), text)
    const read: LocaleFile = { language, namespace, source, strings: flattenStrings(source.data) }
    if (language === 'en') reference = read
    slots.push({
      language,
      read: [...source.problems, ...schemaComment(source.file, folder, text)],
      checked: checkFile(read, reference, model, sourceFacts),
      missing: asked === undefined ? [] : [...asked].filter((key) => !read.strings.has(key)),
      ...(language === 'en'
        ? { english: { utf8: encoder.encode(text), facts: factStrings(source.data) } }
        : {}),
    })
  }
  return { namespace, slots }
}

// The file names of a language as a set, made once per layout (each thread has its own copy of the layout):
// a unit asks four languages, and a thousand units would otherwise search a thousand names each time.
const nameSets = new WeakMap<readonly string[], ReadonlySet<string>>()

function namesOf(names: readonly string[]): ReadonlySet<string> {
  let set = nameSets.get(names)
  if (set === undefined) {
    set = new Set(names)
    nameSets.set(names, set)
  }
  return set
}

/**
 * Lint units one after another, each the next namespace of the layout that no thread sharing `claims` (one
 * counter, the index of the next namespace) has taken yet, until none is left.
 *
 * @example
 * const units = lintClaimed('locales', model, layout, new Int32Array(new SharedArrayBuffer(4)))
 */
export function lintClaimed(
  localesDir: string,
  model: KnowledgeBaseModel,
  layout: LocaleLayout,
  claims: Int32Array,
): LocaleUnit[] {
  const sourceFacts = new Map<string, { hash: string; placeholders: string[] }>()
  const units: LocaleUnit[] = []
  const { namespaces } = layout
  for (let next = Atomics.add(claims, 0, 1); next < namespaces.length; next = Atomics.add(claims, 0, 1))
    units.push(lintUnit(localesDir, model, layout, namespaces[next]!, sourceFacts))
  return units
}

/** The problems of one file, checked against the English file of its namespace (`reference`). */
function checkFile(
  file: LocaleFile,
  reference: LocaleFile | undefined,
  model: KnowledgeBaseModel,
  sourceFacts: Map<string, { hash: string; placeholders: string[] }>,
): Problem[] {
  const checked: Problem[] = []
  // Each English string is the source of three translations: its hash and placeholders are found once.
  const factsOfSource = (text: string) => {
    let found = sourceFacts.get(text)
    if (found === undefined) {
      found = { hash: sourceHash(text), placeholders: placeholders(text) }
      sourceFacts.set(text, found)
    }
    return found
  }
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
    return checked
  }
  const patterns = factPatterns(model, file.language)
  const local = localValueNames(model, file.namespace)
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
  if (file === reference) return checked
  for (const key of sources.keys())
    if (!file.strings.has(key))
      problem(
        'KB_LOCALE_MISSING_KEY',
        `Expected the key \`${key}\` of \`en/${file.namespace}.yaml\`, not none; translate it`,
        key,
      )
  return checked
}

/** The `facts` mapping of a locale file's data, all that the checks of fact texts read of it. */
function factStrings(data: unknown): unknown {
  return data !== null && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>).facts
    : undefined
}

const encoder = new TextEncoder()

/**
 * The buffers of `units` that a thread can hand over to another instead of copying them (the English texts),
 * for `postMessage(units, transferables(units))`. Each is a buffer of its own, so nothing else is detached.
 *
 * @example
 * parentPort.postMessage({ units }, transferables(units))
 */
export function transferables(units: readonly LocaleUnit[]): ArrayBuffer[] {
  return units.flatMap((unit) =>
    unit.slots.flatMap((slot) => (slot.english ? [slot.english.utf8.buffer as ArrayBuffer] : [])),
  )
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
