#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm install` through `prepare`) while it is newer than every
// source file; otherwise the TypeScript sources through tsx, so an edit is never hidden by a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const compiled = new URL('../dist/cli/main.js', import.meta.url)
const sources = fileURLToPath(new URL('../src/', import.meta.url))

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}${entry.name}`
    newest = Math.max(newest, entry.isDirectory() ? newestSource(`${full}/`) : statSync(full).mtimeMs)
  }
  return newest
}

const built = existsSync(compiled) ? statSync(compiled).mtimeMs : 0
const fresh = built > 0 && (!existsSync(sources) || newestSource(sources) <= built)
let cli
if (fresh) {
  cli = await import(compiled.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  cli = await import(new URL('../src/cli/main.ts', import.meta.url).href)
}
await cli.main()
