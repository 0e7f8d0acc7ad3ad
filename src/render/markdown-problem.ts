/** @module Markdown in a translation that would not render as its author meant, or would render unsafely. */
import type { Root } from 'mdast'
import type { Problem } from '../kb/problem.ts'
import { sharedTree } from './markdown.ts'

/**
 * Raw HTML, unsafe links, and Markdown that did not parse as its author meant (stray `**`, `` ` ``, `](`).
 *
 * @example
 * markdownProblem('**bold') // {code: 'KB_LOCALE_MARKDOWN', message: 'Expected balanced Markdown, …'}
 */
export function markdownProblem(text: string): { code: Problem['code']; message: string } | undefined {
  if (/\{\{(?![^{}]*\}\})/.test(text))
    return {
      code: 'KB_LOCALE_MARKDOWN',
      message: 'Expected every `{{` to close with `}}`, not an open placeholder',
    }
  const markdown = text.replace(/\{\{[^}]*\}\}/g, 'x')
  // Without these characters no HTML, no link other than a literal web or mail address, and no text holding
  // `**`, `__`, a backtick or `](` can come out of the parser: plain sentences skip it (most strings).
  return markdownSyntax.test(markdown) ? parsedMarkdownProblem(markdown) : undefined
}

/** The characters without which `parsedMarkdownProblem` finds nothing (a property test holds it to that). */
export const markdownSyntax = /[*_`<[\]&]/

/**
 * `markdownProblem` of a string without placeholders, always through the parser.
 *
 * @example
 * parsedMarkdownProblem('<b>x</b>')?.code // 'KB_LOCALE_HTML'
 */
export function parsedMarkdownProblem(
  markdown: string,
): { code: Problem['code']; message: string } | undefined {
  // Only read: the parser's shared tree, not a copy.
  const tree = sharedTree(markdown)
  let found: { code: Problem['code']; message: string } | undefined
  const visit = (node: Readonly<Root> | Root['children'][number]): void => {
    if (found) return
    if (node.type === 'html')
      found = {
        code: 'KB_LOCALE_HTML',
        message: `Expected Markdown only, not raw HTML \`${node.value.slice(0, 40)}\``,
      }
    else if (
      (node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
      !/^(https?:|mailto:|x$)/i.test(node.url)
    )
      found = {
        code: 'KB_LOCALE_UNSAFE_LINK',
        message: `Expected a link to an http(s) or mailto address from a placeholder, not \`${node.url.slice(0, 40)}\``,
      }
    else if (node.type === 'text' && /\*\*|__|`|\]\(/.test(node.value))
      found = {
        code: 'KB_LOCALE_MARKDOWN',
        message: `Expected balanced Markdown, not a stray \`${/\*\*|__|`|\]\(/.exec(node.value)![0]}\` in "${node.value.trim().slice(0, 40)}"`,
      }
    else if ('children' in node) for (const child of node.children) visit(child as Root['children'][number])
  }
  visit(tree)
  return found
}
