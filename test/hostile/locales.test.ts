// Hostile translations: the locale lint names each problem at its key, and the renderer never lets raw
// HTML, script or unsafe links through, whatever a string holds.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import type { Resource } from 'i18next'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import type { KnowledgeBaseModel } from '../../src/kb/model.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { documentStylesheet } from '../../src/render/document-style.ts'
import { defaultLocalesDir, loadResources } from '../../src/render/i18n.ts'
import { lintLocales } from '../../src/render/locale-lint.ts'
import { Renderer } from '../../src/render/renderer.ts'
import { kb as runKb } from '../helpers/run-cli.ts'

let model: KnowledgeBaseModel
let resources: Resource
let dir: string
beforeAll(async () => {
  model = (await loadKnowledgeBase()).model
  resources = await loadResources()
  dir = await mkdtemp(path.join(tmpdir(), 'kb-hostile-locales-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const hostile =
  '<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](data:text/html,x) <a href="javascript:x">a</a> {{nope}} **open'

/** Strings with `extra` appended to every string under `kb` of article 954960 in English. */
function withHostileStrings(extra: string): Resource {
  const copy = structuredClone(resources)
  const visit = (node: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') node[key] = `${value} ${extra}`
      else if (value && typeof value === 'object') visit(value as Record<string, unknown>)
    }
  }
  visit((copy.en!['954960'] as Record<string, Record<string, unknown>>).kb!)
  return copy
}

/**
 * Links and images of the Markdown whose target is a script URL. Parsed, not matched as text: a code span
 * that merely quotes `[a](javascript:x)` is inert.
 */
function scriptLinks(markdown: string): string[] {
  const found: string[] = []
  const walk = (node: { url?: string; children?: unknown[] }) => {
    if (node.url && /^\s*(javascript|vbscript|data):/i.test(node.url)) found.push(node.url)
    for (const child of node.children ?? []) walk(child as typeof node)
  }
  walk(unified().use(remarkParse).use(remarkGfm).parse(markdown) as never)
  return found
}

/** No executable markup: text that merely reads "javascript:" or "onerror=" is escaped and harmless. */
function expectSafeHtml(page: string) {
  // A page's own stylesheet, exactly as the renderer writes it, is the one <style> allowed.
  const html = page.replace(`<style>${documentStylesheet}</style>`, '')
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/<(img|iframe|object|embed|svg|style)\b/i)
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i)
  expect(html).not.toMatch(/<[^>]*\s(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i)
}

describe('the locale lint names hostile strings at their key', () => {
  it('missing keys, broken Markdown, raw HTML, javascript: links and unknown placeholders', async () => {
    const locales = path.join(dir, 'locales')
    await cp(defaultLocalesDir, locales, { recursive: true })
    const file = path.join(locales, 'pl', '954960.yaml')
    let text = await readFile(file, 'utf8')
    const replace = (pattern: RegExp, replacement: string) => {
      expect(text).toMatch(pattern)
      text = text.replace(pattern, replacement)
    }
    replace(/^ {4}wsus-2-not-affected: .*\n/m, '')
    replace(/^( {4}wsus-3-sp2-not-affected: ).*$/m, '$1Program **{{wsus30Sp2}} nie')
    replace(
      /^( {4}wsus-3-rtm-affected: ).*$/m,
      "$1'<script>alert(1)</script> {{wsus30}} {{office2003}} {{fixId}} {{wsus30Sp1}}'",
    )
    replace(/^( {4}symptom-observed: ).*$/m, "$1'[artykuł](javascript:alert(1)) {{articleId}}'")
    replace(/^( {4}no-office-2003-clients: ).*$/m, "$1'Brak {{office2003}} {{nope}}'")
    await writeFile(file, text)
    const problems = (await lintLocales(locales, model)).filter((problem) =>
      problem.file.endsWith('pl/954960.yaml'),
    )
    const byKey = (key: string) =>
      problems.filter((problem) => problem.path.join('.') === key).map((problem) => problem.code)
    expect(byKey('verdicts.rules.wsus-2-not-affected')).toContain('KB_LOCALE_MISSING_KEY')
    expect(byKey('verdicts.rules.wsus-3-sp2-not-affected')).toContain('KB_LOCALE_MARKDOWN')
    expect(byKey('verdicts.rules.wsus-3-rtm-affected')).toContain('KB_LOCALE_HTML')
    expect(byKey('verdicts.rules.symptom-observed')).toContain('KB_LOCALE_UNSAFE_LINK')
    expect(byKey('verdicts.rules.no-office-2003-clients')).toContain('KB_LOCALE_PLACEHOLDERS')
    const html = problems.find((problem) => problem.code === 'KB_LOCALE_HTML')!
    expect(html.line).toBeGreaterThan(0)
    expect(html.message).toMatch(/^Expected Markdown only, not raw HTML `<script>/)
  })

  it('a folder of a language that is not supported is not loaded', async () => {
    const locales = path.join(dir, 'extra-language')
    await cp(defaultLocalesDir, locales, { recursive: true })
    await mkdir(path.join(locales, 'xx'))
    await writeFile(path.join(locales, 'xx', 'common.yaml'), 'verdict:\n  affected: "<script>x</script>"\n')
    expect(Object.keys(await loadResources(locales)).sort()).toEqual(['en', 'nb', 'nl', 'pl'])
  })
})

describe('an unsupported language is refused', () => {
  it('by the CLI with exit 2', async () => {
    for (const lang of ['xx', '../../etc/passwd', 'EN-us-x-very-long'.repeat(100)]) {
      const run = await runKb(['check', '--fact', 'wsusVersion=3.0', '--lang', lang])
      expect(run.status).toBe(2)
      expect(run.stderr).toMatch(/^kb: Expected /)
    }
  })

  it('by the API with 404 KB_HTTP_UNKNOWN_LANGUAGE', async () => {
    const app = createApp({ kb: await loadKnowledgeBase(), logger: () => {} })
    const response = await app.request('/v1/articles/954960/kb?lang=xx&format=html')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { code: string }).code).toBe('KB_HTTP_UNKNOWN_LANGUAGE')
  })
})

describe('the renderer sanitizes whatever the strings hold', () => {
  it('raw HTML, script, event handlers and javascript:/data: links never reach the HTML', async () => {
    const renderer = new Renderer(model, withHostileStrings(hostile))
    for (const page of [false, true]) {
      const html = await renderer.render({ article: '954960', doc: 'kb', lang: 'en', format: 'html', page })
      expectSafeHtml(html)
      expect(html).toContain('click') // the link text stays, the link goes
    }
    const markdown = await renderer.render({ article: '954960', doc: 'kb', lang: 'en', format: 'md' })
    expect(markdown).not.toMatch(/javascript:/i)
    expect(markdown).not.toMatch(/<script/i)
  })

  it('fuzzed strings always render, and the HTML stays safe', async () => {
    const piece = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '[a](javascript:alert(1))',
      '[a](JaVaScRiPt:x)',
      '[a]( javascript:x)',
      '[a](data:text/html,x)',
      '![i](javascript:x)',
      '[r]: javascript:x\n\n[a][r]',
      '<a href="javascript:x">',
      '{{nope}}',
      '{{',
      '}}',
      '**',
      '`',
      '\n\n',
      '# ',
      '| a |\n|---|\n| b |',
      '<!-- x -->',
      '&lt;script&gt;',
      '\u0000',
      '\uE0000\uE001',
    )
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc
        .array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 12 })
        .map((parts) => parts.join('')),
    )
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('html', 'md', 'text'), async (extra, format) => {
        const renderer = new Renderer(model, withHostileStrings(extra))
        const output = await renderer.render({
          article: '954960',
          doc: 'kb',
          lang: 'en',
          format: format as 'html',
        })
        if (format === 'html') expectSafeHtml(output)
        else if (format === 'md') expect(scriptLinks(output)).toEqual([])
        // Plain text has no links; a link's target may only show where the string quoted it as code.
        else if (!extra.includes('`')) expect(output).not.toMatch(/\]\(javascript:/i)
      }),
      { numRuns: 150 },
    )
  })
})
