/** @module XLIFF import: validate a translator's file like `kb lint`, then write the locale YAML, all or nothing. */
import { rename, rm, writeFile } from 'node:fs/promises'
import { parseDocument } from 'yaml'
import { displayPath } from '../kb/display-path.ts'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import type { Problem } from '../kb/problem.ts'
import { factPatterns, findFact } from './fact-literals.ts'
import { isLanguage } from './i18n.ts'
import { type LocaleStrings, readLocaleStrings, sourceNamespaces } from './locale-files.ts'
import { markdownProblem } from './markdown-problem.ts'
import { localValueNames, placeholderMismatch } from './placeholder-check.ts'
import { translationSources } from './plural-keys.ts'
import { replaceMetaBlock, sourceHash } from './source-hashes.ts'
import { readXliff, type XliffUnit } from './xliff-read.ts'

/** States that certify a target as a reviewed translation of its source: its source hash is recorded. */
const reviewedStates = new Set(['translated', 'final', 'signed-off'])

/** One namespace's part of an import: the current strings, their English sources, and what changes. */
interface ImportPlan {
  target: LocaleStrings
  sources: Map<string, string>
  updates: Map<string, string>
  /** The source hashes to record, of units marked reviewed whose hash was not recorded yet. */
  reviewed: Map<string, string>
}

/** What an import did, or would have done had there been no error. */
export interface XliffImportResult {
  language: string | undefined
  problems: Problem[]
  /** Files written (none when `problems` has an error): strings changed, source hashes newly recorded. */
  files: Array<{ file: string; changed: number; reviewed: number }>
}

/**
 * Import an XLIFF 1.2 file into `locales/<language>/`. Every unit's target is checked like `kb lint`
 * checks a translation (placeholders, Markdown, facts typed in) and positioned at the XLIFF file's
 * line:column with its trans-unit id. On any error nothing is written. Otherwise each namespace's YAML is
 * rewritten through the yaml Document API (comments and order kept, new keys appended) and atomically
 * replaced; the source hash of a unit is recorded only when its state is `translated`, `final` or
 * `signed-off` (or it is `approved="yes"`) and its `<source>` is still the current English.
 *
 * @example
 * const {problems, files} = await importXliff('pl.xlf', await readFile('pl.xlf', 'utf8'), {localesDir: 'locales', model: await loadRules()})
 */
export async function importXliff(
  xliffFile: string,
  text: string,
  options: { localesDir: string; model: KnowledgeBaseModel; language?: string },
): Promise<XliffImportResult> {
  const shown = displayPath(xliffFile)
  const read = readXliff(shown, text)
  const problems = [...read.problems]
  const language = read.language
  const problem = (
    code: Problem['code'],
    message: string,
    unit: XliffUnit,
    severity: Problem['severity'] = 'error',
  ) =>
    problems.push({
      code,
      severity,
      message: `trans-unit \`${unit.id}\`: ${message}`,
      file: shown,
      line: unit.line,
      column: unit.column,
      path: [unit.namespace, unit.id],
    })
  const fail = (message: string) => {
    problems.push({
      code: 'KB_XLIFF_LANGUAGE',
      severity: 'error',
      message,
      file: shown,
      line: 1,
      column: 1,
      path: [],
    })
    return { language, problems, files: [] }
  }
  if (problems.length > 0) return { language, problems, files: [] }
  if (language === undefined || language === 'en' || !isLanguage(language))
    return fail(
      `Expected a target-language of a translation (nl, pl, nb), not ${language === undefined ? 'none' : `\`${language}\``}`,
    )
  if (options.language !== undefined && options.language !== language)
    return fail(`Expected target-language \`${options.language}\` (--lang), not \`${language}\``)
  const namespaces = await sourceNamespaces(options.localesDir)
  const patterns = factPatterns(options.model, language)
  const plans = new Map<string, ImportPlan>()
  const seen = new Set<string>()
  for (const unit of read.units) {
    if (!namespaces.includes(unit.namespace)) {
      problem(
        'KB_XLIFF_FILE',
        `Expected a <file original> of ${namespaces.join(', ')}, not \`${unit.namespace}\``,
        unit,
      )
      continue
    }
    let plan = plans.get(unit.namespace)
    if (!plan) {
      const english = await readLocaleStrings(options.localesDir, 'en', unit.namespace)
      plan = {
        target: await readLocaleStrings(options.localesDir, language, unit.namespace),
        sources: translationSources(english.strings, language),
        updates: new Map(),
        reviewed: new Map(),
      }
      plans.set(unit.namespace, plan)
    }
    const english = plan.sources.get(unit.id)
    const unique = `${unit.namespace}\u0000${unit.id}`
    if (english === undefined) {
      problem(
        'KB_XLIFF_UNKNOWN_UNIT',
        `Expected a key of \`en/${unit.namespace}.yaml\`, not this id; keep the ids of the export`,
        unit,
      )
      continue
    }
    if (seen.has(unique)) {
      problem('KB_XLIFF_DUPLICATE_UNIT', 'Expected each trans-unit id once per <file>, not twice', unit)
      continue
    }
    seen.add(unique)
    if (unit.target === undefined || unit.target === '' || unit.state === 'new') continue
    const mismatch = placeholderMismatch(english, unit.target, localValueNames(options.model, unit.namespace))
    if (mismatch) problem('KB_LOCALE_PLACEHOLDERS', mismatch, unit)
    const markdown = markdownProblem(unit.target)
    if (markdown) problem(markdown.code, markdown.message, unit)
    const fact = findFact(unit.target, patterns)
    if (fact)
      problem(
        'KB_LOCALE_FACT',
        `Expected ${fact.what} as its \`{{placeholder}}\` (the value comes from rules/), not typed as \`${fact.text}\``,
        unit,
      )
    const reviewed = reviewedStates.has(unit.state ?? '') || unit.approved
    if (reviewed && unit.source !== english)
      problem(
        'KB_XLIFF_SOURCE_CHANGED',
        'Expected the <source> of the current English, not an older one: the English changed since the export; the target is imported but stays marked for review (export again to review it)',
        unit,
        'warning',
      )
    const hash = sourceHash(english)
    if (reviewed && unit.source === english && plan.target.hashes.get(unit.id) !== hash)
      plan.reviewed.set(unit.id, hash)
    plan.updates.set(unit.id, unit.target)
  }
  if (problems.some((entry) => entry.severity === 'error')) return { language, problems, files: [] }
  const writes: Array<{ file: string; text: string; changed: number; reviewed: number }> = []
  for (const plan of plans.values()) {
    const { text, changed } = updateLocaleText(plan.target, plan.updates, plan.reviewed)
    if (text !== plan.target.text)
      writes.push({ file: plan.target.file, text, changed, reviewed: plan.reviewed.size })
  }
  await writeAll(writes)
  return {
    language,
    problems,
    files: writes.map(({ file, changed, reviewed }) => ({ file: displayPath(file), changed, reviewed })),
  }
}

/**
 * The locale file's text with `updates` set (existing scalars keep their style and place; new keys are
 * appended to their parent mapping) and the `_meta.source` hashes of `reviewed` recorded over the old ones.
 */
function updateLocaleText(
  target: LocaleStrings,
  updates: Map<string, string>,
  reviewed: Map<string, string>,
): { text: string; changed: number } {
  const document = parseDocument(
    target.text ?? '# yaml-language-server: $schema=../../schema/locale.schema.json\n',
  )
  let changed = 0
  for (const [key, value] of updates) {
    if (target.strings.get(key) === value) continue
    const keyPath = key.split('.')
    const node = document.getIn(keyPath, true) as { value?: unknown } | undefined
    if (node !== undefined && typeof node === 'object' && 'value' in node) node.value = value
    else document.setIn(keyPath, value)
    changed++
  }
  const hashes = new Map([...target.hashes, ...reviewed])
  for (const key of [...hashes.keys()]) if (!target.strings.has(key) && !updates.has(key)) hashes.delete(key)
  const body = changed === 0 ? (target.text ?? '') : document.toString({ lineWidth: 0 })
  if (changed === 0 && reviewed.size === 0 && target.text !== undefined) return { text: target.text, changed }
  return { text: replaceMetaBlock(body, hashes), changed }
}

/** Write every file through a temporary file; rename only when all are written; remove leftovers on failure. */
async function writeAll(writes: Array<{ file: string; text: string }>): Promise<void> {
  const temporaries = writes.map(({ file }) => `${file}.${process.pid}.${Date.now()}.tmp`)
  try {
    await Promise.all(writes.map(({ text }, index) => writeFile(temporaries[index]!, text, 'utf8')))
    for (const [index, { file }] of writes.entries()) await rename(temporaries[index]!, file)
  } finally {
    await Promise.all(temporaries.map((temporary) => rm(temporary, { force: true })))
  }
}
