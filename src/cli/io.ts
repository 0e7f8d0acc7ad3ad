/** @module The streams and environment a CLI run uses, injectable so tests run the CLI in process. */
import type { Readable, Writable } from 'node:stream'

/** What a CLI run reads and writes: injected so tests run `runCli` in process. */
export interface CliIo {
  stdin: Readable
  stdout: Writable & { isTTY?: boolean }
  stderr: Writable & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
  cwd: string
}

/**
 * The real process streams.
 *
 * @example
 * const status = await runCli(['lint'], processIo())
 */
export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  }
}

/**
 * Read a whole stream as UTF-8 text, refusing more than `limit` bytes.
 *
 * @example
 * const facts = JSON.parse(await readAll(process.stdin))
 */
export async function readAll(stream: Readable, limit = 64 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buffer.length
    if (size > limit) throw new UsageError(`Expected at most ${limit} bytes on standard input, not more`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
}

/**
 * Bad input from the user (exit status 2): an unreadable file, malformed JSON, an invalid fact.
 *
 * @example
 * throw new UsageError('Expected `--fact` as name=value, not `wsusVersion`')
 */
export class UsageError extends Error {
  readonly code = 'KB_E_USAGE'
  override name = 'UsageError'
}
