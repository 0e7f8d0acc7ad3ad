/**
 * Differential: one pass over the logs for many articles gives each article exactly the report it gets when
 * diagnosed alone, over generated signatures (shared and own literals, groups of alternatives, lines without
 * any literal, vetoes, symptoms several articles declare alike) and generated logs; and the findings each
 * article's matchers give when they see every record of the log, with no prefilter and no dispatch.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import type { SignaturesFile } from '../../src/kb/schema/signatures.ts'
import { diagnoseArticles } from '../../src/logs/diagnose.ts'
import { compileSignatures, parseSignatures } from '../../src/logs/load-signatures.ts'
import { SymptomMatcher } from '../../src/logs/matcher.ts'
import { RecordAssembler } from '../../src/logs/records.ts'

const words = ['alpha', 'beta', 'gamma', 'ERR 7', 'Sync ok', 'ID: ']
const kinds = ['windowsupdate', 'cbs']

// A line pattern; `$` stands for the article's own suffix (empty when the line is shared).
const linePattern = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...words).map((word) => `${word}$`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...words), fc.constantFrom(...words))
      .map(([a, b]) => `(?:${a}$|${b})`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...words), fc.constantFrom(...words))
      .map(([a, b]) => `${a} {0,3}${b}$`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...words).map((word) => `${word}$(?<faultId>[0-9a-f]{2})`) },
  { weight: 1, arbitrary: fc.constant('\\d{2}:\\d{2}z') },
)

const template = fc.record({
  log: fc.constantFrom(...kinds),
  window: fc.nat(4),
  lines: fc.array(fc.record({ pattern: linePattern, required: fc.boolean(), distinctive: fc.boolean() }), {
    minLength: 1,
    maxLength: 3,
  }),
  vetoes: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...words).map((word) => `${word}$ no`) },
      // Without literals: the matcher must see every record while a block is open.
      { weight: 1, arbitrary: fc.constant('\\d{2}:\\d') },
    ),
    { maxLength: 2 },
  ),
})

// Each article takes some of the templates, each shared (same symptom as other articles) or with its own suffix.
const articles = fc
  .tuple(
    fc.array(template, { minLength: 1, maxLength: 4 }),
    fc.array(fc.array(fc.tuple(fc.nat(3), fc.boolean()), { minLength: 1, maxLength: 3 }), {
      minLength: 2,
      maxLength: 14,
    }),
  )
  .map(([templates, picks]) => picks.map((pick, article) => signaturesOf(article, templates, pick)))

function signaturesOf(
  article: number,
  templates: TemplateValue[],
  picks: Array<[number, boolean]>,
): SignaturesFile {
  const chosen = new Map<number, boolean>()
  for (const [index, own] of picks) chosen.set(index % templates.length, own)
  const symptoms = [...chosen].map(([index, own]) => {
    const { log, window, lines, vetoes } = templates[index]!
    const suffix = own ? String(article) : ''
    const fill = (pattern: string) => pattern.replaceAll('$', suffix)
    return {
      id: `s${index}${own ? `-${article}` : ''}`,
      log,
      fact: `fact${article}x${index}`,
      description: 'Generated.',
      window,
      lines: lines.map((line, lineIndex) => ({
        id: `l${lineIndex}`,
        pattern: fill(line.pattern),
        // At least one required line.
        required: line.required || lineIndex === 0,
        distinctive: line.distinctive,
      })),
      vetoes: vetoes.map((pattern, vetoIndex) => ({ id: `v${vetoIndex}`, pattern: fill(pattern) })),
    }
  })
  return parseSignatures({ kind: 'signatures', article: `a${article}`, symptoms })
}

interface TemplateValue {
  log: string
  window: number
  lines: Array<{ pattern: string; required: boolean; distinctive: boolean }>
  vetoes: string[]
}

// Log lines made of the same words, with and without the articles' suffixes, some continuation lines.
const logLine = fc
  .tuple(
    fc.constantFrom('2008-06-13\t19:59:56:617\t788\tPT\t', '   at ', ''),
    fc.array(
      fc.oneof(
        fc.constantFrom(...words),
        fc.tuple(fc.constantFrom(...words), fc.nat(15)).map(([word, suffix]) => `${word}${suffix}`),
        // What vetoes look for.
        fc
          .tuple(fc.constantFrom(...words), fc.constantFrom('', '1', '2'))
          .map(([word, suffix]) => `${word}${suffix} no`),
        fc.constantFrom(' no', '12:34z', 'ab', '0f', ' ', '\t'),
      ),
      { maxLength: 5 },
    ),
  )
  .map(([start, parts]) => start + parts.join(''))
const logText = fc.array(logLine, { maxLength: 50 }).map((lines) => lines.join('\r\n'))

// Every record of the text to fresh matchers of the article's symptoms of `kind`.
function unfiltered(text: string, file: SignaturesFile, kind: string, maxBlocks: number | undefined) {
  const symptoms = compileSignatures(file).filter((symptom) => symptom.log === kind)
  if (symptoms.length === 0) return undefined
  const matchers = symptoms.map((symptom) => new SymptomMatcher(symptom, { maxBlocks }))
  const assembler = new RecordAssembler()
  for (const record of [...assembler.push(text), ...assembler.end()])
    for (const matcher of matchers) matcher.push(record)
  for (const matcher of matchers) matcher.end()
  return {
    blocks: matchers.flatMap((matcher) => matcher.blocks),
    nearMisses: matchers.flatMap((matcher) => matcher.nearMisses),
    omittedBlocks: matchers.reduce((sum, matcher) => sum + matcher.omitted, 0),
  }
}

describe('one pass for many articles', () => {
  test.prop([articles, logText, logText, fc.constantFrom(undefined, 1, 3)], { numRuns: 150 })(
    'gives each article the report it gets alone',
    async (files, windowsupdate, cbs, maxBlocks) => {
      const inputs = {
        windowsupdate: { text: windowsupdate, name: 'wu.log' },
        cbs: { text: cbs, name: 'cbs.log' },
      }
      const options = maxBlocks === undefined ? {} : { maxBlocks }
      const together = await diagnoseArticles(inputs, { ...options, articles: files })
      expect(together).toHaveLength(files.length)
      for (const [index, file] of files.entries()) {
        const [alone] = await diagnoseArticles(inputs, { ...options, articles: [file] })
        expect(together[index]).toEqual(alone)
        for (const [kind, text] of [
          ['windowsupdate', windowsupdate],
          ['cbs', cbs],
        ] as const) {
          const found = together[index]!.logs[kind]?.files[0]
          const expected = unfiltered(text, file, kind, maxBlocks)
          expect(
            found && {
              blocks: found.blocks,
              nearMisses: found.nearMisses,
              omittedBlocks: found.omittedBlocks,
            },
          ).toEqual(expected)
        }
      }
    },
  )
})
