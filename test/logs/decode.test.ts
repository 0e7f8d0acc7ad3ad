import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LogDecoder } from '../../src/logs/decode.ts'

/** The text and encoding a decoder gives for `chunks` written one after the other. */
function decode(...chunks: number[][]): { text: string; encoding: string | undefined } {
  const decoder = new LogDecoder()
  let text = ''
  for (const chunk of chunks) text += decoder.write(Uint8Array.from(chunk))
  text += decoder.end()
  return { text, encoding: decoder.encoding }
}

const ascii = (text: string) => [...Buffer.from(text, 'latin1')]
const le = (text: string) => [...Buffer.from(text, 'utf16le')]
const be = (text: string) => [...Buffer.from(text, 'utf16le').swap16()]

describe('LogDecoder: encodings', () => {
  it.each([
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, ...ascii('PT x')], 'utf-8'],
    ['UTF-8 without BOM', ascii('PT x'), 'utf-8'],
    ['UTF-16LE with BOM', [0xff, 0xfe, ...le('PT x')], 'utf-16le'],
    ['UTF-16BE with BOM', [0xfe, 0xff, ...be('PT x')], 'utf-16be'],
    ['UTF-16LE without BOM', le('PT x'), 'utf-16le'],
    ['UTF-16BE without BOM', be('PT x'), 'utf-16be'],
  ])('decodes %s and drops the BOM', (_name, bytes, encoding) => {
    expect(decode(bytes)).toEqual({ text: 'PT x', encoding })
    // One byte at a time: the encoding is told from the first four bytes, whenever they arrive.
    expect(decode(...bytes.map((byte) => [byte]))).toEqual({ text: 'PT x', encoding })
  })

  it('tells UTF-16 without BOM from exactly four bytes', () => {
    expect(decode(le('ab'))).toEqual({ text: 'ab', encoding: 'utf-16le' })
    expect(decode(be('ab'))).toEqual({ text: 'ab', encoding: 'utf-16be' })
  })

  it('reads NUL bytes that do not alternate with text as UTF-8', () => {
    expect(decode([0, 0, 0, 0])).toEqual({ text: '\0\0\0\0', encoding: 'utf-8' })
    expect(decode([0x61, 0, 0, 0])).toEqual({ text: 'a\0\0\0', encoding: 'utf-8' })
    expect(decode([0, 0x61, 0, 0])).toEqual({ text: '\0a\0\0', encoding: 'utf-8' })
    expect(decode([0x61, 0, 0x62, 0x63])).toEqual({ text: 'a\0bc', encoding: 'utf-8' })
    expect(decode([0, 0x61, 0x62, 0x63])).toEqual({ text: '\0abc', encoding: 'utf-8' })
    expect(decode([0x61, 0x62, 0, 0x63])).toEqual({ text: 'ab\0c', encoding: 'utf-8' })
  })

  it('reads a lone 0xFF or 0xFE, and NULs that stop alternating, as UTF-8', () => {
    expect(decode([0xff, 0x41, 0x42, 0x43])).toEqual({ text: '\ufffdABC', encoding: 'utf-8' })
    expect(decode([0x41, 0xfe, 0x42, 0x43])).toEqual({ text: 'A\ufffdBC', encoding: 'utf-8' })
    expect(decode([0xfe, 0x41, 0x42, 0x43])).toEqual({ text: '\ufffdABC', encoding: 'utf-8' })
    expect(decode([0x41, 0x42, 0x43, 0])).toEqual({ text: 'ABC\0', encoding: 'utf-8' })
    expect(decode([0, 0, 0x41, 0])).toEqual({ text: '\0\0A\0', encoding: 'utf-8' })
    expect(decode([0, 0x41, 0x42, 0x43])).toEqual({ text: '\0ABC', encoding: 'utf-8' })
    expect(decode([0, 0, 0, 0x41])).toEqual({ text: '\0\0\0A', encoding: 'utf-8' })
  })

  it('drops a BOM only when all three of its bytes open the log', () => {
    expect(decode([0x41, 0x42, 0xbf, 0x43])).toEqual({ text: 'AB\ufffdC', encoding: 'utf-8' })
    expect(decode([0xef, 0x42, 0xbf, 0x43])).toEqual({ text: '\ufffdB\ufffdC', encoding: 'utf-8' })
    expect(decode([0x41, 0xbb, 0xbf, 0x42])).toEqual({ text: 'A\ufffd\ufffdB', encoding: 'utf-8' })
  })

  it('reads fewer than four bytes as UTF-8 at the end, even a UTF-16 look', () => {
    expect(decode([0x61, 0, 0x62])).toEqual({ text: 'a\0b', encoding: 'utf-8' })
    expect(decode([0, 0x61, 0])).toEqual({ text: '\0a\0', encoding: 'utf-8' })
    expect(decode([0x61], [0x62])).toEqual({ text: 'ab', encoding: 'utf-8' })
  })

  it('gives nothing and no encoding for no bytes', () => {
    expect(decode()).toEqual({ text: '', encoding: undefined })
    expect(decode([])).toEqual({ text: '', encoding: undefined })
  })

  it('drops only a complete UTF-8 BOM', () => {
    expect(decode([0xef, 0xbb, 0x41, 0x42])).toEqual({ text: '\ufffdAB', encoding: 'utf-8' })
    expect(decode([0xef, 0xbb, 0xbf])).toEqual({ text: '', encoding: 'utf-8' })
  })
})

describe('LogDecoder: characters cut between chunks', () => {
  // € is E2 82 AC, 𝄞 is F0 9D 84 9E, é is C3 A9.
  it.each([
    ['a 2-byte character', [0x41, 0x42, 0x43, 0xc3], [0xa9], 'ABCé'],
    ['a 3-byte character after 1 byte', [0x41, 0x42, 0x43, 0xe2], [0x82, 0xac], 'ABC€'],
    ['a 3-byte character after 2 bytes', [0x41, 0x42, 0x43, 0xe2, 0x82], [0xac], 'ABC€'],
    ['a 4-byte character after 3 bytes', [0x41, 0x42, 0x43, 0xf0, 0x9d, 0x84], [0x9e], 'ABC𝄞'],
    ['a 4-byte character after 1 byte', [0x41, 0x42, 0x43, 0xf0], [0x9d, 0x84, 0x9e], 'ABC𝄞'],
  ])('joins %s', (_name, first, second, text) => {
    const decoder = new LogDecoder()
    const head = decoder.write(Uint8Array.from(first))
    expect(head).toBe('ABC')
    expect(head + decoder.write(Uint8Array.from(second)) + decoder.end()).toBe(text)
  })

  it('returns every complete character at once, keeping only the cut one', () => {
    const decoder = new LogDecoder()
    const writes = [
      [0x41, 0x42, 0x43, 0x44],
      [0xe2],
      [0x82, 0xac, 0xc3, 0xa9],
      [0xe2, 0x82, 0xac],
      [0xf0, 0x9d, 0x84, 0x9e],
      [0x41, 0xe2, 0x82],
      [0xac, 0xe2, 0x41],
      [0x41, 0xf0, 0x9d],
      [0x84, 0x9e],
    ].map((chunk) => decoder.write(Uint8Array.from(chunk)))
    expect(writes).toEqual(['ABCD', '', '€é', '€', '𝄞', 'A', '€\ufffdA', 'A', '𝄞'])
    expect(decoder.end()).toBe('')
  })

  it.each([
    ['U+0800 (E0 A0 80)', [0xe0, 0xa0], [0x80], '\u0800'],
    ['U+2000 (E2 80 80)', [0xe2, 0x80], [0x80], '\u2000'],
    ['U+10000 (F0 90 80 80)', [0xf0, 0x90], [0x80, 0x80], '\u{10000}'],
  ])('joins %s cut after its second byte', (_name, first, second, text) => {
    const decoder = new LogDecoder()
    const head = decoder.write(Uint8Array.from([0x41, 0x42, 0x43, 0x44]))
    expect(
      head + decoder.write(Uint8Array.from(first)) + decoder.write(Uint8Array.from(second)) + decoder.end(),
    ).toBe(`ABCD${text}`)
  })

  it('gives the text of the whole log however it is cut, in ASCII chunks and in others', () => {
    // Mostly ASCII, some bytes of longer characters and invalid ones; no NUL, so it reads as UTF-8.
    const byte = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 0x7f }) },
      { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
    )
    fc.assert(
      fc.property(fc.array(fc.array(byte, { maxLength: 12 }), { maxLength: 8 }), (chunks) => {
        const log = [0x41, ...chunks.flat()]
        expect(decode([0x41], ...chunks).text).toBe(Buffer.from(log).toString('utf8'))
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps the cut bytes although the caller reuses its buffer', () => {
    const decoder = new LogDecoder()
    const buffer = Uint8Array.from([0x41, 0x42, 0x43, 0xe2, 0x82])
    let text = decoder.write(buffer)
    buffer.fill(0x5a)
    text += decoder.write(Uint8Array.from([0xac])) + decoder.end()
    expect(text).toBe('ABC€')
  })

  it('replaces a character cut by the end of the log, and invalid bytes, with U+FFFD', () => {
    expect(decode([0x41, 0x42, 0x43, 0xe2, 0x82])).toEqual({ text: 'ABC\ufffd', encoding: 'utf-8' })
    expect(decode([0x41, 0xff, 0x42, 0x43])).toEqual({ text: 'A\ufffdBC', encoding: 'utf-8' })
    expect(decode([0x41, 0x42, 0x43, 0x80], [0x44])).toEqual({ text: 'ABC\ufffdD', encoding: 'utf-8' })
  })

  it('joins a UTF-16 character cut between chunks', () => {
    const bytes = [0xff, 0xfe, ...le('a€b')]
    expect(decode(bytes.slice(0, 5), bytes.slice(5))).toEqual({ text: 'a€b', encoding: 'utf-16le' })
    expect(decode([0xff, 0xfe, 0x61, 0x00], [0xac])).toEqual({ text: 'a\ufffd', encoding: 'utf-16le' })
  })
})
