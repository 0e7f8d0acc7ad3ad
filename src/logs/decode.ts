/**
 * @module Turns log bytes into text chunk by chunk, whatever encoding Windows or a paste left.
 * WindowsUpdate.log is UTF-8 (with or without BOM); Windows PowerShell 5.1 redirection writes
 * UTF-16LE with BOM. Invalid bytes become U+FFFD instead of failing: a damaged log is still evidence.
 */
import { TextDecoder } from 'node:util'

/** Encodings the reader recognises. */
export type LogEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/**
 * Which encoding `head` (the first bytes of a file) announces: a BOM, or the NUL pattern of
 * UTF-16 text without one; UTF-8 otherwise.
 *
 * @example
 * sniffEncoding(Uint8Array.of(0xff, 0xfe, 0x32, 0x00)) // 'utf-16le'
 */
function sniffEncoding(head: Uint8Array): LogEncoding {
  const [a, b, c, d] = head
  // A UTF-8 BOM needs no test: it matches no pattern below, and `start` drops it.
  if (a === 0xff && b === 0xfe) return 'utf-16le'
  if (a === 0xfe && b === 0xff) return 'utf-16be'
  // ASCII text in UTF-16 without BOM: every other byte is NUL.
  if (head.length >= 4 && a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le'
  if (head.length >= 4 && a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be'
  return 'utf-8'
}

/**
 * A streaming decoder: feed byte chunks of any size, get text; characters split across chunks
 * are kept until complete. The BOM is dropped.
 *
 * @example
 * const decoder = new LogDecoder()
 * const text = decoder.write(bytes) + decoder.end()
 */
export class LogDecoder {
  /** Set once the first bytes have been seen. */
  encoding: LogEncoding | undefined
  // UTF-16 goes through TextDecoder; UTF-8 through Buffer#toString, which replaces invalid bytes the
  // same way and costs a fraction of TextDecoder's streaming mode on large logs.
  private decoder: TextDecoder | undefined
  private head = new Uint8Array(0)
  // UTF-8 bytes of a character cut at the end of the last chunk.
  private tail: Uint8Array | undefined

  write(bytes: Uint8Array): string {
    if (this.encoding === 'utf-8') return this.utf8(bytes, false)
    if (this.decoder) return this.decoder.decode(bytes, { stream: true })
    const head = new Uint8Array(this.head.length + bytes.length)
    head.set(this.head)
    head.set(bytes, this.head.length)
    // Four bytes are enough to tell the encodings apart.
    if (head.length < 4) {
      this.head = head
      return ''
    }
    return this.start(head)
  }

  end(): string {
    if (this.encoding === undefined) return this.head.length > 0 ? this.start(this.head) + this.finish() : ''
    return this.finish()
  }

  private start(head: Uint8Array): string {
    this.encoding = sniffEncoding(head)
    this.head = new Uint8Array(0)
    if (this.encoding === 'utf-8') {
      const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
      return this.utf8(bom ? head.subarray(3) : head, false)
    }
    this.decoder = new TextDecoder(this.encoding, { fatal: false })
    return this.decoder.decode(head, { stream: true })
  }

  private finish(): string {
    if (this.encoding === 'utf-8') return this.utf8(new Uint8Array(0), true)
    // `start` made a decoder for every encoding but UTF-8.
    return this.decoder!.decode()
  }

  private utf8(chunk: Uint8Array, last: boolean): string {
    let bytes = chunk
    if (this.tail) {
      bytes = Buffer.concat([this.tail, chunk])
      this.tail = undefined
    }
    const complete = last ? bytes.length : completeLength(bytes)
    // A copy: the caller may reuse its buffer (Buffer#slice would be a view).
    if (complete < bytes.length) this.tail = new Uint8Array(bytes.subarray(complete))
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', 0, complete)
  }
}

/** How many bytes of `bytes` end on a character boundary (an incomplete last sequence is left out). */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back]!
    if (byte < 0x80) return length
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return back < needed ? length - back : length
    }
  }
  return length
}
