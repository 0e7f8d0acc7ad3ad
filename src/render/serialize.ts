/** @module Serialize a document's mdast tree as Markdown, sanitized HTML or plain text. */
import type { Element, Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { documentStylesheet } from './document-style.ts'
import type { Format } from './formats.ts'
import { toPlainText } from './plain-text.ts'

const markdown = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', rule: '-', fences: true })
  .freeze()
const toHast = unified().use(remarkRehype).use(rehypeSanitize).freeze()
const html = unified().use(rehypeStringify).freeze()

/** Options of `serialize`. */
interface SerializeOptions {
  /**
   * HTML only: a whole page with `<html lang>`, `<meta charset>`, `<title>` and the document stylesheet
   * instead of a fragment.
   */
  page?: { lang: string; title: string }
}

/**
 * The tree as text in `format`. HTML never contains raw HTML from the strings (remark-rehype drops it) and
 * goes through rehype-sanitize, so `<script>` and `javascript:` links cannot come out.
 *
 * @example
 * serialize(tree, 'html', {page: {lang: 'nl', title: 'Microsoft-beveiligingsadvies 954960'}})
 */
export function serialize(tree: Root, format: Format, options: SerializeOptions = {}): string {
  if (format === 'md') return markdown.stringify(tree)
  if (format === 'text') return toPlainText(tree)
  const fragment = toHast.runSync(structuredClone(tree)) as HastRoot
  if (!options.page) return `${html.stringify(fragment)}\n`
  return `${html.stringify(page(fragment, options.page.lang, options.page.title))}\n`
}

function element(tagName: string, properties: Element['properties'], children: Element['children']): Element {
  return { type: 'element', tagName, properties, children }
}

function page(body: HastRoot, lang: string, title: string): HastRoot {
  const newline = { type: 'text', value: '\n' } as const
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      newline,
      element('html', { lang }, [
        newline,
        element('head', {}, [
          newline,
          element('meta', { charset: 'utf-8' }, []),
          newline,
          element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }, []),
          newline,
          element('title', {}, [{ type: 'text', value: title }]),
          newline,
          element('style', {}, [{ type: 'text', value: documentStylesheet }]),
          newline,
        ]),
        newline,
        element('body', {}, [newline, ...(body.children as Element['children']), newline]),
        newline,
      ]),
    ],
  }
}
