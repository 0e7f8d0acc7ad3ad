/** @module Read an XLIFF 1.2 file into translation units positioned at their line and column. */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Problem } from '../kb/problem.ts'

/** One `<trans-unit>` as a CAT tool returned it. */
export interface XliffUnit {
  /** The `original` of its `<file>`: the namespace. */
  namespace: string
  /** Its `id`: the dotted key. */
  id: string
  /** The `<source>` text as exported (to notice an English change since the export). */
  source: string
  /** The `<target>` text, or undefined when there is none. */
  target: string | undefined
  /** The target's `state` (`translated`, `final`, `needs-review-translation`, `new`…), when given. */
  state: string | undefined
  /** `approved="yes"` on the unit. */
  approved: boolean
  line: number
  column: number
}

/** What an XLIFF file holds, or the problems that kept it from being read. */
export interface XliffDocument {
  /** The primary language subtag of the files' `target-language` (`pl` of `pl-PL`). */
  language: string | undefined
  units: XliffUnit[]
  problems: Problem[]
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

// fast-xml-parser types the symbol as the `Symbol` wrapper object.
const metadata = XMLParser.getMetaDataSymbol() as unknown as symbol

/**
 * Parse XLIFF 1.2 text. Units may sit in `<group>`s; `<mrk>` segments (Trados, memoQ) are read as their
 * text; any other inline element, a DOCTYPE, XLIFF 2.0 or a `<file>` without `original` is a problem at
 * its line and column.
 *
 * @example
 * const {language, units, problems} = readXliff('pl.xlf', text)
 */
export function readXliff(file: string, text: string): XliffDocument {
  const at = positions(text)
  const problems: Problem[] = []
  const problem = (code: Problem['code'], message: string, offset: number, path: Problem['path'] = []) =>
    problems.push({ code, severity: 'error', message, file, ...at(offset), path })
  const doctype = /<!DOCTYPE/i.exec(text)
  if (doctype) {
    problem('KB_XLIFF_SYNTAX', 'Expected XLIFF without a DOCTYPE, not one; remove it', doctype.index)
    return { language: undefined, units: [], problems }
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    problems.push({
      code: 'KB_XLIFF_SYNTAX',
      severity: 'error',
      message: `Expected well-formed XML: ${valid.err.msg}`,
      file,
      line: valid.err.line,
      column: valid.err.col,
      path: [],
    })
    return { language: undefined, units: [], problems }
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    captureMetaData: true,
  })
  const root = (parser.parse(text) as XmlNode[]).find((node) => 'xliff' in node)
  const offset = (node: XmlNode) =>
    ((node as Record<symbol, unknown>)[metadata] as { startIndex?: number } | undefined)?.startIndex ?? 0
  if (root?.[':@']?.version !== '1.2') {
    problem(
      'KB_XLIFF_VERSION',
      `Expected an XLIFF 1.2 document (<xliff version="1.2">), not ${root ? `version ${root[':@']?.version ?? 'none'}` : 'another XML document'}; export XLIFF 1.2 from the CAT tool`,
      root ? offset(root) : 0,
    )
    return { language: undefined, units: [], problems }
  }
  const units: XliffUnit[] = []
  const languages = new Set<string>()
  for (const fileNode of children(root, 'xliff').filter((node) => 'file' in node)) {
    const attributes = fileNode[':@'] ?? {}
    const namespace = attributes.original
    if (namespace === undefined) {
      problem(
        'KB_XLIFF_FILE',
        'Expected `original` on <file> naming the namespace, not none',
        offset(fileNode),
      )
      continue
    }
    if (attributes['target-language'] !== undefined)
      languages.add(attributes['target-language'].toLowerCase().split(/[-_]/)[0]!)
    const visit = (nodes: XmlNode[]) => {
      for (const node of nodes) {
        if ('group' in node || 'body' in node) visit(children(node, 'group' in node ? 'group' : 'body'))
        if (!('trans-unit' in node)) continue
        const unitNodes = children(node, 'trans-unit')
        const targetNode = unitNodes.find((child) => 'target' in child)
        const sourceNode = unitNodes.find((child) => 'source' in child)
        const position = at(offset(targetNode ?? node))
        const id = node[':@']?.id ?? ''
        const content = (child: XmlNode | undefined, tag: string) => {
          if (!child) return undefined
          const read = textOf(children(child, tag))
          if (read.inline !== undefined)
            problem(
              'KB_XLIFF_INLINE',
              `Expected plain text in <${tag}> of trans-unit \`${id}\` (placeholders as \`{{name}}\`), not the inline element <${read.inline.tag}>`,
              offset(read.inline.node),
              [namespace, id],
            )
          return read.text
        }
        units.push({
          namespace,
          id,
          source: content(sourceNode, 'source') ?? '',
          target: content(targetNode, 'target'),
          state: targetNode?.[':@']?.state,
          approved: node[':@']?.approved === 'yes',
          ...position,
        })
      }
    }
    visit(children(fileNode, 'file'))
  }
  if (languages.size > 1)
    problem(
      'KB_XLIFF_LANGUAGE',
      `Expected one target-language in every <file>, not ${[...languages].join(', ')}; import one language at a time`,
      offset(root),
    )
  return { language: languages.size === 1 ? [...languages][0] : undefined, units, problems }
}

function children(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag]
  return Array.isArray(value) ? (value as XmlNode[]) : []
}

/** The text of mixed content: `#text` as it is, `<mrk>` by its text; the first other element is reported. */
function textOf(nodes: XmlNode[]): { text: string; inline?: { tag: string; node: XmlNode } } {
  let text = ''
  for (const node of nodes) {
    if ('#text' in node) text += String(node['#text'])
    else if ('mrk' in node) {
      const inner = textOf(children(node, 'mrk'))
      if (inner.inline) return inner
      text += inner.text
    } else {
      const tag = Object.keys(node).find((key) => key !== ':@')
      if (tag !== undefined) return { text, inline: { tag, node } }
    }
  }
  return { text }
}

/** Line and column (1-based) of an offset in `text`. */
function positions(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0]
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    starts.push(index + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - starts[low]! + 1 }
  }
}
