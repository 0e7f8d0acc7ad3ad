/**
 * @module Normalises what callers pass as a log (path, text, bytes, stream) into named chunk
 * streams, so the diagnosis reads every input the same way and never holds a whole file.
 */
import type { Stats } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'

/**
 * A log to diagnose:
 * - a string is a file path when it has no line break and at most 4096 characters (the longest
 *   path Linux accepts), and log text otherwise; `{ path }` or `{ text }` remove the doubt;
 * - a Buffer / Uint8Array holds the bytes (any supported encoding);
 * - a Node Readable or any async iterable of bytes or strings is read as a stream.
 */
export type LogInput =
  | string
  | Uint8Array
  | Readable
  | AsyncIterable<Uint8Array | string>
  | { path: string }
  | { text: string; name?: string }
  | { name: string; content: Uint8Array | Readable | AsyncIterable<Uint8Array | string> }

/** An input opened for reading. */
interface OpenedLog {
  name: string
  /** Size in bytes when known (files, buffers), for progress. */
  size: number | undefined
  /** A file's chunks are views of reused buffers: use each one before asking for the next. */
  chunks: AsyncIterable<Uint8Array | string>
}

// Inputs are handed on in 64 KiB slices: their text stays below V8's large-object size (128 KiB), so
// it dies young; 1 MiB strings raised the peak RSS of a 300 MB log from 50 to 120 MB.
const SLICE_BYTES = 64 * 1024
// Files are read 1 MiB at a time: each read costs a turn of the event loop, and with 256 KiB reads the first
// pass over a 50 MB log waited 15 ms longer (160 -> 145 ms).
const READ_BYTES = 1024 * 1024

/**
 * Opens an input; `fallbackName` names unnamed texts, buffers and streams (e.g. `client[1]`).
 * Throws ``Expected a readable log file at `…`, not a directory`` (or a missing path, …) when a
 * path cannot be read.
 *
 * @example
 * const log = await openLog('C:/Windows/WindowsUpdate.log', 'client[0]')
 * for await (const chunk of log.chunks) process(chunk)
 */
export async function openLog(input: LogInput, fallbackName: string): Promise<OpenedLog> {
  if (typeof input === 'string') {
    return isPathLike(input) ? openPath(input, true) : openText(input, fallbackName)
  }
  if (input instanceof Uint8Array) return { name: fallbackName, size: input.length, chunks: slices(input) }
  if (input instanceof Readable || Symbol.asyncIterator in input) {
    return { name: fallbackName, size: undefined, chunks: input as AsyncIterable<Uint8Array | string> }
  }
  if ('path' in input) return openPath(input.path, false)
  if ('text' in input) return openText(input.text, input.name ?? fallbackName)
  const { content, name } = input
  if (content instanceof Uint8Array) return { name, size: content.length, chunks: slices(content) }
  return { name, size: undefined, chunks: content }
}

/**
 * Whether a bare string input names a file rather than holding log text.
 *
 * @example
 * isPathLike('C:/Windows/WindowsUpdate.log') // true
 * isPathLike('2008-06-13 19:59:53:383 788 ee4 PT x\n') // false
 */
export function isPathLike(input: string): boolean {
  return input.length <= 4096 && !/[\r\n]/.test(input)
}

/** `bare`: the path came as a plain string, which may have been meant as one line of log text. */
async function openPath(path: string, bare: boolean): Promise<OpenedLog> {
  let info: Stats
  try {
    info = await stat(path)
  } catch (error) {
    throw pathError(path, error, bare)
  }
  if (!info.isFile()) {
    const kind = info.isDirectory() ? 'a directory' : 'a device, socket or pipe'
    throw new Error(`Expected a readable log file at ${quote(path)}, not ${kind}`)
  }
  return { name: path, size: info.size, chunks: fileSlices(path, bare) }
}

function pathError(path: string, error: unknown, bare: boolean): Error {
  const { code, message } = error as NodeJS.ErrnoException
  // Node's message is `ENOENT: no such file or directory, stat '…'`: keep the words between.
  const words = /^[A-Z]+: ([^,]+)/.exec(message)?.[1]
  const failure = code ? `${code}${words ? ` (${words})` : ''}` : message
  // Only a bare string can be log text taken for a path; a missing path is the likely sign of it.
  const hint = bare && code === 'ENOENT' ? '; if the string is log text, pass it as { text }' : ''
  return new Error(
    `Expected a readable log file at ${quote(path)}, not a path that fails with ${failure}${hint}`,
  )
}

function quote(path: string): string {
  // Backticks as in every other message; a path with a backtick or a control character gets JSON quotes.
  return /[`\u0000-\u001f]/.test(path) ? JSON.stringify(path) : `\`${path}\``
}

async function* fileSlices(path: string, bare: boolean): AsyncGenerator<Uint8Array> {
  // Opened on the first read: a file that can be listed but not read (EACCES) fails here.
  const file = await open(path, 'r').catch((error: unknown) => {
    throw pathError(path, error, bare)
  })
  // Two buffers taking turns: the next read is under way while this one is processed, so the disk
  // and the matching overlap; reused, because a fresh buffer per read is external memory that
  // only a GC frees, and the dead ones cost 20 MB of RSS on a 1 GB log.
  const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)]
  let turn = 0
  const read = () => file.read(buffers[turn++ % 2]!, 0, READ_BYTES, null)
  let next = read()
  try {
    for (;;) {
      const { buffer, bytesRead } = await next
      if (bytesRead === 0) return
      next = read()
      for (let start = 0; start < bytesRead; start += SLICE_BYTES)
        yield buffer.subarray(start, Math.min(start + SLICE_BYTES, bytesRead))
    }
  } finally {
    // Settle the read in flight before closing; its error, if any, is moot once we stop.
    await next.catch(() => undefined)
    await file.close()
  }
}

function openText(text: string, name: string): OpenedLog {
  return { name, size: Buffer.byteLength(text), chunks: textSlices(text) }
}

async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  // At least one chunk, so even an empty buffer is reported as bytes.
  let start = 0
  do {
    yield bytes.subarray(start, start + SLICE_BYTES)
    start += SLICE_BYTES
  } while (start < bytes.length)
}

async function* textSlices(text: string): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += SLICE_BYTES) yield text.slice(start, start + SLICE_BYTES)
}
