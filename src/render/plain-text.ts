/** @module mdast to plain text, for ticket replies and terminals. */
import type { List, PhrasingContent, Root, RootContent, Table } from 'mdast'

/**
 * Plain text of a document: headings underlined, lists with `-` or numbers, code indented by four spaces,
 * links as `text (url)`, tables as `cell | cell` rows.
 *
 * @example
 * toPlainText(tree) // 'Some computers do not receive updates from the WSUS server\n=====…'
 */
export function toPlainText(tree: Root): string {
  return `${blocks(tree.children).join('\n\n')}\n`
}

function blocks(nodes: RootContent[]): string[] {
  return nodes.map(block).filter((text) => text !== '')
}

function block(node: RootContent): string {
  switch (node.type) {
    case 'heading': {
      const text = inline(node.children)
      if (node.depth > 2) return text
      return `${text}\n${(node.depth === 1 ? '=' : '-').repeat(Math.max(3, [...text].length))}`
    }
    case 'paragraph':
      return inline(node.children)
    case 'code':
      return node.value
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n')
    case 'list':
      return list(node)
    case 'table':
      return table(node)
    case 'blockquote':
      return blocks(node.children)
        .join('\n\n')
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')
    case 'thematicBreak':
      return '---'
    default:
      return 'children' in node ? blocks(node.children as RootContent[]).join('\n\n') : ''
  }
}

function list(node: List): string {
  const start = node.start ?? 1
  return node.children
    .map((item, index) => {
      const marker = node.ordered ? `${start + index}. ` : '- '
      const indent = ' '.repeat(marker.length)
      const body = blocks(item.children).join(item.spread ? '\n\n' : '\n')
      return (
        marker +
        body
          .split('\n')
          .join(`\n${indent}`)
          .replace(/\n +\n/g, '\n\n')
      )
    })
    .join('\n')
}

function table(node: Table): string {
  return node.children.map((row) => row.children.map((cell) => inline(cell.children)).join(' | ')).join('\n')
}

function inline(nodes: PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value
        case 'break':
          return '\n'
        case 'link': {
          const text = inline(node.children)
          return text === node.url ? text : `${text} (${node.url})`
        }
        case 'image':
          return node.alt ?? ''
        default:
          return 'children' in node ? inline(node.children as PhrasingContent[]) : ''
      }
    })
    .join('')
}
