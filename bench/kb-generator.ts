/**
 * @module Knowledge bases of any number of articles, made from the real ones in rules/ (and their strings in
 * locales/): the first articles are the real ones unchanged, every other one a copy of them in turn under a
 * new id with its own named values (fixed and unfixed versions) and its own signature literals (error codes, fault codes, the
 * header line), in all four languages. Written under bench/data/ (gitignored) and reused while complete.
 * Run alone: `npx tsx bench/kb-generator.ts 1000` prints the folder.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, parseDocument } from 'yaml'

const root = fileURLToPath(new URL('..', import.meta.url))
const languages = ['en', 'nl', 'pl', 'nb'] as const
// Part of the `.complete` marker: a changed generator writes its knowledge bases again.
const generatorVersion = 3

/** A generated knowledge base: `rules` for `--rules`, `locales` beside it (found by `localesBeside`). */
export interface GeneratedKnowledgeBase {
  dir: string
  rules: string
  locales: string
  articleIds: string[]
}

/**
 * The id of the article at `position` of a generated knowledge base, a copy of `source` (its `index`th; index
 * 0: the source itself). Numbers stay numbers (article ids are KB numbers), in a range no real source text
 * uses, and distinct across sources.
 */
export function generatedId(source: string, index: number, position: number): string {
  if (index === 0) return source
  return /^\d+$/.test(source) ? String(800_000 + position) : `${source}-${index}`
}

/**
 * Literal substitutions that make article `index` a different article in its rules and its logs: the same
 * shapes (hex codes stay hex, versions stay versions), different text. Index 0 changes nothing.
 *
 * @example
 * variant('error = 0x8024400E', 3) // 'error = 0x80244011'
 */
export function variant(text: string, index: number): string {
  if (index === 0) return text
  const hex = (value: number, width: number) => value.toString(16).toUpperCase().padStart(width, '0')
  return text
    .replace(/0x8024([0-9A-F]{4})/g, (_: string, code: string, at: number, whole: string) => {
      const bumped = `0x8024${hex(Number.parseInt(code, 16) + index, 4)}`
      // In an id (`error-0x80244007`) the code stays lower case, as ids must be.
      return whole[at - 1] === '-' ? bumped.toLowerCase() : bumped
    })
    .replace(/SOAP Fault: 0x000190/g, `SOAP Fault: 0x${hex(0x190 + index, 6)}`)
    .replace(/Synchronizing server updates/g, `Synchronizing server updates batch ${index}`)
    .replace(/Item has already been added/g, `Item ${index} has already been added`)
    .replace(/3\.1\.6001\.(6[56])/g, (_, build: string) => `3.${1 + (index % 7)}.${6001 + index}.${build}`)
}

/**
 * Write (or reuse) a knowledge base of `count` articles made from `sourceRules` and `sourceLocales`.
 *
 * @example
 * const kb = generateKnowledgeBase(1000)
 * spawnSync('node', ['bin/kb.js', 'check', '--rules', kb.rules, '--json', ...])
 */
export function generateKnowledgeBase(
  count: number,
  options: { sourceRules?: string; sourceLocales?: string; dataDir?: string; sources?: string[] } = {},
): GeneratedKnowledgeBase {
  const sourceRules = options.sourceRules ?? `${root}rules`
  const sourceLocales = options.sourceLocales ?? `${root}locales`
  const dir = path.join(
    options.dataDir ?? `${root}bench/data`,
    options.sources ? `kbscale-${count}-${options.sources.join('-')}` : `kbscale-${count}`,
  )
  const rules = path.join(dir, 'rules')
  const locales = path.join(dir, 'locales')
  // The articles copied, in turn (default: every article of the source folder).
  const sources = options.sources ?? readdirSync(path.join(sourceRules, 'articles')).sort()
  const articleIds = Array.from({ length: count }, (_, position) =>
    generatedId(sources[position % sources.length]!, Math.floor(position / sources.length), position),
  )
  const complete = path.join(dir, '.complete')
  if (
    existsSync(complete) &&
    readFileSync(complete, 'utf8') === [generatorVersion, ...articleIds].join('\n')
  ) {
    return { dir, rules, locales, articleIds }
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(rules, 'articles'), { recursive: true })
  for (const entry of readdirSync(sourceRules)) {
    if (entry !== 'articles')
      cpSync(path.join(sourceRules, entry), path.join(rules, entry), { recursive: true })
  }
  const allArticles = new Set(readdirSync(path.join(sourceRules, 'articles')).map((id) => `${id}.yaml`))
  for (const language of languages) {
    mkdirSync(path.join(locales, language), { recursive: true })
    // The shared namespaces (common, web, …) as they are: lint checks outlines against them.
    for (const file of readdirSync(path.join(sourceLocales, language))) {
      if (!allArticles.has(file))
        cpSync(path.join(sourceLocales, language, file), path.join(locales, language, file))
    }
  }
  articleIds.forEach((id, position) => {
    const source = sources[position % sources.length]!
    const index = Math.floor(position / sources.length)
    const from = path.join(sourceRules, 'articles', source)
    // Evidence facts belong to one article: each copy declares its own (`clientSymptom` -> `clientSymptom800012`).
    const evidence = index === 0 ? [] : evidenceFacts(from)
    // Verdicts compare shared facts with values of the vocabulary (`scanError: 0x80244007`): only ids change there.
    const rewrite = (text: string, values = true) =>
      evidence.reduce(
        (result, name) => result.replace(new RegExp(`\\b${name}\\b`, 'g'), `${name}${id}`),
        (values ? variant(text, index) : text).replaceAll(source, id),
      )
    mkdirSync(path.join(rules, 'articles', id))
    for (const file of readdirSync(from)) {
      writeFileSync(
        path.join(rules, 'articles', id, file),
        rewrite(readFileSync(path.join(from, file), 'utf8'), file !== 'verdicts.yaml'),
      )
    }
    for (const language of languages) {
      const strings = path.join(sourceLocales, language, `${source}.yaml`)
      if (!existsSync(strings)) continue
      const document = parseDocument(rewrite(readFileSync(strings, 'utf8')))
      // Texts of evidence facts the source keeps in the shared namespace go with the copy's own names.
      const shared = parse(readFileSync(path.join(sourceLocales, language, 'common.yaml'), 'utf8')) as {
        facts?: Record<string, unknown>
        _meta?: { source?: Record<string, string> }
      }
      for (const name of evidence) {
        const texts = shared.facts?.[name]
        if (texts === undefined || document.hasIn(['facts', `${name}${id}`])) continue
        document.setIn(['facts', `${name}${id}`], texts)
        // The translations' source hashes move with them (English has none).
        for (const [key, hash] of Object.entries(shared._meta?.source ?? {})) {
          if (key.startsWith(`facts.${name}.`))
            document.setIn(['_meta', 'source', key.replace(`facts.${name}.`, `facts.${name}${id}.`)], hash)
        }
      }
      // One line per text, as the sources and `kb xliff-import` write them (yaml folds lines at 80 otherwise).
      writeFileSync(path.join(locales, language, `${id}.yaml`), document.toString({ lineWidth: 0 }))
    }
  })
  writeFileSync(complete, [generatorVersion, ...articleIds].join('\n'))
  return { dir, rules, locales, articleIds }
}

/** The evidence facts an article's signatures declare (`fact:` of a symptom or of a correlation). */
function evidenceFacts(articleFolder: string): string[] {
  const file = path.join(articleFolder, 'signatures.yaml')
  if (!existsSync(file)) return []
  const names = [...readFileSync(file, 'utf8').matchAll(/^\s*fact:\s*["']?(\w+)/gm)].map((match) => match[1]!)
  // Longest first, so that no name is rewritten inside a longer one.
  return [...new Set(names)].sort((a, b) => b.length - a.length)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${generateKnowledgeBase(Number(process.argv[2] ?? 10)).dir}\n`)
}
