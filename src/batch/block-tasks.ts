/** @module Cut a batch input into blocks: byte ranges of a file, or line-aligned pieces of a stream. */
import { type FileHandle, open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { maxLineBytes } from './evaluate-line.ts'

/** A block for a worker or for the main thread. `firstLine` numbers its first line (1-based). */
export type BlockSource = { firstLine: number } & (
  | { start: number; end: number }
  | { data: Uint8Array }
  | { tooLong: true }
)

const newline = 10

/** The number of the first line that starts at or after `start`, from the newlines in `[0, start - 1)`. */
function firstLineOf(start: number, newlinesBefore: number): number {
  return start === 0 ? 1 : newlinesBefore + 2
}

/**
 * Byte ranges of `blockBytes` over a file, each with the number of its first line. The file is read once
 * here to count newlines (the workers read their own ranges again); ranges are yielded as soon as counted.
 *
 * @example
 * for await (const block of fileBlocks('fleet.ndjson', 4 << 20)) console.log(block)
 */
export async function* fileBlocks(file: string, blockBytes: number): AsyncGenerator<BlockSource> {
  const handle: FileHandle = await open(file, 'r')
  try {
    const size = (await handle.stat()).size
    const buffer = Buffer.allocUnsafe(Math.min(blockBytes, 4 * 1024 * 1024))
    // Newlines in [0, position), and whether the byte just before `position` is a newline.
    let newlines = 0
    let previousIsNewline = false
    let position = 0
    for (let start = 0; start < size; start += blockBytes) {
      const end = Math.min(size, start + blockBytes)
      yield { start, end, firstLine: firstLineOf(start, newlines - (previousIsNewline ? 1 : 0)) }
      while (position < end) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - position), position)
        if (bytesRead === 0) return
        newlines += countNewlines(buffer, bytesRead)
        previousIsNewline = buffer[bytesRead - 1] === newline
        position += bytesRead
      }
    }
  } finally {
    await handle.close()
  }
}

/**
 * Line-aligned pieces of about `blockBytes` from a stream (standard input). A line longer than
 * `maxLineBytes` is dropped as it streams by and becomes a `tooLong` block, so memory stays bounded.
 *
 * @example
 * for await (const block of streamBlocks(process.stdin, 4 << 20)) console.log(block.firstLine)
 */
export async function* streamBlocks(stream: Readable, blockBytes: number): AsyncGenerator<BlockSource> {
  let complete: Buffer[] = []
  let completeBytes = 0
  let partial: Buffer[] = []
  let partialBytes = 0
  let firstLine = 1
  let skipping = false
  const take = (parts: Buffer[]): BlockSource => {
    const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
    const block = { data, firstLine }
    firstLine += countNewlines(data, data.length)
    return block
  }
  for await (const chunk of stream) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    if (skipping) {
      const at = bytes.indexOf(newline)
      if (at === -1) continue
      skipping = false
      bytes = bytes.subarray(at + 1)
    }
    const last = bytes.lastIndexOf(newline)
    if (last !== -1) {
      complete.push(...partial, bytes.subarray(0, last + 1))
      completeBytes += partialBytes + last + 1
      partial = []
      partialBytes = 0
      bytes = bytes.subarray(last + 1)
    }
    if (bytes.length > 0) {
      partial.push(bytes)
      partialBytes += bytes.length
    }
    if (completeBytes >= blockBytes || (partialBytes > maxLineBytes && completeBytes > 0)) {
      yield take(complete)
      complete = []
      completeBytes = 0
    }
    if (partialBytes > maxLineBytes) {
      partial = []
      partialBytes = 0
      skipping = true
      yield { tooLong: true, firstLine: firstLine++ }
    }
  }
  if (!skipping) complete.push(...partial)
  if (complete.length > 0) yield take(complete)
}

function countNewlines(buffer: Uint8Array, length: number): number {
  let count = 0
  let at = buffer.indexOf(newline)
  while (at !== -1 && at < length) {
    count++
    at = buffer.indexOf(newline, at + 1)
  }
  return count
}
