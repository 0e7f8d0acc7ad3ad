/** @module Run a command and measure its wall time and peak RSS (of the process, threads included). */
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'

/** What one measured run took. */
export interface MeasuredRun {
  status: number
  seconds: number
  /** Peak resident set size in MB: from `/usr/bin/time -v`, else the last `VmHWM` polled from /proc. */
  peakRssMb: number | undefined
  stderr: string
}

const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0

/**
 * Run `command args` with stdout to `stdoutFile` (or discarded) and measure it.
 *
 * @example
 * const run = await measure('node', ['-e', '0'])
 * console.log(run.seconds, run.peakRssMb)
 */
export async function measure(
  command: string,
  args: string[],
  options: { stdoutFile?: string; stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<MeasuredRun> {
  const out = options.stdoutFile === undefined ? 'ignore' : openSync(options.stdoutFile, 'w')
  const input = options.stdin === undefined ? 'ignore' : openSync(options.stdin, 'r')
  const [file, argv] = gnuTime ? ['/usr/bin/time', ['-v', command, ...args]] : [command, args]
  const began = performance.now()
  const child = spawn(file, argv, { stdio: [input, out, 'pipe'], env: options.env ?? process.env })
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk
  })
  let polled: number | undefined
  const poll = gnuTime
    ? undefined
    : setInterval(() => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
          const match = /VmHWM:\s+(\d+) kB/.exec(status)
          if (match) polled = Number(match[1]) / 1024
        } catch {
          // The process has exited between two polls.
        }
      }, 20)
  const status = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)))
  const seconds = (performance.now() - began) / 1000
  if (poll) clearInterval(poll)
  if (typeof out === 'number') closeSync(out)
  if (typeof input === 'number') closeSync(input)
  let peakRssMb = polled
  if (gnuTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
    peakRssMb = match ? Number(match[1]) / 1024 : undefined
    stderr = stderr.replace(/\tCommand being timed:[\s\S]*$/, '')
  }
  return { status, seconds, peakRssMb, stderr }
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
