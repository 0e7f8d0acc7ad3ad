// Property-based fuzzing: whatever the input, the loader, fact validator, log reader and version
// comparison answer with documented problems or errors, never with an exception of their own.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateFacts } from '../../src/engine/facts.ts'
import { FactsError } from '../../src/engine/facts-error.ts'
import { compareVersions } from '../../src/engine/version.ts'
import { fileKinds, kindNames } from '../../src/kb/kinds.ts'
import type { Problem } from '../../src/kb/problem.ts'
import type { SignaturesFile } from '../../src/kb/schema/signatures.ts'
import { parseYamlSource } from '../../src/kb/yaml-source.ts'
import { issuesToProblems } from '../../src/kb/zod-problems.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { diagnoseLogs } from '../../src/logs/diagnose.ts'
import { readSignaturesFile } from '../../src/logs/load-signatures.ts'

// Every code documented in docs/errors.md for rules files.
const documentedCodes = new Set([
  'KB_FILE_UNREADABLE',
  'KB_FILE_TOO_LARGE',
  'KB_FILE_ENCODING',
  'KB_YAML_SYNTAX',
  'KB_YAML_DUPLICATE_KEY',
  'KB_YAML_ALIAS_LIMIT',
  'KB_YAML_TOO_DEEP',
  'KB_SCHEMA_COMMENT',
  'KB_UNKNOWN_KIND',
  'KB_UNKNOWN_KEY',
  'KB_WRONG_TYPE',
  'KB_INVALID_VALUE',
  'KB_MISSING_KEY',
  'KB_DUPLICATE_ID',
  'KB_UNKNOWN_REFERENCE',
  'KB_MISSING_FILE',
  'KB_UNDECIDED_VALUE',
  'KB_UNDECIDED_CASE',
])

let kb: KnowledgeBase
let signatures: SignaturesFile
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  signatures = await readSignaturesFile('rules/articles/954960/signatures.yaml')
})

const wellFormed = (problem: Problem) =>
  documentedCodes.has(problem.code) &&
  problem.message.length > 0 &&
  Number.isInteger(problem.line) &&
  Number.isInteger(problem.column) &&
  problem.line >= 0

async function* streamOf(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk
}

// YAML-ish text: real syntax pieces in random order find more parser paths than random characters.
const yamlPiece = fc.constantFrom(
  'kind: ',
  'catalog',
  'facts',
  'article',
  'verdicts',
  'signatures',
  'products:',
  '\n',
  '\n  ',
  '\n\t',
  '- ',
  ': ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '<<: *a',
  '!!str ',
  '!tag ',
  '? ',
  '|',
  '>-',
  '"',
  "'",
  '#',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '__proto__',
  'constructor',
  'id: x',
  '0x1F',
  '.nan',
  '~',
  '\u0000',
  '\uFEFF',
  '\u2028',
)
const yamlText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(yamlPiece, { maxLength: 60 }).map((parts) => parts.join('')),
)

describe('fuzzing', () => {
  it('the YAML loader: any text gives data or documented, positioned problems', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const source = parseYamlSource('fuzz.yaml', text)
        for (const problem of source.problems) expect(wellFormed(problem), JSON.stringify(problem)).toBe(true)
        if (source.problems.length > 0) return
        // Then the schema of every kind, as the loader would apply it.
        for (const kind of kindNames) {
          const result = fileKinds[kind].safeParse(source.data)
          if (!result.success) {
            for (const problem of issuesToProblems(result.error.issues, source))
              expect(wellFormed(problem)).toBe(true)
          }
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('the schemas: any JSON value under any kind gives documented problems', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kindNames), fc.jsonValue({ maxDepth: 6 }), (kind, value) => {
        const data =
          value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, kind } : value
        const source = parseYamlSource('fuzz.yaml', JSON.stringify(data))
        if (source.problems.length > 0) return
        const result = fileKinds[kind].safeParse(source.data)
        if (!result.success) {
          for (const problem of issuesToProblems(result.error.issues, source))
            expect(wellFormed(problem)).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('the fact validator: any value gives facts, errors and warnings, never an exception', () => {
    const names = fc.oneof(
      fc.constantFrom(
        ...kb.model.facts.map((fact) => fact.name),
        '__proto__',
        'constructor',
        'prototype',
        'toString',
      ),
      fc.string(),
    )
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(names, fc.anything())), (input) => {
        const before = Object.getOwnPropertyNames(Object.prototype).length
        const { facts, errors, warnings } = validateFacts(input, kb.model.facts)
        expect(Object.getPrototypeOf(facts)).toBeNull()
        for (const problem of [...errors, ...warnings]) {
          expect(['FACTS_NOT_OBJECT', 'FACT_WRONG_TYPE', 'FACT_INVALID_VALUE', 'FACT_UNKNOWN']).toContain(
            problem.code,
          )
          expect(problem.message).toMatch(/^Expected /)
        }
        expect(Object.getOwnPropertyNames(Object.prototype)).toHaveLength(before)
      }),
      { numRuns: 2000 },
    )
  })

  it('kb.check: any input is answered or refused with FactsError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...kb.model.facts.map((fact) => fact.name)), fc.anything()),
        async (input) => {
          try {
            const report = await kb.check(input)
            expect(report.results.length).toBeGreaterThan(0)
          } catch (error) {
            expect(error).toBeInstanceOf(FactsError)
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('the log reader: any bytes, split anywhere, give a report without a problem', async () => {
    const classic = readFileSync(new URL('../fixtures/logs/client-954960-classic.log', import.meta.url))
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      // Damaged copies of a real log: bytes replaced at random places.
      fc
        .array(fc.tuple(fc.nat(classic.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 20 })
        .map((edits) => {
          const copy = Uint8Array.from(classic)
          for (const [at, value] of edits) copy[at] = value
          return copy
        }),
    )
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.nat(), { maxLength: 5 }), async (content, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (content.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points, content.length]
          .slice(1)
          .map((end, index, all) => content.subarray(index === 0 ? 0 : all[index - 1], end))
        const report = await diagnoseLogs(
          { windowsupdate: { name: 'fuzz', content: streamOf(chunks) }, softwaredistribution: content },
          { signatures },
        )
        expect(report.logs.windowsupdate?.files[0]?.problem).toBeUndefined()
        expect(['confirmed', 'partial', 'none']).toContain(report.logs.windowsupdate?.level)
      }),
      { numRuns: 300 },
    )
  })

  describe('version comparison', () => {
    const version = fc
      .array(
        fc.oneof(
          fc.nat({ max: 20 }).map(String),
          fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }).map(String),
          fc.constantFrom('0', '00', '007'),
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      )
      .map((parts) => parts.join('.'))

    it('is antisymmetric and reflexive', () => {
      fc.assert(
        fc.property(version, version, (a, b) => {
          expect(compareVersions(a, a)).toBe(0)
          expect(compareVersions(a, b)).toBe(-compareVersions(b, a) || 0)
        }),
        { numRuns: 3000 },
      )
    })

    it('is transitive, so it is a total order', () => {
      fc.assert(
        fc.property(version, version, version, (a, b, c) => {
          const sorted = [a, b, c].sort(compareVersions)
          expect(compareVersions(sorted[0]!, sorted[1]!)).toBeLessThanOrEqual(0)
          expect(compareVersions(sorted[1]!, sorted[2]!)).toBeLessThanOrEqual(0)
          expect(compareVersions(sorted[0]!, sorted[2]!)).toBeLessThanOrEqual(0)
        }),
        { numRuns: 3000 },
      )
    })

    it('pads missing parts with zeros: 1.2 = 1.2.0 = 1.2.0.0', () => {
      fc.assert(
        fc.property(version, fc.integer({ min: 1, max: 3 }), (a, zeros) => {
          const padded = [a, ...Array(zeros).fill('0')].join('.')
          expect(compareVersions(a, padded)).toBe(0)
          expect(compareVersions(padded, a)).toBe(0)
        }),
      )
      expect(compareVersions('1.2', '1.2.0')).toBe(0)
    })

    it('agrees with BigInt comparison part by part', () => {
      fc.assert(
        fc.property(
          fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), { minLength: 4, maxLength: 4 }),
          fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), { minLength: 4, maxLength: 4 }),
          (x, y) => {
            let expected = 0
            for (let index = 0; index < 4 && expected === 0; index++)
              expected = x[index]! < y[index]! ? -1 : x[index]! > y[index]! ? 1 : 0
            expect(compareVersions(x.join('.'), y.join('.'))).toBe(expected)
          },
        ),
      )
    })

    it('never throws on any string', () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (a, b) => {
          expect([-1, 0, 1]).toContain(compareVersions(a, b))
        }),
      )
    })
  })
})
