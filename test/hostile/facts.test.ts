// Hostile facts, through the library and the CLI: clear errors, ignored unknowns, no prototype pollution.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxFactValueLength } from '../../src/engine/facts.ts'
import { FactsError } from '../../src/engine/facts-error.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { kb as runKb } from '../helpers/run-cli.ts'

let kb: KnowledgeBase
let dir: string
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  dir = await mkdtemp(path.join(tmpdir(), 'kb-hostile-facts-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** The problems `kb.check` throws for `input`, or fails the test when it does not throw a FactsError. */
async function factsErrorOf(input: unknown) {
  const error = await kb.check(input).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(FactsError)
  return (error as FactsError).problems
}

const prototypeNames = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  polluted: ({} as Record<string, unknown>).polluted,
})

describe('hostile facts through kb.check', () => {
  it('wrong JSON types name the fact and the accepted values', async () => {
    const problems = await factsErrorOf({
      office2003OnClients: 3,
      wsusVersion: { a: 1 },
      webServicesClientDllVersion: 3.1,
    })
    expect(problems.map((problem) => `${problem.fact} ${problem.code}`).sort()).toEqual([
      'office2003OnClients FACT_WRONG_TYPE',
      'webServicesClientDllVersion FACT_WRONG_TYPE',
      'wsusVersion FACT_WRONG_TYPE',
    ])
    const office = problems.find((problem) => problem.fact === 'office2003OnClients')
    expect(office?.message).toBe('Expected `office2003OnClients` to be `true` or `false`, not number `3`')
    expect(problems.find((problem) => problem.fact === 'webServicesClientDllVersion')?.message).toContain(
      'write the version as a string',
    )
  })

  it('NaN, Infinity, huge numbers and BigInt are wrong types, not crashes', async () => {
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1e308,
      Number.MAX_SAFE_INTEGER + 2,
      10n ** 400n,
    ]) {
      const problems = await factsErrorOf({ wsusVersion: value, office2003OnClients: value })
      expect(problems.map((problem) => problem.code)).toEqual(['FACT_WRONG_TYPE', 'FACT_WRONG_TYPE'])
    }
  })

  it('a version with a part of more than 12 digits is an invalid value', async () => {
    const [problem] = await factsErrorOf({ webServicesClientDllVersion: `3.1.${'9'.repeat(400)}` })
    expect(problem).toMatchObject({ code: 'FACT_INVALID_VALUE', fact: 'webServicesClientDllVersion' })
  })

  it('10,000 unknown names are ignored with one warning each, the known ones still count', async () => {
    const input: Record<string, unknown> = { wsusVersion: '3.0' }
    for (let index = 0; index < 10_000; index++) input[`unknownFact${index}`] = index
    const report = await kb.check(input)
    expect(report.warnings).toHaveLength(10_000)
    expect(report.warnings.every((warning) => warning.code === 'FACT_UNKNOWN')).toBe(true)
    // wsusVersion 3.0 still counts: the answer waits only for Office 2003 on the clients.
    expect(report.results.find((result) => result.article === '954960')).toMatchObject({
      verdict: 'unknown',
      missingFacts: ['office2003OnClients'],
    })
  })

  it('__proto__, constructor and prototype keys are unknown names, and no prototype is polluted', async () => {
    const before = prototypeNames()
    const input = JSON.parse(
      '{"__proto__": {"polluted": "yes", "wsusVersion": "3.0"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}, "wsusVersion": "3.0 SP1"}',
    )
    const report = await kb.check(input)
    expect(report.warnings.map((warning) => warning.fact).sort()).toEqual([
      '__proto__',
      'constructor',
      'prototype',
    ])
    expect(prototypeNames()).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // And the validated facts are a prototype-less object: inherited names are never facts.
    const { facts } = kb.prepareFacts({ toString: 'x', hasOwnProperty: 'y' })
    expect(Object.getPrototypeOf(facts)).toBeNull()
  })

  it('deeply nested values are wrong types, described without being walked', async () => {
    let nested: unknown = 'x'
    for (let level = 0; level < 100_000; level++) nested = [nested]
    const [problem] = await factsErrorOf({ wsusVersion: nested })
    expect(problem?.message).toBe(
      'Expected `wsusVersion` to be one of `2.0`, `3.0`, `3.0 SP1`, `3.0 SP2`, not a list',
    )
  })

  it(`a 10 MB string is refused by length (${maxFactValueLength} characters) and not echoed back`, async () => {
    const [problem] = await factsErrorOf({ wsusVersion: 'x'.repeat(10 * 1024 * 1024) })
    expect(problem?.code).toBe('FACT_INVALID_VALUE')
    expect(problem?.message).toBe(
      `Expected \`wsusVersion\` to be at most ${maxFactValueLength} characters, not 10485760`,
    )
  })

  it('a 10 MB unknown name is a short warning', async () => {
    const report = await kb.check({ ['y'.repeat(10 * 1024 * 1024)]: true })
    expect(report.warnings[0]?.message.length).toBeLessThan(200)
  })

  it('facts that are not an object', async () => {
    for (const input of [null, [], 'wsusVersion=3.0', 42]) {
      const [problem] = await factsErrorOf(input)
      expect(problem?.code).toBe('FACTS_NOT_OBJECT')
    }
  })
})

describe('hostile facts through the CLI', () => {
  const factsFile = async (name: string, text: string) => {
    const file = path.join(dir, name)
    await writeFile(file, text)
    return file
  }

  it('malformed JSON on standard input exits 2 with the parser position', async () => {
    const run = await runKb(['check', '--facts', '-'], '{"wsusVersion": ')
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^kb: Expected JSON facts in `standard input`, not text that fails to parse/)
    expect(run.stdout).toBe('')
  })

  it('a wrong type exits 2 naming the fact', async () => {
    const run = await runKb(['check', '--facts', await factsFile('type.json', '{"office2003OnClients": 3}')])
    expect(run.status).toBe(2)
    expect(run.stderr).toBe('kb: Expected `office2003OnClients` to be `true` or `false`, not number `3`\n')
  })

  it('a huge number and a 10 MB string exit 2, the string not echoed', async () => {
    const big = await runKb(['check', '--facts', '-'], '{"office2003OnClients": 1e999}')
    expect(big.status).toBe(2)
    expect(big.stderr).toContain('not number `Infinity`')
    const long = await runKb(
      ['check', '--facts', '-'],
      JSON.stringify({ wsusVersion: 'x'.repeat(10 * 1024 * 1024) }),
    )
    expect(long.status).toBe(2)
    expect(long.stderr.length).toBeLessThan(300)
  })

  it('10,000 unknown names: exit 0, one warning each on stderr', async () => {
    const input: Record<string, number> = { wsusVersion: 3 }
    for (let index = 0; index < 10_000; index++) input[`n${index}`] = index
    const run = await runKb(['check', '--facts', '-'], JSON.stringify(input))
    expect(run.status).toBe(0)
    expect(run.stderr.split('\n').filter((line) => line.includes('which is ignored'))).toHaveLength(10_000)
  })

  it('__proto__ keys in a JSON file do not pollute any prototype', async () => {
    const before = prototypeNames()
    const run = await runKb([
      'check',
      '--json',
      '--facts',
      await factsFile(
        'proto.json',
        '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}',
      ),
    ])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).warnings.map((warning: { fact: string }) => warning.fact)).toEqual([
      '__proto__',
      'constructor',
    ])
    expect(prototypeNames()).toEqual(before)
  })

  it('deeply nested JSON exits 2 (or is a wrong type), never an internal error', async () => {
    const depth = 200_000
    const run = await runKb(
      ['check', '--facts', '-'],
      `{"wsusVersion": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^kb: Expected/)
  })

  it('a --fact without a value and an unknown language exit 2', async () => {
    expect((await runKb(['check', '--fact', 'wsusVersion'])).status).toBe(2)
    const lang = await runKb(['check', '--lang', '../../etc/passwd'])
    expect(lang.status).toBe(2)
    expect(lang.stderr).toMatch(/^kb: Expected/)
  })
})
