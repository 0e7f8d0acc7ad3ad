// Facts typed into translations, found in many texts at once as in each text alone.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import type { KnowledgeBaseModel } from '../../src/kb/model.ts'
import { factPatterns, findFacts } from '../../src/render/fact-literals.ts'

let model: KnowledgeBaseModel
beforeAll(async () => {
  model = await loadRules('test/fixtures/fictional/rules')
})

// One text at a time, each pattern on its own: what `findFacts` must give for every text of a batch.
function alone(text: string, language: string) {
  const blanked = text.replace(/\{\{[^}]*\}\}/g, (placeholder) => ' '.repeat(placeholder.length))
  let found: { what: string; text: string; index: number } | undefined
  for (const { what, pattern } of factPatterns(model, language)) {
    const match = pattern.exec(blanked)
    if (match && (found === undefined || match.index < found.index))
      found = { what, text: match[0], index: match.index }
  }
  return found
}

// Pieces of every kind of fact (and of near misses) next to words, line breaks and placeholders, so that facts
// begin and end at the edges of texts.
const piece = fc.constantFrom(
  '1001',
  '1001.5',
  'KB1001',
  '2031-03-15',
  'March 15, 2031',
  'March',
  '15, 2031',
  '15 maart 2031',
  '15.03.2031',
  '0x80001001',
  '0x8000100',
  '1.2.3',
  '1.2.3.4.5',
  '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
  'https://contoso.example/a',
  'www.contoso.example',
  'C:\\Contoso\\x',
  '%WINDIR%\\x',
  'ERROR: order lost, error = 0x80001001',
  'error: ORDER LOST, ERROR = 0X80001001',
  'The order went cold',
  '{{kbNumber}}',
  '{{',
  '}}',
  ' ',
  '\n',
  '-',
  '.',
  'x',
  'order',
)
const text = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(''))

describe('findFacts', () => {
  it('finds in each text of a batch what it finds in that text alone, in every language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('en', 'nl', 'pl', 'nb'),
        fc.array(text, { maxLength: 8 }),
        (language, texts) => {
          expect(findFacts(texts, factPatterns(model, language))).toEqual(
            texts.map((each) => alone(each, language)),
          )
        },
      ),
      { numRuns: 1500 },
    )
  })

  it('searches each text alone with a pattern made elsewhere, which may read the edge of a text', () => {
    const atEnd = { what: 'a final c', pattern: /c$/ }
    expect(findFacts(['a', 'xc', 'c b'], [atEnd])).toEqual([
      undefined,
      { what: 'a final c', text: 'c', index: 1 },
      undefined,
    ])
  })

  it('names the kind, the text and its place in its own text', () => {
    const [first, second, third] = findFacts(
      ['Fixed on March 15, 2031.', 'No fact.', 'See {{kbUrl}} or KB 1001'],
      factPatterns(model, 'en'),
    )
    expect(first).toEqual({ what: 'a date', text: 'March 15, 2031', index: 9 })
    expect(second).toBeUndefined()
    expect(third).toEqual({ what: 'a KB or advisory number', text: '1001', index: 20 })
    // A fact cut in two by the end of a text is in neither.
    expect(findFacts(['Fixed in March', '15, 2031 it was'], factPatterns(model, 'en'))).toEqual([
      undefined,
      undefined,
    ])
  })
})
