/**
 * @module Knowledge bases of any number of articles, made from the real ones in rules/ (and their strings in
 * locales/): the first articles are the real ones unchanged (`first` leading), every other one a copy under a
 * new id with its own
 * named values (fixed and unfixed versions) and its own signature literals (error codes, fault codes, the
 * header line), in all four languages. Written under bench/data/ (gitignored) and reused while complete.
 * Run alone: `npx tsx bench/kb-generator.ts 1000` prints the folder.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const languages = ['en', 'nl', 'pl', 'nb'] as const

/** A generated knowledge base: `rules` for `--rules`, `locales` beside it (found by `localesBeside`). */
export interface GeneratedKnowledgeBase {
  dir: string
  rules: string
  locales: string
  articleIds: string[]
}

/**
 * The id of the `index`th article generated from `source` (index 0: the source itself), at `position` among
 * all articles. Numbers stay numbers (article ids are KB numbers), in a range no real source text uses, one
 * per position so that copies of different sources never share an id.
 */
export function generatedId(source: string, index: number, position: number): string {
  if (index === 0) return source
  return /^\d+$/.test(source) ? String(800_000 + position) : `${source}-${index}`
}

/**
 * Literal substitutions that make article `index` a different article in its rules and its logs: the same
 * shapes (hex codes stay hex, versions stay versions), different text. Index 0 changes nothing.
 *
 * Values of the shared fact catalog (`keep`) stay: every article's rules use the same vocabulary.
 *
 * @example
 * variant('error = 0x8024400E', 3) // 'error = 0x80244011'
 */
export function variant(text: string, index: number, keep: ReadonlySet<string> = new Set()): string {
  if (index === 0) return text
  const hex = (value: number, width: number) => value.toString(16).toUpperCase().padStart(width, '0')
  return text
    .replace(/0x8024([0-9A-F]{4})/g, (found: string, code: string, at: number, whole: string) => {
      if (keep.has(found)) return found
      const changed = `0x8024${hex(Number.parseInt(code, 16) + index, 4)}`
      // Inside an id (`error-0x80244007`), which is lower case.
      return whole[at - 1] === '-' ? changed.toLowerCase() : changed
    })
    .replace(/SOAP Fault: 0x000190/g, `SOAP Fault: 0x${hex(0x190 + index, 6)}`)
    .replace(/Synchronizing server updates/g, `Synchronizing server updates batch ${index}`)
    .replace(/Item has already been added/g, `Item ${index} has already been added`)
    .replace(/3\.1\.6001\.(6[56])/g, (_, build: string) => `3.${1 + (index % 7)}.${6001 + index}.${build}`)
    .replace(/\/v6\//g, `/v${6 + index}/`)
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
  options: { sourceRules?: string; sourceLocales?: string; dataDir?: string; first?: string } = {},
): GeneratedKnowledgeBase {
  const sourceRules = options.sourceRules ?? `${root}rules`
  const sourceLocales = options.sourceLocales ?? `${root}locales`
  const dir = path.join(options.dataDir ?? `${root}bench/data`, `kbscale-${count}`)
  const rules = path.join(dir, 'rules')
  const locales = path.join(dir, 'locales')
  // The article the benchmarks' logs and facts are written for leads, so that a knowledge base of one holds it.
  const first = options.first ?? '954960'
  const sources = readdirSync(path.join(sourceRules, 'articles')).sort(
    (a, b) => Number(b === first) - Number(a === first) || a.localeCompare(b),
  )
  const articleIds = Array.from({ length: count }, (_, position) =>
    generatedId(sources[position % sources.length]!, Math.floor(position / sources.length), position),
  )
  const complete = path.join(dir, '.complete')
  if (existsSync(complete) && readFileSync(complete, 'utf8') === articleIds.join('\n')) {
    return { dir, rules, locales, articleIds }
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(rules, 'articles'), { recursive: true })
  for (const entry of readdirSync(sourceRules)) {
    if (entry !== 'articles')
      cpSync(path.join(sourceRules, entry), path.join(rules, entry), { recursive: true })
  }
  for (const language of languages) mkdirSync(path.join(locales, language), { recursive: true })
  const keep = catalogValues(path.join(sourceRules, 'facts.yaml'))
  articleIds.forEach((id, position) => {
    const source = sources[position % sources.length]!
    const index = Math.floor(position / sources.length)
    const from = path.join(sourceRules, 'articles', source)
    // Evidence facts belong to one article: each copy names its own.
    const facts = [
      ...readFileSync(path.join(from, 'signatures.yaml'), 'utf8').matchAll(/^\s*fact:\s*(\w+)/gm),
    ]
    const ownFacts = new RegExp(`\\b(${facts.map((match) => match[1]).join('|')})\\b`, 'g')
    const rewrite = (text: string) =>
      index === 0 ? text : variant(text, index, keep).replaceAll(source, id).replace(ownFacts, `$1${index}`)
    mkdirSync(path.join(rules, 'articles', id))
    for (const file of readdirSync(from)) {
      writeFileSync(
        path.join(rules, 'articles', id, file),
        rewrite(readFileSync(path.join(from, file), 'utf8')),
      )
    }
    for (const language of languages) {
      const strings = path.join(sourceLocales, language, `${source}.yaml`)
      if (existsSync(strings))
        writeFileSync(path.join(locales, language, `${id}.yaml`), rewrite(readFileSync(strings, 'utf8')))
    }
  })
  writeFileSync(complete, articleIds.join('\n'))
  return { dir, rules, locales, articleIds }
}

// The values (and their aliases) of the shared facts' enumerations.
function catalogValues(file: string): Set<string> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  return new Set([...text.matchAll(/value: "?([^"\s]+)"?/g)].map((match) => match[1]!))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${generateKnowledgeBase(Number(process.argv[2] ?? 10)).dir}\n`)
}
