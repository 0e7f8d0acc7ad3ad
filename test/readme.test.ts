/**
 * Every command of the README's Use section runs as written, in a copy of the project, and exits 0.
 * The commands are read from the first `sh` block under `## Use`, so a command added there is tested too.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cp, mkdtemp, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * The commands of the first `sh` block after `heading`: comments dropped, `\`-continued lines joined.
 *
 * @example
 * readmeCommands(readme, '## Use') // ['node bin/kb.js check --fact …', …]
 */
function readmeCommands(markdown: string, heading: string): string[] {
  const section = markdown.slice(markdown.indexOf(`\n${heading}\n`))
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
  return block
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s+)#\s.*$/, '').trim())
    .filter((line) => line !== '')
}

/**
 * The command as the test runs it. `npx kb` and `kb` name the same program as `node bin/kb.js` (npx would
 * first install the clone into its cache). A server runs until stopped, so `serve` is asked for `--help`
 * instead: its options must still parse.
 */
function runnable(command: string): string {
  const direct = command.replace(/^(npx kb|kb)(?=\s|$)/, 'node bin/kb.js')
  return /^node bin\/kb\.js serve\b/.test(direct) ? `${direct} --help` : direct
}

const commands = readmeCommands(readFileSync(path.join(root, 'README.md'), 'utf8'), '## Use')
let copy = ''

beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'kb-readme-'))
  // Timestamps kept, so bin/kb.js still finds dist/ newer than src/ as in the clone.
  await cp(root, copy, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => !['node_modules', '.git'].includes(path.basename(source)),
  })
  await symlink(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
})

describe('README Use section', () => {
  it('lists commands', () => {
    expect(commands.length).toBeGreaterThan(0)
    expect(commands.every((command) => /^(node bin\/kb\.js|npx kb|kb)(\s|$)/.test(command))).toBe(true)
  })

  for (const command of commands)
    it(command, () => {
      const run = spawnSync('sh', ['-c', runnable(command)], {
        cwd: copy,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, NO_COLOR: '1' },
      })
      expect(run.status, `${command}\n${run.stderr}`).toBe(0)
    }, 150_000)
})
