#!/usr/bin/env node
// Runs the compiled CLI from dist/. In a checkout (src/ present) dist/ must also be newer than every source
// file; otherwise the TypeScript sources run through tsx (a devDependency), so an edit is never hidden by a
// stale build. An installed package has no src/ and never needs tsx.
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
const checkout = existsSync(sources)
if (built === 0 && !checkout) {
  process.stderr.write('kb: Expected the compiled CLI at dist/cli/main.js; reinstall kb-advisor\n')
  process.exit(70)
}
let cli
if (!checkout || newestSource(sources) <= built) {
  cli = await import(compiled.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  cli = await import(new URL('../src/cli/main.ts', import.meta.url).href)
}
await cli.main()
