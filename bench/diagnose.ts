/**
 * @module Benchmark of `diagnoseLogs` on a generated WindowsUpdate.log of at least 300 MB, next to
 * `grep -E` with the same patterns on the same file, in the same run; plus peak RSS of each.
 * The diagnosis runs in a child process from JavaScript transpiled into bench/data/js/, as an
 * installed `kb` runs: under tsx the loader alone adds about 40 MB of RSS.
 * Run alone: `npx tsx bench/diagnose.ts [sizeMB]`.
 */
import { spawnSync } from 'node:child_process'
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { compileSignatures, readSignaturesFile } from '../src/logs/load-signatures.ts'

export interface BenchDiagnoseOptions {
  /** Size of the generated log in MB (default 300). */
  sizeMb?: number
  /** Where the log is written (default bench/data/, gitignored); reused when its size matches. */
  dataDir?: string
  /** A 954960 client block is planted every this many MB (default 25). */
  plantEveryMb?: number
}

export interface ToolResult {
  seconds: number
  mbPerSecond: number
  /** Peak resident set size of the process in MB. */
  peakRssMb: number | undefined
}

export interface BenchDiagnoseResult {
  file: string
  /** Where the lines came from: the corpus `full/` logs or synthetic lines. */
  source: 'corpus' | 'synthetic'
  sizeMb: number
  planted: number
  diagnose: ToolResult & { level: string; confirmedBlocks: number; records: number }
  grep: (ToolResult & { matchingLines: number }) | undefined
  /** diagnose MB/s divided by grep MB/s. */
  ratio: number | undefined
}

const root = fileURLToPath(new URL('..', import.meta.url))
const signaturesPath = `${root}rules/articles/954960/signatures.yaml`
const corpusFull = `${root}../shared/corpus/logs/full/`
const MB = 1024 * 1024

/**
 * Generates the log (if needed), runs the diagnosis in a child process and `grep -E` on it.
 *
 * @example
 * const result = await benchDiagnose({ sizeMb: 300 })
 * console.log(result.diagnose.mbPerSecond, result.grep?.mbPerSecond, result.ratio)
 */
export async function benchDiagnose(options: BenchDiagnoseOptions = {}): Promise<BenchDiagnoseResult> {
  const sizeMb = options.sizeMb ?? 300
  const plantEveryMb = options.plantEveryMb ?? 25
  const dataDir = options.dataDir ?? `${root}bench/data/`
  mkdirSync(dataDir, { recursive: true })
  const file = `${dataDir}WindowsUpdate-${sizeMb}MB.log`
  const source = existsSync(corpusFull) ? 'corpus' : 'synthetic'
  const planted = await generateLog(file, sizeMb * MB, plantEveryMb * MB, source)
  const bytes = statSync(file).size

  const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
  const childJs = await transpileChild(`${dataDir}js/`)
  const child = measure(
    process.execPath,
    childJs
      ? [childJs, file, signaturesPath]
      : ['--import', 'tsx', `${root}bench/diagnose-child.ts`, file, signaturesPath],
    timeTool,
  )
  const report = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    seconds: number
    level: string
    confirmedBlocks: number
    records: number
    maxRssKb: number
  }
  const diagnose = {
    seconds: report.seconds,
    mbPerSecond: bytes / MB / report.seconds,
    peakRssMb: (child.maxRssKb ?? report.maxRssKb) / 1024,
    level: report.level,
    confirmedBlocks: report.confirmedBlocks,
    records: report.records,
  }

  const grep = runGrep(file, bytes, await grepPatterns(), timeTool)
  return {
    file,
    source,
    sizeMb: bytes / MB,
    planted,
    diagnose,
    grep,
    ratio: grep ? diagnose.mbPerSecond / grep.mbPerSecond : undefined,
  }
}

/**
 * Transpiles a child script (bench/diagnose-child.ts by default) and the project files it imports into
 * `outDir` (inside the project, so `node_modules` resolves); returns the child's .js path, or `undefined`
 * (with a warning) when TypeScript cannot be loaded and the child must run under tsx. Under tsx, its loader
 * thread resolves every module the child imports, lazily loaded ones included, and its memory counts in the RSS.
 *
 * @example
 * const js = await transpileChild(`${root}bench/data/js/`, `${root}bench/kbscale-child.ts`)
 */
export async function transpileChild(
  outDir: string,
  entry = resolve(root, 'bench/diagnose-child.ts'),
): Promise<string | undefined> {
  let ts: typeof import('typescript')
  try {
    ts = (await import('typescript')).default
  } catch (error) {
    console.error(
      `bench: running ${relative(root, entry)} under tsx (its loader in every figure): ${(error as Error).message}`,
    )
    return undefined
  }
  const options = {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2023,
    verbatimModuleSyntax: true,
    rewriteRelativeImportExtensions: true,
  }
  const pending = [entry]
  const done = new Set<string>()
  while (pending.length > 0) {
    const source = pending.pop()!
    if (done.has(source)) continue
    done.add(source)
    const text = readFileSync(source, 'utf8')
    // A module named only for its types (`import type`, `typeof import(…)`) is erased, not run: each such
    // mention cancels one of the imports the scanner lists.
    const typeMentions = new Map<string, number>()
    for (const match of text.matchAll(
      /import\s+type\s[^'"]*?from\s*'([^']+)'|typeof\s+import\('([^']+)'\)/g,
    )) {
      const name = (match[1] ?? match[2])!
      typeMentions.set(name, (typeMentions.get(name) ?? 0) + 1)
    }
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const mentions = typeMentions.get(fileName) ?? 0
      if (mentions > 0) typeMentions.set(fileName, mentions - 1)
      else if (fileName.startsWith('.') && fileName.endsWith('.ts'))
        pending.push(resolve(dirname(source), fileName))
    }
    const target = resolve(outDir, relative(root, source)).replace(/\.ts$/, '.js')
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, ts.transpileModule(text, { compilerOptions: options, fileName: source }).outputText)
  }
  return resolve(outDir, relative(root, entry)).replace(/\.ts$/, '.js')
}

/** The client (`windowsupdate`) signature lines as POSIX extended regular expressions (GNU grep). */
export async function grepPatterns(): Promise<string[]> {
  const symptoms = compileSignatures(await readSignaturesFile(signaturesPath))
  return symptoms
    .filter((symptom) => symptom.log === 'windowsupdate')
    .flatMap((symptom) => symptom.lines)
    .map((line) =>
      line.regex.source
        .replace(/\(\?<[A-Za-z][A-Za-z0-9]*>/g, '(')
        .replace(/\(\?:/g, '(')
        .replace(/\\d/g, '[0-9]')
        .replace(/\\s/g, '[[:space:]]')
        .replace(/\\n/g, ''),
    )
}

export function runGrep(file: string, bytes: number, patterns: string[], timeTool: string | undefined) {
  const probe = spawnSync('grep', ['--version'])
  if (probe.status !== 0) return undefined
  const args = ['-E', '-c', ...patterns.flatMap((pattern) => ['-e', pattern]), file]
  const result = measure('grep', args, timeTool, { LC_ALL: 'C' })
  return {
    seconds: result.seconds,
    mbPerSecond: bytes / MB / result.seconds,
    peakRssMb: result.maxRssKb === undefined ? undefined : result.maxRssKb / 1024,
    matchingLines: Number(result.stdout.trim()),
  }
}

function measure(
  command: string,
  args: string[],
  timeTool: string | undefined,
  env: Record<string, string> = {},
) {
  const [program, programArgs] = timeTool ? [timeTool, ['-v', command, ...args]] : [command, args]
  const started = performance.now()
  const result = spawnSync(program, programArgs, {
    encoding: 'utf8',
    maxBuffer: 64 * MB,
    env: { ...process.env, ...env },
  })
  const seconds = (performance.now() - started) / 1000
  // grep -c exits 1 when nothing matched; anything else is a failure.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(
      `Expected \`${command}\` to succeed, not exit ${result.status}: ${result.stderr.slice(-500)}`,
    )
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)
  return { stdout: result.stdout, seconds, maxRssKb: rss ? Number(rss[1]) : undefined }
}

/** Writes `size` bytes of real (or synthetic) log lines with a 954960 block every `plantEvery` bytes. */
export async function generateLog(
  file: string,
  size: number,
  plantEvery: number,
  source: 'corpus' | 'synthetic',
): Promise<number> {
  const planted = Math.floor(size / plantEvery)
  if (existsSync(file) && statSync(file).size >= size && statSync(file).size < size + 4 * MB) return planted
  const material = source === 'corpus' ? corpusMaterial() : syntheticMaterial()
  mkdirSync(dirname(file), { recursive: true })
  const out = createWriteStream(file)
  let written = 0
  let nextPlant = plantEvery
  let count = 0
  const write = async (text: string) => {
    written += Buffer.byteLength(text)
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  while (written < size) {
    for (const piece of material) {
      await write(piece)
      if (written >= nextPlant && count < planted) {
        await write(plantedBlock(count++))
        nextPlant += plantEvery
      }
      if (written >= size) break
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  return count
}

// The corpus logs in 1 MB pieces cut at line ends, so blocks land between lines.
function corpusMaterial(): string[] {
  const pieces: string[] = []
  for (const name of readdirSync(corpusFull).sort()) {
    let text = readFileSync(`${corpusFull}${name}`, 'utf8').replace(/^\uFEFF/, '')
    if (!text.endsWith('\n')) text += '\r\n'
    for (let start = 0; start < text.length; ) {
      const cut = text.indexOf('\n', start + MB)
      const end = cut === -1 ? text.length : cut + 1
      pieces.push(text.slice(start, end))
      start = end
    }
  }
  return pieces
}

function syntheticMaterial(): string[] {
  const lines: string[] = []
  for (let i = 0; i < 10_000; i++) {
    const ms = String(i % 1000).padStart(3, '0')
    lines.push(
      `2021-08-28\t11:05:${String(i % 60).padStart(2, '0')}:${ms}\t 576\ta70\tAgent\t  * Added update {${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000}.100 to search result\r\n`,
    )
  }
  return [lines.join('')]
}

function plantedBlock(index: number): string {
  const id = `${index.toString(16).padStart(8, '0')}-52c4-4b8e-9f61-0c2a9d4e8b17`
  return [
    '+++++++++++  PT: Synchronizing server updates  +++++++++++',
    '  + ServiceId = {3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}, Server URL = http://wsus01/ClientWebService/client.asmx',
    'WARNING: SyncUpdates failure, error = 0x8024400E, soap client error = 7, soap error code = 400, HTTP status code = 200',
    'WARNING: SOAP Fault: 0x000190',
    'WARNING:     faultstring:Fault occurred',
    'WARNING:     ErrorCode:InternalServerError(5)',
    'WARNING:     Message:(null)',
    'WARNING:     Method:"http://www.microsoft.com/SoftwareDistribution/Server/ClientWebService/SyncUpdates"',
    `WARNING:     ID:${id}`,
  ]
    .map((message) => `2008-06-13\t19:59:56:617\t 788\tee4\tPT\t${message}\r\n`)
    .join('')
}

function printTable(result: BenchDiagnoseResult): void {
  const rows: Array<[string, string, string, string]> = [
    ['tool', 'seconds', 'MB/s', 'peak RSS MB'],
    [
      'kb diagnose',
      result.diagnose.seconds.toFixed(2),
      result.diagnose.mbPerSecond.toFixed(1),
      result.diagnose.peakRssMb?.toFixed(0) ?? '?',
    ],
  ]
  if (result.grep) {
    rows.push([
      'grep -E',
      result.grep.seconds.toFixed(2),
      result.grep.mbPerSecond.toFixed(1),
      result.grep.peakRssMb?.toFixed(0) ?? '?',
    ])
  }
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
  console.log(
    `${result.file}: ${result.sizeMb.toFixed(0)} MB from ${result.source} lines, ${result.planted} blocks planted`,
  )
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
  console.log(
    `diagnose: ${result.diagnose.level}, ${result.diagnose.confirmedBlocks} confirmed blocks, ${result.diagnose.records} records; grep: ${result.grep?.matchingLines ?? '-'} matching lines; ratio diagnose/grep ${result.ratio?.toFixed(2) ?? '-'}`,
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizeMb = process.argv[2] ? Number(process.argv[2]) : undefined
  printTable(await benchDiagnose(sizeMb === undefined ? {} : { sizeMb }))
}
