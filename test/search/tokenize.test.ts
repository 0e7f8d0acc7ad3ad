import { describe, expect, it, vi } from 'vitest'
import type { Language } from '../../src/render/i18n.ts'

const text =
  'Oppdateringer installeres ikke: clients updating fail, aktualizacje nie działają, updates mislukken 0x8024400E'
const order: Language[] = ['en', 'nl', 'pl', 'nb']

// Each module instance starts with no term known.
async function freshTerms() {
  vi.resetModules()
  return (await import('../../src/search/tokenize.ts')).terms
}

describe('terms: the index terms of a text', () => {
  it('gives a word the term of the language asked, whichever language asked for it first', async () => {
    const first = await freshTerms()
    const forwards = order.map((language) => first(text, language))
    const second = await freshTerms()
    const backwards = [...order]
      .reverse()
      .map((language) => second(text, language))
      .reverse()
    expect(backwards).toEqual(forwards)
    // The languages stem the same words differently, so a term known for one would show in another.
    expect(new Set(forwards.map((terms) => terms.join(' '))).size).toBe(order.length)
    expect(forwards[0]).toContain('0x8024400e')
  })

  it('gives the same terms when asked again', async () => {
    const terms = await freshTerms()
    expect(terms(text, 'pl')).toEqual(terms(text, 'pl'))
  })
})
