import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { isPathLike, openLog } from '../../src/logs/sources.ts'

const folder = mkdtempSync(join(tmpdir(), 'kb-sources-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Every chunk of an opened input, with the sizes they came in. */
async function read(input: Parameters<typeof openLog>[0], fallbackName = 'windowsupdate[0]') {
  const log = await openLog(input, fallbackName)
  const sizes: number[] = []
  const parts: Buffer[] = []
  for await (const chunk of log.chunks) {
    // Copied at once: a file's chunks are views of buffers reused by the next read.
    const bytes = Buffer.from(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
    sizes.push(typeof chunk === 'string' ? chunk.length : chunk.length)
    parts.push(bytes)
  }
  return { name: log.name, size: log.size, sizes, content: Buffer.concat(parts) }
}

const KIB = 1024

describe('openLog: what an input is', () => {
  it('reads a file path, named by its path, in 64 KiB slices across several reads', async () => {
    const path = join(folder, 'big.log')
    const bytes = Buffer.alloc(600 * KIB)
    for (let index = 0; index < bytes.length; index++) bytes[index] = 65 + ((index * 7) % 26)
    writeFileSync(path, bytes)
    const log = await read(path)
    expect(log.name).toBe(path)
    expect(log.size).toBe(600 * KIB)
    expect(log.sizes).toEqual([...Array(9).fill(64 * KIB), 24 * KIB])
    expect(log.content.equals(bytes)).toBe(true)
    expect(await read({ path })).toMatchObject({ name: path, size: 600 * KIB })
  })

  it('reads an empty file as no chunk at all', async () => {
    const path = join(folder, 'empty.log')
    writeFileSync(path, '')
    expect(await read(path)).toMatchObject({ name: path, size: 0, sizes: [] })
  })

  it('reads a string with a line break, or longer than 4096 characters, as log text', async () => {
    const text = 'PT one\nPT two'
    expect(await read(text, 'client[3]')).toMatchObject({ name: 'client[3]', size: 13, sizes: [13] })
    const long = 'x'.repeat(4097)
    expect(isPathLike(long)).toBe(false)
    expect(isPathLike('x'.repeat(4096))).toBe(true)
    expect(isPathLike('a\rb')).toBe(false)
    expect(isPathLike('a\nb')).toBe(false)
    expect((await read(long)).content.toString()).toBe(long)
  })

  it('cuts text in 64 Ki-character slices, sized in bytes', async () => {
    const text = `é${'y'.repeat(64 * KIB)}\n`
    const log = await read({ text, name: 'pasted' })
    expect(log).toMatchObject({ name: 'pasted', size: 64 * KIB + 3, sizes: [64 * KIB, 2] })
    expect(log.content.toString()).toBe(text)
    expect(await read({ text: '' }, 'fallback')).toMatchObject({ name: 'fallback', size: 0, sizes: [] })
  })

  it('slices bytes, giving one empty chunk for an empty buffer', async () => {
    const bytes = Buffer.alloc(128 * KIB + 1, 0x41)
    expect(await read(bytes)).toMatchObject({
      name: 'windowsupdate[0]',
      size: bytes.length,
      sizes: [64 * KIB, 64 * KIB, 1],
    })
    expect(await read(new Uint8Array(64 * KIB))).toMatchObject({ sizes: [64 * KIB] })
    expect(await read(new Uint8Array(0))).toMatchObject({ size: 0, sizes: [0] })
    expect(await read({ name: 'upload.log', content: Buffer.from('abc') })).toMatchObject({
      name: 'upload.log',
      size: 3,
      sizes: [3],
    })
  })

  it('hands streams and async iterables on as they come, of unknown size', async () => {
    const stream = Readable.from([Buffer.from('ab'), Buffer.from('c')])
    expect(await read(stream, 'stdin')).toMatchObject({
      name: 'stdin',
      size: undefined,
      content: Buffer.from('abc'),
    })
    async function* parts() {
      yield 'x'
      yield Buffer.from('yz')
    }
    expect(await read(parts())).toMatchObject({ size: undefined, content: Buffer.from('xyz') })
    expect(await read({ name: 'piped.log', content: parts() })).toMatchObject({
      name: 'piped.log',
      size: undefined,
      content: Buffer.from('xyz'),
    })
  })
})

describe('openLog: refusals', () => {
  it('refuses a directory and a device in one sentence', async () => {
    await expect(openLog(folder, 'x')).rejects.toThrow(
      new Error(`Expected a readable log file at \`${folder}\`, not a directory`),
    )
    await expect(openLog({ path: '/dev/null' }, 'x')).rejects.toThrow(
      new Error('Expected a readable log file at `/dev/null`, not a device, socket or pipe'),
    )
  })

  it('hints at { text } only for a bare string that names no file', async () => {
    const missing = join(folder, 'missing.log')
    await expect(openLog(missing, 'x')).rejects.toThrow(
      new Error(
        `Expected a readable log file at \`${missing}\`, not a path that fails with ENOENT (no such file or directory); if the string is log text, pass it as { text }`,
      ),
    )
    await expect(openLog({ path: missing }, 'x')).rejects.toThrow(
      new Error(
        `Expected a readable log file at \`${missing}\`, not a path that fails with ENOENT (no such file or directory)`,
      ),
    )
    // Another failure than a missing path is no sign of log text.
    const notFolder = join(folder, 'big.log', 'inside.log')
    writeFileSync(join(folder, 'big.log'), 'x')
    await expect(openLog(notFolder, 'x')).rejects.toThrow(
      new Error(
        `Expected a readable log file at \`${notFolder}\`, not a path that fails with ENOTDIR (not a directory)`,
      ),
    )
  })

  it('refuses a file that is gone when reading starts, naming it', async () => {
    const path = join(folder, 'rotated.log')
    writeFileSync(path, 'x')
    const log = await openLog(path, 'x')
    rmSync(path)
    await expect(read({ name: 'rotated', content: log.chunks })).rejects.toThrow(
      new Error(
        `Expected a readable log file at \`${path}\`, not a path that fails with ENOENT (no such file or directory); if the string is log text, pass it as { text }`,
      ),
    )
  })

  it.skipIf(!existsSync('/proc/self/fd'))('closes the file when reading ends or stops early', async () => {
    const path = join(folder, 'closed.log')
    writeFileSync(path, Buffer.alloc(300 * KIB, 0x41))
    const open = () => readdirSync('/proc/self/fd').length
    const before = open()
    await read(path)
    for await (const _chunk of (await openLog(path, 'x')).chunks) break
    expect(open()).toBe(before)
  })

  it('quotes a path holding a backtick or a control character as JSON', async () => {
    const odd = join(folder, 'a`b.log')
    await expect(openLog({ path: odd }, 'x')).rejects.toThrow(`at ${JSON.stringify(odd)}, not a path`)
    const colored = join(folder, 'a\u001b[31mb.log')
    await expect(openLog({ path: colored }, 'x')).rejects.toThrow(`at ${JSON.stringify(colored)}, not a path`)
    await expect(openLog({ path: join(folder, 'a\u001fb.log') }, 'x')).rejects.toThrow('a\\u001fb.log"')
    await expect(openLog({ path: join(folder, 'a b.log') }, 'x')).rejects.toThrow('a b.log`')
  })

  it('names the error code alone when Node gives no errno words', async () => {
    await expect(openLog({ path: 'a\0b' }, 'x')).rejects.toThrow(
      new Error(
        'Expected a readable log file at "a\\u0000b", not a path that fails with ERR_INVALID_ARG_VALUE',
      ),
    )
  })
})
