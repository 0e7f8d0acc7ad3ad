/**
 * @module Where batch results go. To a regular file they are written with `writeSync` until every byte is
 * down, and a write error (a full disk, a file size limit) cuts the file back to its last complete record:
 * a reader never finds a torn line. To a pipe or terminal they go through the stream.
 */
import { fstatSync, ftruncateSync, writeSync } from 'node:fs'
import type { Writable } from 'node:stream'

/** Writes whole records; `write` resolves when the stream can take more. */
export interface OutputSink {
  write(output: string | Uint8Array): Promise<void>
}

/**
 * The sink for `stdout`: the file descriptor when it is a regular file, the stream otherwise.
 *
 * @example
 * const sink = outputSink(process.stdout)
 * await sink.write('{"line":1,…}\n')
 */
export function outputSink(stdout: Writable): OutputSink {
  const fd = (stdout as { fd?: unknown }).fd
  if (typeof fd === 'number' && isRegularFile(fd)) return fileSink(fd)
  return {
    async write(output) {
      if (!stdout.write(output)) await new Promise((resolve) => stdout.once('drain', resolve))
    },
  }
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile()
  } catch {
    return false
  }
}

function fileSink(fd: number): OutputSink {
  // Records are appended to what the file held (0 after `>`, its size after `>>`).
  const base = fstatSync(fd).size
  let complete = 0
  return {
    async write(output) {
      const bytes =
        typeof output === 'string'
          ? Buffer.from(output)
          : Buffer.from(output.buffer, output.byteOffset, output.byteLength)
      let written = 0
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
      } catch (error) {
        const lastNewline = bytes.subarray(0, written).lastIndexOf(10)
        try {
          ftruncateSync(fd, base + complete + lastNewline + 1)
        } catch {
          // Nothing more can be done; the write error is what the user needs to see.
        }
        throw error
      }
      complete += bytes.length
    },
  }
}
