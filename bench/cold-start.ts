/**
 * @module CLI cold start: `kb check` from the compiled build (dist/) and from the sources through tsx,
 * against `node -e 0`, each as a fresh process, medians of several runs.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { measure, median } from './process.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Median wall seconds of each way to start. */
export interface ColdStartResult {
  runs: number
  node: number
  compiled: number | undefined
  source: number
  /** Why `compiled` is missing, when it is. */
  note?: string
}

const checkArgs = ['check', '--fact', 'wsusVersion=3.0', '--fact', 'office2003OnClients=true']

/**
 * Build dist/ (`tsc -p tsconfig.build.json`, as `npm run build`) unless it is there. Returns whether this
 * call created it, so the caller can remove it again (bin/kb.js prefers dist/, which must never be older
 * than the sources of whoever runs `kb` next), and a note when the build had problems.
 *
 * @example
 * const {created} = buildDist()
 */
export function buildDist(): { created: boolean; note?: string } {
  if (existsSync(`${root}dist/cli/main.js`)) return { created: false }
  const build = spawnSync(
    'node',
    [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  // tsc emits even when some file fails to typecheck; only a missing entry point stops the measurement.
  if (!existsSync(`${root}dist/cli/main.js`))
    return { created: true, note: `the build failed: ${build.stdout.slice(0, 300)}` }
  if (build.status !== 0) return { created: true, note: 'tsc reported type errors; dist/ was emitted anyway' }
  return { created: true }
}

/** Remove dist/ (after `buildDist` created it). */
export function removeDist(): void {
  rmSync(`${root}dist`, { recursive: true, force: true })
}

/**
 * Time the three starts (dist/ must be built for the compiled one).
 *
 * @example
 * const result = await benchColdStart(15)
 * result.compiled / result.node // target: at most 3
 */
export async function benchColdStart(runs: number): Promise<ColdStartResult> {
  const time = async (command: string, args: string[]) => {
    const seconds: number[] = []
    for (let run = 0; run < runs; run++) {
      const result = await measure(command, args)
      if (result.status !== 0)
        throw new Error(`Expected \`${command} ${args.join(' ')}\` to exit 0: ${result.stderr}`)
      seconds.push(result.seconds)
    }
    return median(seconds)
  }
  const node = await time('node', ['-e', '0'])
  const compiled = existsSync(`${root}dist/cli/main.js`)
    ? await time('node', [`${root}bin/kb.js`, ...checkArgs])
    : undefined
  const source = await time('node', [`${root}bench/kb-from-source.mjs`, ...checkArgs])
  return {
    runs,
    node,
    compiled,
    source,
    ...(compiled === undefined ? { note: 'no dist/: the build failed' } : {}),
  }
}
