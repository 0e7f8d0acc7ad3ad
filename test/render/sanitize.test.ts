import fc from 'fast-check'
import type { Resource } from 'i18next'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { beforeAll, expect, test } from 'vitest'
import { formats } from '../../src/render/formats.ts'
import { Renderer } from '../../src/render/renderer.ts'

let renderer: Renderer
beforeAll(async () => {
  renderer = await Renderer.load({ locales: 'test/fixtures/render/xss/locales' })
})

test.each(formats)(
  'a hostile fixture translation leaves no script and no javascript: link in %s',
  async (format) => {
    const output = await renderer.render({ article: '954960', doc: 'kb', lang: 'nl', format, page: true })
    expect(output).toContain('Oorzaak')
    expect(output).toContain('klik hier')
    expect(output.toLowerCase()).not.toContain('<script')
    expect(output.toLowerCase()).not.toContain('javascript:')
    expect(output).not.toContain('onerror')
    expect(output).not.toContain('<iframe')
    // Tags are dropped, their text stays as inert text.
    if (format === 'html') expect(output).toContain("<title>Titel alert('title')</title>")
  },
)

const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '<SCRIPT src=//x></SCRIPT>',
  '[x](javascript:alert(1))',
  '<a href="javascript:x">y</a>',
  '{{',
  '}}',
  '{{fixedVersion}}',
  '{{nope, datetime}}',
  '**',
  '`',
  '\\',
  '\uE0000\uE001',
  '\n\n',
  '<',
  'script',
  '|a|b|\n|-|-|',
)

test('the renderer never throws and never emits <script for any string in a locale value', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(fc.string(), hostile), { maxLength: 8 }), async (parts) => {
      const value = parts.join('')
      const resources = structuredClone(renderer.resources) as Resource
      const namespace = resources.en!['954960'] as { kb: Record<string, unknown> }
      namespace.kb.cause = value
      namespace.kb.title = value
      const candidate = new Renderer(renderer.model, resources)
      const html = await candidate.render({
        article: '954960',
        doc: 'kb',
        lang: 'en',
        format: 'html',
        page: true,
      })
      expect(html.toLowerCase()).not.toContain('<script')
      // Text may mention it (escaped, inert); no attribute of a real tag may point at it. Escaped text
      // starts with `&#x3C;`, never `<`, so only real tags match here.
      expect(html).not.toMatch(/<[a-z][^<>]*\s(href|src)\s*=\s*["']?\s*javascript:/i)
      // The Markdown, read by any Markdown renderer, holds no raw HTML and no javascript: link.
      const markdown = await candidate.render({ article: '954960', doc: 'kb', lang: 'en', format: 'md' })
      const nodes: Array<{ type: string; url?: string }> = []
      const collect = (node: { type: string; url?: string; children?: unknown[] }) => {
        nodes.push(node)
        for (const child of node.children ?? []) collect(child as typeof node)
      }
      collect(unified().use(remarkParse).use(remarkGfm).parse(markdown))
      expect(nodes.filter((node) => node.type === 'html')).toEqual([])
      expect(nodes.filter((node) => node.url?.toLowerCase().startsWith('javascript:'))).toEqual([])
      await candidate.render({ article: '954960', doc: 'kb', lang: 'en', format: 'text' })
    }),
    { numRuns: 60 },
  )
})
