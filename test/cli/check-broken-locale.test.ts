// A translation that does not parse stops `kb check` with its position, as `kb lint` reports it: bad input
// (exit 2), not an internal error.
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest'
import { kb } from '../helpers/run-cli.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-check-broken-locale-'))
  await cp('test/fixtures/fictional', dir, { recursive: true })
  // A plain value cannot start with a backtick: js-yaml and yaml both refuse it.
  await appendFile(
    path.join(dir, 'locales', 'en', 'contoso-1001.yaml'),
    'broken:\n  step: `wsusutil reset`\n',
  )
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

test.each(['off', 'cache'])('names the file, line and column (cache %s)', async (cache) => {
  vi.stubEnv('KB_CACHE_DIR', cache === 'off' ? 'off' : path.join(dir, 'cache'))
  const run = await kb(['check', '--rules', path.join(dir, 'rules'), '--fact', 'brewerConnected=true'])
  expect(run.status).toBe(2)
  expect(run.stderr).toMatch(
    /contoso-1001\.yaml:\d+:9 error Expected valid YAML, not text that fails to parse/,
  )
  expect(run.stderr).not.toContain('internal error')
})
