/** @module The stylesheet of a rendered document page, and its CSP hash. */
import { createHash } from 'node:crypto'

/**
 * The CSS inlined into every HTML page (`kb render --format html --page`, the HTTP document pages): readable
 * type, code and long paths that wrap, tables, phones down to 320 px without horizontal scrolling, and a
 * print style. Inlined so a saved page stands alone; the HTTP CSP allows exactly this text by its hash.
 *
 * @example
 * `<style>${documentStylesheet}</style>`
 */
export const documentStylesheet = `
:root { color-scheme: light dark; --text: #1b1b1b; --muted: #555; --line: #d0d7de; --code: #f3f4f6; --link: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e6; --muted: #a8a8a8; --line: #3d444d; --code: #22272e; --link: #6cb6ff; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 46rem;
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--text); overflow-wrap: break-word;
}
h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.75rem; }
h1 { font-size: 1.75rem; margin-top: 0.5rem; }
h2 { font-size: 1.375rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.125rem; }
p, ul, ol, pre, table, blockquote { margin: 0 0 1rem; }
ul, ol { padding-left: 1.5rem; }
li + li, li > ul, li > ol { margin-top: 0.35rem; }
a { color: var(--link); overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, "Cascadia Mono", "Segoe UI Mono", "DejaVu Sans Mono", Consolas, monospace; font-size: 0.875em; }
code { background: var(--code); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
pre { background: var(--code); padding: 0.75rem 1rem; border-radius: 6px; white-space: break-spaces; overflow-wrap: anywhere; }
pre code { background: none; padding: 0; font-size: 1em; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid var(--line); color: var(--muted); }
table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
th { background: var(--code); }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
@media (max-width: 30rem) {
  body { padding: 1rem 0.75rem 2rem; font-size: 1rem; }
  h1 { font-size: 1.5rem; }
  ul, ol { padding-left: 1.25rem; }
  pre { padding: 0.5rem 0.6rem; }
}
@media print {
  :root { --text: #000; --muted: #333; --line: #999; --code: #fff; --link: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; line-height: 1.45; }
  h1, h2, h3 { break-after: avoid; }
  pre, table, li { break-inside: avoid; }
  pre { border: 1px solid var(--line); }
  a { text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
}
`

/**
 * The CSP source that allows exactly `documentStylesheet` as an inline `<style>`, so `style-src` needs no
 * `'unsafe-inline'`.
 *
 * @example
 * `style-src 'self' ${documentStyleHash}` // "style-src 'self' 'sha256-…'"
 */
export const documentStyleHash = `'sha256-${createHash('sha256').update(documentStylesheet, 'utf8').digest('base64')}'`
