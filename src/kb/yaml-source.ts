/** @module Parse one YAML file into data plus a way to find any field's line and column. */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import type { Problem } from './problem.ts'
import { maxDepth, quickYamlData } from './quick-yaml.ts'

/**
 * Larger rules files are refused: they are not hand-written, and parsing them costs memory.
 *
 * @example
 * if ((await stat(file)).size > maxFileBytes) problems.push(tooLarge(file))
 */
export const maxFileBytes = 2 * 1024 * 1024

/**
 * Aliases resolved per document before the file counts as an expansion bomb.
 *
 * @example
 * document.toJS({maxAliasCount})
 */
export const maxAliasCount = 100

// Nesting deeper than this is refused before it can exhaust the stack, by either reader.
export { maxDepth }

/** A parsed YAML file that can still tell where each value was written, for positioned problems. */
export interface YamlSource {
  /** The file name used in problems. */
  file: string
  data: unknown
  problems: Problem[]
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: ReadonlyArray<PropertyKey>, options?: { key?: boolean }): { line: number; column: number }
}

/**
 * Parse YAML text; syntax errors, duplicate keys, alias bombs and excessive nesting come back as problems.
 *
 * @example
 * const source = parseYamlSource('rules/facts.yaml', text)
 * source.locate(['facts', 0, 'name']) // {line: 5, column: 11}
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  const quick = quickYamlData(text)
  if (!quick) return readYamlFully(file, text)
  // Positions are only asked for problems, so yaml reads the file again only then.
  let full: YamlSource | undefined
  const locate: YamlSource['locate'] = (path, options) => {
    full ??= readYamlFully(file, text)
    return full.locate(path, options)
  }
  return { file, data: quick.data, problems: [], locate }
}

/** Read `text` with `yaml`: the data, its problems, and where every node was written. */
function readYamlFully(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter()
  const problems: Problem[] = []
  const at = (offset: number) => {
    const position = lineCounter.linePos(offset)
    return { line: position.line, column: position.col }
  }
  const problem = (code: Problem['code'], message: string, offset: number, path: Problem['path'] = []) =>
    problems.push({ code, severity: 'error', message, file, ...at(offset), path })

  let document: Document.Parsed
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true })
  } catch (error) {
    problem(
      'KB_YAML_TOO_DEEP',
      `Expected YAML the parser can read, not input that failed with: ${String(error)}`,
      0,
    )
    return { file, data: undefined, problems, locate: () => ({ line: 1, column: 1 }) }
  }

  for (const error of document.errors) {
    // The parser catches its own stack overflow on thousands of nested `[` and reports it as an error.
    if (error instanceof Error && /call stack/i.test(error.message)) {
      problem('KB_YAML_TOO_DEEP', `Expected at most ${maxDepth} levels of nesting, not more`, error.pos[0])
      continue
    }
    if (error.code === 'DUPLICATE_KEY') {
      const duplicate = findDuplicateKey(document.contents as Node | null, error.pos[0])
      if (duplicate) {
        const first = at(duplicate.firstOffset)
        problems.push({
          code: 'KB_YAML_DUPLICATE_KEY',
          severity: 'error',
          message: `Expected \`${duplicate.key}\` once in this mapping, not twice (first at ${first.line}:${first.column}); remove one`,
          file,
          ...at(error.pos[0]),
          path: duplicate.path,
        })
        continue
      }
    }
    problem(
      error.code === 'DUPLICATE_KEY' ? 'KB_YAML_DUPLICATE_KEY' : 'KB_YAML_SYNTAX',
      syntaxMessage(error.code, error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')),
      error.pos[0],
    )
  }

  const locateNode = (path: ReadonlyArray<PropertyKey>, key = false) => {
    let parts = [...path]
    while (parts.length > 0) {
      const parent = document.getIn(parts.slice(0, -1), true) as Node | undefined
      const last = parts.at(-1)
      if (key && isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last)
        if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0])
      }
      const node = document.getIn(parts, true) as Node | undefined
      if (node && typeof node === 'object' && 'range' in node && node.range) return at(node.range[0])
      parts = parts.slice(0, -1)
      key = false
    }
    const root = document.contents
    return root?.range ? at(root.range[0]) : { line: 1, column: 1 }
  }
  const locate: YamlSource['locate'] = (path, options) => locateNode(path, options?.key ?? false)

  if (problems.length > 0) return { file, data: undefined, problems, locate }

  const depth = nodeDepth(document.contents as Node | null, 0)
  if (depth.depth > maxDepth) {
    problem('KB_YAML_TOO_DEEP', `Expected at most ${maxDepth} levels of nesting, not more`, depth.offset)
    return { file, data: undefined, problems, locate }
  }

  try {
    const data = document.toJS({ maxAliasCount })
    return { file, data, problems, locate }
  } catch (error) {
    const alias = findFirstAlias(text)
    problem(
      'KB_YAML_ALIAS_LIMIT',
      `Expected at most ${maxAliasCount} alias expansions, not an alias bomb (${error instanceof Error ? error.message : String(error)}); remove the repeated \`*alias\` references`,
      alias,
    )
    return { file, data: undefined, problems, locate }
  }
}

function nodeDepth(node: Node | null, level: number): { depth: number; offset: number } {
  if (level > maxDepth) return { depth: level, offset: node?.range?.[0] ?? 0 }
  let deepest = { depth: level, offset: node?.range?.[0] ?? 0 }
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const child = (isMap(node) ? (item as { value: Node | null }).value : item) as Node | null
      const found = nodeDepth(child, level + 1)
      if (found.depth > deepest.depth) deepest = found
      if (deepest.depth > maxDepth) break
    }
  }
  return deepest
}

function findFirstAlias(text: string): number {
  const match = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text)
  return match ? match.index + match[1]!.length : 0
}

// The parser's own sentences, turned into "Expected …, not …" with the fix where one is known.
const syntaxHints: Record<string, string> = {
  TAB_AS_INDENT: 'Expected spaces for indentation, not a tab; replace the tab with spaces',
  MULTIPLE_DOCS:
    'Expected one YAML document per file, not several; remove the `---` separator or split the file',
  BAD_INDENT: 'Expected this line to be indented like its siblings, not differently',
  MULTILINE_IMPLICIT_KEY:
    'Expected a key on one line, not across lines; quote the value or use `key: |` for text blocks',
}

function syntaxMessage(code: string, parserMessage: string): string {
  const hint = syntaxHints[code]
  return hint
    ? `${hint} (${parserMessage})`
    : `Expected valid YAML, not text that fails to parse: ${parserMessage}`
}

/** The key at `offset` that repeats an earlier key of its mapping, with its path and the first one's offset. */
function findDuplicateKey(
  node: Node | null,
  offset: number,
  path: Array<string | number> = [],
): { key: string; path: Array<string | number>; firstOffset: number } | undefined {
  if (isMap(node)) {
    const seen = new Map<unknown, number>()
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined
      const start = isScalar(pair.key) ? pair.key.range?.[0] : undefined
      if (start === offset && seen.has(key))
        return { key: String(key), path: [...path, String(key)], firstOffset: seen.get(key)! }
      if (start !== undefined && !seen.has(key)) seen.set(key, start)
      const found = findDuplicateKey(pair.value as Node | null, offset, [...path, String(key)])
      if (found) return found
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = findDuplicateKey(item as Node | null, offset, [...path, index])
      if (found) return found
    }
  }
  return undefined
}
