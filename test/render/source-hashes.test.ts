import { describe, expect, it } from 'vitest'
import { replaceMetaBlock, sourceHash } from '../../src/render/source-hashes.ts'

describe('replaceMetaBlock', () => {
  it('replaces the block and its comment, so running it again changes nothing', () => {
    const first = replaceMetaBlock('title: Titel\n', new Map([['title', 'aaaa1111']]))
    const second = replaceMetaBlock(first, new Map([['title', 'bbbb2222']]))
    expect(second.match(/# Hashes of the English source/g)).toHaveLength(1)
    expect(second).toContain('title: bbbb2222')
    expect(second).not.toContain('aaaa1111')
    expect(replaceMetaBlock(second, new Map([['title', 'bbbb2222']]))).toBe(second)
    expect(second.startsWith('title: Titel\n\n# Hashes')).toBe(true)
  })
})

describe('sourceHash', () => {
  // The hashes are written into the locale files: a different function would mark every translation stale.
  it('is the first 8 hex digits of the SHA-1 of the UTF-8 text', () => {
    expect(sourceHash('Symptoms')).toBe('8cd93736')
    expect(sourceHash('Årsak')).toBe('047690b3')
  })
})
