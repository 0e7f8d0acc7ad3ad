// File-system errors of render, export and serve: exit 2 with one sentence naming the path (not 70 as a
// bug), and no temporary file left behind.
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../../src/cli/exit-codes.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { defaultLocalesDir } from '../../src/render/i18n.ts'
import { kb as runKb } from '../helpers/run-cli.ts'
import { copyRules, removeCopies } from '../helpers/temp-rules.ts'

let dir: string
let article: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-hostile-fs-'))
  await writeFile(path.join(dir, 'a-file'), 'not a folder')
  article = (await loadKnowledgeBase()).articleIds[0]!
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await removeCopies()
})

const sentence =
  /^kb: Expected to \w+ `[^`]+`, not an error: E[A-Z]+ \([^)]+\); check the path and its permissions\n$/

describe('file-system errors exit 2 with a sentence naming the path', () => {
  it('kb render --out over a directory: the target named, no .tmp file left', async () => {
    const target = path.join(dir, 'taken.html')
    await mkdir(target)
    const run = await runKb([
      'render',
      '954960',
      '--doc',
      'kb',
      '--lang',
      'en',
      '--format',
      'html',
      '--out',
      target,
    ])
    expect(run.status).toBe(exitCodes.usage)
    expect(run.stderr).toMatch(sentence)
    expect(run.stderr).toContain(`\`${path.relative(process.cwd(), target)}\``)
    expect(run.stderr).toContain('EISDIR')
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('kb render --all and kb export --out under a file', async () => {
    const under = path.join(dir, 'a-file', 'out')
    for (const args of [
      ['render', '--all', '--format', 'md', '--out', under],
      ['export', 'csaf', article, '--out', under],
    ]) {
      const run = await runKb(args)
      expect(run.status, args[0]).toBe(exitCodes.usage)
      expect(run.stderr, args[0]).toMatch(sentence)
      expect(run.stderr, args[0]).toContain(path.relative(process.cwd(), path.join(dir, 'a-file')))
    }
  })

  it('kb serve with a locale file that is a directory', async () => {
    const rules = await copyRules()
    const locales = path.join(rules, '..', 'locales')
    await cp(defaultLocalesDir, locales, { recursive: true })
    const broken = path.join(locales, 'en', 'zz-broken.yaml')
    await mkdir(broken)
    const run = await runKb(['serve', '--rules', rules, '--port', '0'])
    expect(run.status).toBe(exitCodes.usage)
    expect(run.stderr).toMatch(sentence)
    expect(run.stderr).toContain(path.relative(process.cwd(), broken))
  })
})
