/** @module Markdown strings of the locales as plain text, for formats without markup such as CSAF. */
import type { Nodes, Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const parser = unified().use(remarkParse)

/**
 * Turn a Markdown string into plain text: emphasis and code marks go, a link keeps its text and adds its
 * URL in parentheses (unless the text is the URL), paragraphs are separated by a blank line, list items
 * start with `- `.
 *
 * @example
 * markdownToText('See [KB 954960](http://support.microsoft.com/kb/954960) and **restart**.')
 * // 'See KB 954960 (http://support.microsoft.com/kb/954960) and restart.'
 */
export function markdownToText(markdown: string): string {
  const root = parser.parse(markdown) as Root
  return blocks(root.children).trim()
}

/**
 * The same for Markdown that is already parsed (the renderer's `Localizer.blocks`).
 *
 * @example
 * mdastToText(localizer.blocks('advisory.intro'))
 */
export function mdastToText(nodes: readonly Nodes[]): string {
  return blocks(nodes).trim()
}

function blocks(nodes: readonly Nodes[]): string {
  return nodes
    .map(block)
    .filter((text) => text !== '')
    .join('\n\n')
}

function block(node: Nodes): string {
  switch (node.type) {
    case 'list':
      return node.children.map((item) => `- ${blocks(item.children).replace(/\n/g, '\n  ')}`).join('\n')
    case 'code':
      return node.value
    case 'thematicBreak':
    case 'html':
      return ''
    case 'table':
      return node.children.map((row) => row.children.map((cell) => inline(cell)).join(' | ')).join('\n')
    default:
      return 'children' in node && !('value' in node) ? inlineOrBlocks(node) : inline(node)
  }
}

function inlineOrBlocks(node: Nodes): string {
  const children = (node as { children: Nodes[] }).children
  if (node.type === 'blockquote' || node.type === 'listItem' || node.type === 'root') return blocks(children)
  return inline(node)
}

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'html':
      return ''
    case 'link': {
      const text = node.children.map(inline).join('')
      return text === node.url || text === '' ? node.url : `${text} (${node.url})`
    }
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : ''
  }
}
