/**
 * @module Cache files of a JSON header and a body of texts that the header places: written whole, then read a
 * piece at a time from the open file, so that a reader parses only the pieces it needs (the compiled strings of
 * a locales folder, the texts of a compiled model's articles).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { markCacheFileUsed } from './cache-dir.ts'

// The byte length of the header in decimal, padded to this many bytes; the header; the body.
const lengthBytes = 16

/**
 * The bytes of a file of `header` (JSON text) and the `body` texts after it, in order.
 *
 * @example
 * writeCacheFile(file, indexedFileBytes(JSON.stringify({a: [0, 2]}), [Buffer.from('{}')]))
 */
export function indexedFileBytes(header: string, body: readonly Uint8Array[]): Buffer {
  const head = Buffer.from(header)
  return Buffer.concat([Buffer.from(String(head.length).padStart(lengthBytes, ' ')), head, ...body])
}

/** An open file of `indexedFileBytes`: its header parsed, its body read at offsets until it is closed. */
export interface IndexedFile<T> {
  readonly header: T
  /** The `length` bytes at `offset` of the body. Throws when the file was cut short since it was opened. */
  read(offset: number, length: number): Buffer
  close(): void
}

/**
 * `file` opened and its header parsed; undefined when it is missing or unreadable, or its length is not that of
 * the header and the `bodyLength(header)` bytes of body the header places (a file cut short by a full disk is
 * made again rather than failing on some later read). Marks the file used (`markCacheFileUsed`).
 *
 * @example
 * const opened = openIndexedFile<{a: [number, number]}>(file, (header) => header.a[1])
 * opened?.read(...opened.header.a).toString('utf8') // '{}'
 */
export function openIndexedFile<T>(
  file: string,
  bodyLength: (header: T) => number,
): IndexedFile<T> | undefined {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const opened = fd
    const read = (position: number, length: number) => {
      const bytes = Buffer.alloc(length)
      if (readSync(opened, bytes, 0, length, position) !== length)
        throw new RangeError(`${file} is cut short`)
      return bytes
    }
    const headLength = Number(read(0, lengthBytes).toString('latin1').trim())
    const header = JSON.parse(read(lengthBytes, headLength).toString('utf8')) as T
    const start = lengthBytes + headLength
    if (fstatSync(opened).size !== start + bodyLength(header)) throw new RangeError(`${file} is not whole`)
    markCacheFileUsed(file)
    return {
      header,
      read: (offset, length) => read(start + offset, length),
      close: () => closeSync(opened),
    }
  } catch {
    if (fd !== undefined) closeSync(fd)
    return undefined
  }
}
