/**
 * @module The translation QA across namespaces, once every unit (locale-lint-units.ts) is done, however the
 * units were shared between threads: the problems in one order, by language, then namespace, as one thread
 * reading the folder language by language finds them; then the strings the outlines use, the texts of every
 * fact, and a file for every English namespace.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { displayPath } from '../kb/display-path.ts'
import type { KnowledgeBaseModel } from '../kb/model.ts'
import type { Problem } from '../kb/problem.ts'
import { parseYamlSource, type YamlSource } from '../kb/yaml-source.ts'
import { languages } from './i18n.ts'
import { factTextProblems, factTextSources, factUsers } from './locale-fact-texts.ts'
import type { LocaleLayout } from './locale-layout.ts'
import type { LocaleUnit } from './locale-lint-units.ts'
import { keysAsked, lintOutlines, unknownReferences } from './outline-lint.ts'

/**
 * Make what `finishLocales` needs of the model alone (the outlines' references, which article uses which
 * fact), so that a thread can do it while another still lints units instead of after they are all done.
 *
 * @example
 * prepareFinish(model)
 * const units = lintClaimed('locales', model, layout, claims)
 */
export function prepareFinish(model: KnowledgeBaseModel): void {
  unknownReferences(model)
  factUsers(model)
}

/**
 * Every problem of the folder from its units (one per namespace of the layout, in any order): the problems of
 * reading each file, then of checking each, language by language; then the checks across namespaces (the
 * strings the rules' outlines use, the texts of every fact, a file for every English namespace).
 *
 * @example
 * const problems = await finishLocales('locales', model, layout, layout.namespaces.map((ns) => lintUnit(…)))
 */
export async function finishLocales(
  localesDir: string,
  model: KnowledgeBaseModel,
  layout: LocaleLayout,
  units: readonly LocaleUnit[],
): Promise<Problem[]> {
  const byNamespace = new Map(units.map((unit) => [unit.namespace, unit]))
  const problems: Problem[] = []
  const checked: Problem[] = []
  // `language/namespace` → the keys the outlines use that its file lacks; the languages that have any file.
  const missing = new Map<string, ReadonlySet<string>>()
  const present = new Set<string>()
  const englishSources = new Map<string, YamlSource>()
  for (const { language, names } of layout.folders) {
    if (names === undefined) {
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
      const namespace = name.replace(/\.yaml$/, '')
      const slot = byNamespace.get(namespace)?.slots.find((candidate) => candidate.language === language)
      // Removed since the folder was listed (lintUnit): as if it had not been there.
      if (!slot) continue
      problems.push(...slot.read)
      checked.push(...slot.checked)
      missing.set(`${language}/${namespace}`, new Set(slot.missing))
      present.add(language)
      if (slot.english)
        englishSources.set(namespace, readSource(path.join(localesDir, language, name), slot.english))
    }
  }
  problems.push(...checked)
  // Usually every file has every key the outlines use: then none is looked up.
  const complete = [...keysAsked(model).keys()].every((namespace) =>
    [...present].every((language) => missing.get(`${language}/${namespace}`)?.size === 0),
  )
  problems.push(
    ...(await lintOutlines(
      model,
      complete
        ? 'all'
        : (language, namespace, key) =>
            !present.has(language) || missing.get(`${language}/${namespace}`)?.has(key) === false,
    )),
  )
  problems.push(
    ...factTextProblems(
      model,
      await factTextSources(localesDir, englishSources, model),
      path.join(localesDir, 'en'),
    ),
  )
  for (const namespace of englishSources.keys())
    for (const language of languages.filter((candidate) => candidate !== 'en')) {
      const folder = path.join(localesDir, language)
      if (!missing.has(`${language}/${namespace}`) && existsSync(folder))
        problems.push({
          code: 'KB_LOCALE_MISSING_FILE',
          severity: 'error',
          message: `Expected \`${language}/${namespace}.yaml\` (every namespace of \`en/\`), not none; translate \`en/${namespace}.yaml\``,
          file: displayPath(folder),
          line: 0,
          column: 0,
          path: [language, namespace],
        })
    }
  return problems
}

// A byte order mark stays in the text, as `readFileSync` kept it: positions on line 1 count it.
const utf8Text = new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * The English file of a namespace as the checks of fact texts see it: its `facts` strings, and the text the
 * unit read, decoded and parsed again only if a problem needs a position in it.
 */
function readSource(file: string, { utf8, facts }: { utf8: Uint8Array; facts: unknown }): YamlSource {
  let parsed: YamlSource | undefined
  return {
    file: displayPath(file),
    data: facts === undefined ? {} : { facts },
    problems: [],
    locate: (at, options) => {
      parsed ??= parseYamlSource(displayPath(file), utf8Text.decode(utf8))
      return parsed.locate(at, options)
    },
  }
}
