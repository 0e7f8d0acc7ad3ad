/** Shared helpers of the render tests. */
import { existsSync } from 'node:fs'
import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { runCli } from '../../src/cli/main.ts'
import { defaultRulesDir } from '../../src/kb/load.ts'
import { defaultLocalesDir, type Language, languages } from '../../src/render/i18n.ts'

/** The languages whose article strings exist (pl and nb are written in parallel; the tests follow). */
export const presentLanguages: Language[] = languages.filter((language) =>
  existsSync(path.join(defaultLocalesDir, language, '954960.yaml')),
)

/** Run `kb` in process and collect its output. */
export async function kb(args: string[], cwd = process.cwd()) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk) => (out += chunk))
  stderr.on('data', (chunk) => (err += chunk))
  const status = await runCli(args, { stdin: new PassThrough(), stdout, stderr, env: {}, cwd })
  return { status, stdout: out, stderr: err }
}

/** A copy of the built-in rules in a fresh temporary folder (`<tmp>/rules`); returns the folder. */
export async function copyRules(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-render-'))
  await cp(defaultRulesDir, path.join(dir, 'rules'), { recursive: true })
  return dir
}
