// The published package, as users get it: `npm pack`, installed from the tarball into an empty project,
// then `kb check`, the library and `kb-advisor/http` run from there. Skips when npm is unavailable or dist/
// is older than src/ (`npm run build`; CI builds it through `npm ci`).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installPackedPackage, type PackedPackage } from '../../bench/install-package.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'

const root = path.resolve('.')
const facts = { wsusVersion: '3.0', office2003OnClients: true }
const factArgs = ['--fact', 'wsusVersion=3.0', '--fact', 'office2003OnClients=true']

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name)
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }, 0)
}

function whyNot(): string | undefined {
  if (spawnSync('npm', ['--version'], { encoding: 'utf8' }).status !== 0) return 'npm is not available'
  const built = `${root}/dist/cli/main.js`
  if (!existsSync(built) || !existsSync(`${root}/dist/snapshot.json`))
    return 'dist/ is missing (npm run build)'
  if (newest(`${root}/src`) > statSync(built).mtimeMs) return 'dist/ is older than src/ (npm run build)'
  return undefined
}

const skip = whyNot()
if (skip) console.warn(`test/package/install.test.ts skipped: ${skip}`)

let project: string
let packed: PackedPackage
beforeAll(async () => {
  if (skip) return
  project = await mkdtemp(path.join(tmpdir(), 'kb-package-'))
  packed = await installPackedPackage(project)
  await mkdir(path.join(project, 'probe'))
  for (const name of ['consumer.mjs', 'hooks.mjs'])
    await copyFile(path.join(root, 'test/fixtures/package', name), path.join(project, 'probe', name))
}, 180_000)
afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true })
})

describe.skipIf(skip !== undefined)('the installed package', () => {
  it('ships the build, the rules, the locales and the licence, and nothing it does not need', () => {
    const files = packed.files
    expect(files).toEqual(
      expect.arrayContaining(['LICENSE', 'bin/kb.js', 'dist/snapshot.json', 'dist/index.js']),
    )
    expect(files.filter((file) => /^(src|test|bench|scripts)\//.test(file))).toEqual([])
    expect(existsSync(path.join(project, 'node_modules/kb-advisor/src'))).toBe(false)
    // tsx (and esbuild with it) is only for the checkout
    expect(existsSync(path.join(project, 'node_modules/tsx'))).toBe(false)
  })

  it('answers `kb check` as the checkout does', () => {
    const kb = path.join(project, 'node_modules/.bin/kb')
    const installed = execFileSync(kb, ['check', ...factArgs, '--json'], { cwd: project, encoding: 'utf8' })
    const checkout = execFileSync(process.execPath, [`${root}/bin/kb.js`, 'check', ...factArgs, '--json'], {
      encoding: 'utf8',
    })
    expect(JSON.parse(installed)).toEqual(JSON.parse(checkout))
  })

  it('imports the library, loads rules from the snapshot and reads a log without the YAML loader, zod or Markdown', async () => {
    const output = execFileSync(process.execPath, ['probe/consumer.mjs', JSON.stringify(facts)], {
      cwd: project,
      encoding: 'utf8',
    })
    const result = JSON.parse(output)
    const heavy = ['yaml', 'js-yaml', 'zod', 'unified', 'remark-parse', 'rehype-stringify', 'hono', 'i18next']
    expect(result.afterImport).toContain('kb-advisor')
    expect(result.afterImport.filter((name: string) => heavy.includes(name))).toEqual([])
    // npm reset every file time of the installed rules; the snapshot still applies, so nothing is parsed
    expect(result.afterLoad.filter((name: string) => heavy.includes(name))).toEqual([])
    // Reading a log needs the validated signatures of the knowledge base, not the YAML reader or zod.
    expect(result.diagnosed).toBeGreaterThan(0)
    expect(result.afterDiagnose.filter((name: string) => heavy.includes(name))).toEqual([])
    expect(result.exports).toContain('loadKnowledgeBase')
    const expected = (await (await loadKnowledgeBase()).check(facts)).results.map((entry) => [
      entry.article,
      entry.verdict,
    ])
    expect(result.verdicts).toEqual(expected)
    expect(result.health).toBe(200)
    expect(result.check).toEqual({ status: 200, verdicts: expected })
  })
})
