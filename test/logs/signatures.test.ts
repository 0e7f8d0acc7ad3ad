import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SignaturesFile } from '../../src/kb/schema/signatures.ts'
import { compileSignatures, parseSignatures } from '../../src/logs/load-signatures.ts'
import { patternProblem } from '../../src/logs/regex-safety.ts'
import { signatures, signaturesPath } from './helpers.ts'

function withClientLine(pattern: string) {
  const document = structuredClone(signatures) as { symptoms: Array<{ lines: Array<{ pattern: string }> }> }
  document.symptoms[0]!.lines[0]!.pattern = pattern
  return document
}

describe('signatures.yaml of 954960', () => {
  it('starts with the schema comment and validates', () => {
    const text = readFileSync(signaturesPath, 'utf8')
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schema/signatures.schema.json')
    expect(SignaturesFile.safeParse(parse(text)).success).toBe(true)
    expect(signatures.article).toBe('954960')
  })

  it('declares a client and a server symptom whose fault IDs can be correlated', () => {
    const compiled = compileSignatures(signatures)
    expect(compiled.map((symptom) => symptom.log).sort()).toEqual(['softwaredistribution', 'windowsupdate'])
    expect(signatures.correlation?.symptoms).toEqual(compiled.map((symptom) => symptom.id))
    for (const symptom of compiled) {
      expect(symptom.lines.some((line) => line.captures.includes('faultId'))).toBe(true)
    }
  })

  it('matches the 0x8024400E line only with the exact SOAP details', () => {
    const [client] = compileSignatures(signatures)
    const line = client!.lines.find((entry) => entry.id === 'sync-failure')!
    expect(
      line.regex.test(
        'WARNING: SyncUpdates failure, error = 0x8024400E, soap client error = 7, soap error code = 400, HTTP status code = 200',
      ),
    ).toBe(true)
    expect(
      line.regex.test(
        'WARNING: SyncUpdates failure, error = 0x80244007, soap client error = 7, soap error code = 400, HTTP status code = 200',
      ),
    ).toBe(false)
  })
})

describe('SignaturesFile schema', () => {
  it('rejects a pattern that does not compile, naming it', () => {
    expect(() => parseSignatures(withClientLine('PT: (Synchronizing'))).toThrow(
      /symptoms\.0\.lines\.0\.pattern: Expected a valid regular expression/,
    )
  })

  it('rejects nested quantifiers and unbounded repetition', () => {
    expect(() => parseSignatures(withClientLine('(\\w{1,9})+x'))).toThrow(/nested quantifier/)
    expect(() => parseSignatures(withClientLine('Method:.*SyncUpdates'))).toThrow(
      /Expected bounded repetition such as `\{1,200\}`, not `\*`/,
    )
  })

  it('rejects duplicate line ids and a wrong kind', () => {
    const duplicate = structuredClone(signatures)
    duplicate.symptoms[0]!.lines[1]!.id = duplicate.symptoms[0]!.lines[0]!.id
    expect(() => parseSignatures(duplicate)).toThrow(/unique line and veto ids/)
    expect(() => parseSignatures({ ...signatures, kind: 'facts' })).toThrow(/kind/)
  })
})

describe('patternProblem', () => {
  it.each([
    ['SOAP Fault: 0x000190', undefined],
    ['ID: {0,20}(?<faultId>[0-9a-f]{8})', undefined],
    ['[*+]{1,3}', undefined],
    ['(a+)+', /nested quantifier/],
    ['(?:ab{1,3}){2,4}', /nested quantifier/],
    ['x{2,}', /bounded repetition/],
    ['x{1,5000}', /bounded repetition/],
    ['(a)\\1', /back-reference/],
  ])('%s', (pattern, expected) => {
    const problem = patternProblem(pattern)
    if (expected === undefined) expect(problem).toBeUndefined()
    else expect(problem).toMatch(expected)
  })

  it('refuses the shapes that would hang on a long hostile record, which the real patterns do not match', () => {
    const hostile = `Method:"${'/'.repeat(60_000)}`
    // Written naively, the Method line would backtrack on every slash of this record.
    expect(patternProblem('Method:"(/+)+SyncUpdates"')).toMatch(/nested quantifier/)
    expect(patternProblem('Method:"[^"]*SyncUpdates"')).toMatch(/bounded repetition/)
    const [client] = compileSignatures(signatures)
    for (const line of [...client!.lines, ...client!.vetoes]) expect(line.regex.test(hostile)).toBe(false)
  })
})
