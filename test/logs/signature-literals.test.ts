// The required literals of every pattern, analysed once and filed by `kb diagnose`: the analysis must be the one
// the pass makes itself, and the pass must go by the analysis it is given.
import { describe, expect, it } from 'vitest'
import { requiredLiterals } from '../../src/logs/literal-alternatives.ts'
import { compileSignatures, parseSignatures } from '../../src/logs/load-signatures.ts'
import { SymptomMatcher } from '../../src/logs/matcher.ts'
import { MatcherSet } from '../../src/logs/matcher-set.ts'
import { signatureLiterals } from '../../src/logs/signature-literals.ts'

const signatures = (article: string, lines: string[], vetoes: string[] = []) =>
  parseSignatures({
    kind: 'signatures',
    article,
    symptoms: [
      {
        id: 's',
        log: 'cbs',
        fact: 'f',
        description: 'd',
        window: 3,
        lines: lines.map((pattern, index) => ({ id: `l${index}`, pattern, distinctive: index === 0 })),
        vetoes: vetoes.map((pattern, index) => ({ id: `v${index}`, pattern })),
      },
    ],
  })

describe('signatureLiterals', () => {
  it("gives every line's and veto's required literals as the pass finds them, null where there are none", () => {
    const one = signatures(
      'a',
      ['SOAP Fault: 0x000190', '(?:failed \\[8024\\]|error = 0x8024)'],
      ['a{0,2}|b'],
    )
    const two = signatures('b', ['SOAP Fault: 0x000190', 'path/to'])
    const literals = signatureLiterals([one, two])
    const sources = [one, two].flatMap((file) =>
      compileSignatures(file).flatMap((symptom) =>
        [...symptom.lines, ...symptom.vetoes].map((line) => line.regex.source),
      ),
    )
    expect(Object.keys(literals).sort()).toEqual([...new Set(sources)].sort())
    for (const source of sources) expect(literals[source]).toEqual(requiredLiterals(source) ?? null)
    expect(literals['a{0,2}|b']).toBeNull()
    // Keyed as a compiled expression writes its source, which escapes the slash.
    expect(literals[/path\/to/.source]).toEqual(requiredLiterals(/path\/to/.source))
  })

  it('keeps a pattern named like an object property as a pattern', () => {
    const literals = signatureLiterals([signatures('a', ['__proto__', 'constructor'])])
    expect(Object.keys(literals).sort()).toEqual(['__proto__', 'constructor'])
    expect(Object.getOwnPropertyDescriptor(literals, '__proto__')?.value).toEqual(['__proto__'])
    expect(JSON.parse(JSON.stringify(literals))).toEqual(literals)
  })

  it('survives JSON, as it is filed', () => {
    const literals = signatureLiterals([signatures('a', ['begin \\d{1,9}', '(?:x|y)z'], ['a{0,2}|b'])])
    expect(JSON.parse(JSON.stringify(literals))).toEqual(literals)
  })
})

describe('MatcherSet with a filed analysis', () => {
  const matcher = () =>
    new SymptomMatcher(compileSignatures(signatures('a', ['begin \\d{1,9}', 'finish']))[0]!)
  const feed = (set: MatcherSet, texts: string[]) => {
    texts.forEach((text, index) => {
      set.record({ index, line: index + 1, timestamp: null, text, truncatedChars: 0 })
    })
    for (const one of set.matchers) one.end()
    return set.matchers[0]!.blocks.map((block) => block.matched.map((item) => item.line))
  }
  const log = ['noise', 'begin 42', 'finish']

  it('finds what it finds analysing the patterns itself', () => {
    const own = feed(new MatcherSet([matcher()]), log)
    expect(own).toEqual([[2, 3]])
    expect(
      feed(
        new MatcherSet([matcher()], signatureLiterals([signatures('a', ['begin \\d{1,9}', 'finish'])])),
        log,
      ),
    ).toEqual(own)
  })

  it('searches a record for a pattern only when it holds one of the literals it was given', () => {
    // An analysis naming a literal the records lack: no record reaches the matcher.
    const set = new MatcherSet([matcher()], { 'begin \\d{1,9}': ['start'], finish: ['finish'] })
    expect(set.anchors?.sort()).toEqual(['finish', 'start'])
    expect(feed(set, log)).toEqual([])
  })
})
