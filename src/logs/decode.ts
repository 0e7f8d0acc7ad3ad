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
export function sniffEncoding(head: Uint8Array): LogEncoding {
  const [a, b, c, d] = head
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8'
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
  private decoder: TextDecoder | undefined
  private head = new Uint8Array(0)

  write(bytes: Uint8Array): string {
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
    if (!this.decoder) return this.head.length > 0 ? this.start(this.head) + this.finish() : ''
    return this.finish()
  }

  private start(head: Uint8Array): string {
    this.encoding = sniffEncoding(head)
    this.decoder = new TextDecoder(this.encoding, { fatal: false })
    this.head = new Uint8Array(0)
    return this.decoder.decode(head, { stream: true })
  }

  private finish(): string {
    return this.decoder?.decode() ?? ''
  }
}
