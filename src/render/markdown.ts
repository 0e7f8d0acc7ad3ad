/** @module Parse one localized string as Markdown into mdast, with interpolated values kept out of the syntax. */
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { isPlainSentence, sentenceTree } from './plain-sentence.ts'

const parser = unified().use(remarkParse).use(remarkGfm).freeze()

/** Links may only point to the web or to a mail address. */
const safeUrl = /^(https?:|mailto:)/i

/**
 * Parse without dropping anything: for strings whose tokens `TokenValues.resolve` replaces (and sanitizes).
 *
 * @example
 * const tree = tokens.resolve(parseUnsanitized(t('kb.workaround.step1')))
 */
export function parseUnsanitized(text: string): Root {
  if (isPlainSentence(text)) return sentenceTree(text)
  // Callers change the tree they get (values put back, unsafe nodes dropped): each gets its own copy.
  return structuredClone(cachedTree(text))
}

/**
 * The tree `parseUnsanitized` copies, shared by every caller: for readers only, which then need no copy.
 * `Readonly` guards the root alone; no node below it may be changed either.
 *
 * @example
 * sharedTree('**bold**').children[0]?.type // 'paragraph'
 */
export function sharedTree(text: string): Readonly<Root> {
  return isPlainSentence(text) ? sentenceTree(text) : cachedTree(text)
}

/** The parser's tree of a string that is not a plain sentence, parsed once and kept. */
function cachedTree(text: string): Root {
  let tree = parsed.get(text)
  if (tree === undefined) {
    tree = parser.parse(text)
    parser.runSync(tree)
    if (parsed.size >= maxParsed) parsed.clear()
    parsed.set(text, tree)
  }
  return tree
}

// The same strings come back again and again: every document of every article in four languages, with the
// values still tokens (`TokenValues`), so one template parses once however many articles use it. A copy costs
// far less than a parse: building the search index of 100 articles asks for 22,202 strings, 6,439 of them not
// plain sentences, and 565 distinct texts in all.
const maxParsed = 4096
const parsed = new Map<string, Root>()

/**
 * Values interpolated into a string while it is translated, as opaque tokens (private-use characters that
 * Markdown reads like letters), so that a path such as `%ProgramFiles%\bin\` or a `*` in a value never turns
 * into Markdown syntax. `resolve` puts the values back into text, code and link targets after parsing.
 *
 * @example
 * const values = new TokenValues()
 * const tree = parseUnsanitized(`Open ${values.token('C:\\*x*\\')}`)
 * values.resolve(tree) // the text node reads "Open C:\*x*\"
 */
export class TokenValues {
  #values: string[] = []

  /** The token that stands for `value`. */
  token(value: string): string {
    this.#values.push(value)
    return `\uE000${this.#values.length - 1}\uE001`
  }

  /** Replace every token in `text` by its value. */
  replace(text: string): string {
    return text.replace(/\uE000(\d+)\uE001/g, (_, index: string) => this.#values[Number(index)] ?? '')
  }

  /** Replace the tokens in every text, code and link target of `tree`, in place; returns `tree`. */
  resolve<T extends Root | RootContent>(tree: T): T {
    const visit = (node: Record<string, unknown>): void => {
      if (typeof node.value === 'string') node.value = this.replace(node.value)
      if (typeof node.url === 'string') node.url = this.replace(node.url)
      if (typeof node.title === 'string') node.title = this.replace(node.title)
      if (typeof node.alt === 'string') node.alt = this.replace(node.alt)
      if (Array.isArray(node.children)) for (const child of node.children) visit(child)
    }
    visit(tree as unknown as Record<string, unknown>)
    return sanitizeTree(tree)
  }
}

/** Drop raw HTML and unwrap links and images whose target is not http(s) or mailto. */
function sanitizeTree<T extends Root | RootContent>(tree: T): T {
  const clean = (node: Record<string, unknown>): void => {
    if (!Array.isArray(node.children)) return
    const children: unknown[] = []
    for (const child of node.children as Array<Record<string, unknown>>) {
      if (child.type === 'html') continue
      if (child.type === 'image' && !safeUrl.test(String(child.url))) continue
      if ((child.type === 'link' || child.type === 'definition') && !safeUrl.test(String(child.url))) {
        clean(child)
        if (child.type === 'link') children.push(...(child.children as unknown[]))
        continue
      }
      clean(child)
      children.push(child)
    }
    node.children = children
  }
  clean(tree as unknown as Record<string, unknown>)
  return tree
}

/**
 * The inline content of a parsed string: the children of its paragraphs, joined by a space when there are
 * several (headings, table cells and list labels take one line).
 *
 * @example
 * inlineContent(parseUnsanitized('**Note** text')) // [strong, text]
 */
export function inlineContent(tree: Root): PhrasingContent[] {
  const inline: PhrasingContent[] = []
  for (const block of tree.children) {
    if (inline.length > 0) inline.push({ type: 'text', value: ' ' })
    if (block.type === 'paragraph' || block.type === 'heading') inline.push(...block.children)
    else if (block.type === 'code') inline.push({ type: 'inlineCode', value: block.value })
    else if ('children' in block)
      inline.push(...inlineContent({ type: 'root', children: block.children as RootContent[] }))
  }
  return inline
}

/**
 * The block content of a parsed string (what a list item or a section holds).
 *
 * @example
 * blockContent(parseUnsanitized('One.\n\n- two')) // [paragraph, list]
 */
export function blockContent(tree: Root): BlockContent[] {
  return tree.children.filter(
    (node): node is BlockContent =>
      node.type !== 'definition' && node.type !== 'yaml' && node.type !== 'footnoteDefinition',
  )
}
