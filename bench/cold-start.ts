/**
 * @module CLI cold start: `kb check` from the compiled build (dist/), from the package installed from its
 * tarball, and from the sources through tsx, against `node -e 0`, each as a fresh process, medians of
 * several runs; and the time `import('kb-advisor')` takes in the installed package.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { installPackedPackage } from './install-package.ts'
import { measure, median } from './process.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Median wall seconds of each way to start. */
export interface ColdStartResult {
  runs: number
  node: number
  compiled: number | undefined
  /** `kb check` from the package installed from its tarball (`npm pack`, `npm install`). */
  installed: number | undefined
  /** Milliseconds `import('kb-advisor')` and `import('kb-advisor/http')` take in the installed package. */
  importLibrary: number | undefined
  importHttp: number | undefined
  source: number
  /** Why `compiled` or `installed` is missing, when it is. */
  note?: string
}

const checkArgs = ['check', '--fact', 'wsusVersion=3.0', '--fact', 'office2003OnClients=true']

/**
 * Build dist/ the way `npm install` does (`npm run build`: tsc, page assets, start-up snapshot) unless it is
 * already newer than every source file, so the "compiled" figures measure what users run.
 *
 * @example
 * const {note} = buildDist()
 */
export function buildDist(): { created: boolean; note?: string } {
  if (existsSync(`${root}dist/snapshot.json`) && !distIsStale()) return { created: false }
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0 || !existsSync(`${root}dist/cli/main.js`)) {
    return { created: true, note: `the build failed: ${(build.stdout + build.stderr).slice(-300)}` }
  }
  return { created: true }
}

// bin/kb.js runs dist/ only while it is newer than every file in src/; the bench must not time the fallback.
function distIsStale(): boolean {
  const built = statSync(`${root}dist/cli/main.js`, { throwIfNoEntry: false })?.mtimeMs ?? 0
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const full = path.join(dir, entry.name)
      return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
    }, 0)
  return newest(`${root}src`) > built
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
  const installed = compiled === undefined ? undefined : await benchInstalled(runs, time)
  const note =
    compiled === undefined ? 'no dist/: the build failed' : installed?.note ? installed.note : undefined
  return {
    runs,
    node,
    compiled,
    installed: installed?.seconds,
    importLibrary: installed?.importLibrary,
    importHttp: installed?.importHttp,
    source,
    ...(note ? { note } : {}),
  }
}

// The installed package: cold start of its `kb`, and import times measured inside fresh processes.
async function benchInstalled(
  runs: number,
  time: (command: string, args: string[]) => Promise<number>,
): Promise<{ seconds?: number; importLibrary?: number; importHttp?: number; note?: string }> {
  const project = await mkdtemp(path.join(tmpdir(), 'kb-bench-package-'))
  try {
    await installPackedPackage(project)
    // For two seconds after the install the files' times are too fresh to vouch for their content, and every
    // start reads the built-in rules again to hash them (src/kb/folder-hash.ts): what users run comes after.
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const seconds = await time('node', [`${project}/node_modules/kb-advisor/bin/kb.js`, ...checkArgs])
    const importTime = (specifier: string) => {
      const script = `const t = performance.now(); await import('${specifier}'); process.stdout.write(String(performance.now() - t))`
      const times = Array.from({ length: runs }, () => {
        const run = spawnSync('node', ['--input-type=module', '-e', script], {
          cwd: project,
          encoding: 'utf8',
        })
        if (run.status !== 0) throw new Error(`Expected import('${specifier}') to work: ${run.stderr}`)
        return Number(run.stdout)
      })
      return median(times)
    }
    return { seconds, importLibrary: importTime('kb-advisor'), importHttp: importTime('kb-advisor/http') }
  } catch (error) {
    return {
      note: `installed package: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`,
    }
  } finally {
    await rm(project, { recursive: true, force: true })
  }
}
