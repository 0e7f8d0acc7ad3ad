// Run the kb CLI in process with captured streams.
import { PassThrough, Readable } from 'node:stream'
import { runCli } from '../../src/cli/main.ts'

export interface CliRun {
  status: number
  stdout: string
  stderr: string
}

/** Run `kb <args>` with `stdin` as standard input; returns exit status and output. */
export async function kb(args: string[], stdin = ''): Promise<CliRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk))
  stderr.on('data', (chunk: Buffer) => err.push(chunk))
  const status = await runCli(args, {
    stdin: Readable.from([stdin]),
    stdout,
    stderr,
    env: {},
    cwd: process.cwd(),
  })
  return { status, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }
}
