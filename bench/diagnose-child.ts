/**
 * @module Child process of the diagnose benchmark: diagnoses one client log and prints one JSON
 * line with the time, the level and its own peak RSS, so the parent measures a clean process.
 */
import { diagnoseLogs } from '../src/logs/diagnose.ts'
import { readSignaturesFile } from '../src/logs/load-signatures.ts'

const [file, signaturesPath] = process.argv.slice(2)
if (!file || !signaturesPath)
  throw new Error('Expected `diagnose-child.ts LOG SIGNATURES`, not missing arguments')
const signatures = await readSignaturesFile(signaturesPath)
const started = performance.now()
const cpuBefore = process.cpuUsage()
const report = await diagnoseLogs({ windowsupdate: file }, { signatures, maxBlocks: 10_000 })
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
const client = report.logs.windowsupdate!.files[0]!
process.stdout.write(
  `${JSON.stringify({
    seconds,
    // CPU time of the diagnosis (all threads): steadier than wall time on a busy machine.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    bytes: client.stats.bytes,
    records: client.stats.records,
    level: client.level,
    confirmedBlocks: client.blocks.filter((block) => block.level === 'confirmed').length,
    maxRssKb: process.resourceUsage().maxRSS,
    problem: client.problem,
  })}\n`,
)
