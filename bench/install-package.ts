/**
 * @module The package as users get it: `npm pack` of this checkout (dist/ as built), installed from the
 * tarball into an empty project. Used by the cold-start bench and test/package/install.test.ts.
 */
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The tarball's name and the files it holds. */
export interface PackedPackage {
  filename: string
  files: string[]
}

/**
 * Pack the checkout (without rebuilding: dist/ must be current) and install the tarball into `project`,
 * an empty folder. Dependencies come from npm's cache when they are there.
 *
 * @example
 * const {files} = installPackedPackage(await mkdtemp(path.join(tmpdir(), 'kb-package-')))
 */
export async function installPackedPackage(project: string): Promise<PackedPackage> {
  const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], {
    cwd: root,
    encoding: 'utf8',
  })
  const [info] = JSON.parse(output) as Array<{ filename: string; files: Array<{ path: string }> }>
  await writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  )
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', `./${info!.filename}`],
    { cwd: project, encoding: 'utf8', stdio: 'pipe' },
  )
  return { filename: info!.filename, files: info!.files.map((file) => file.path) }
}
