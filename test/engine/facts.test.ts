import { beforeAll, describe, expect, it } from 'vitest'
import { definitionsOf, validateFacts } from '../../src/engine/facts.ts'
import { FactsError } from '../../src/engine/facts-error.ts'
import type { FactDefinition } from '../../src/kb/schema/facts.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'

let kb: KnowledgeBase
beforeAll(async () => {
  kb = await loadKnowledgeBase()
})

describe('fact validation', () => {
  it.each([['3.0sp1'], ['3.0-SP1'], ['3.0 SP1'], ['3.0 service pack 1'], ['wsus 3.0 sp1']])(
    'accepts the spelling %s',
    (spelling) => {
      expect(validateFacts({ wsusVersion: spelling }, kb.model.facts).facts.wsusVersion).toBe('3.0 SP1')
    },
  )

  it.each([
    ['3.0 RTM', '3.0'],
    [3, '3.0'],
    ['2', '2.0'],
  ])('maps %j to %s', (raw, value) => {
    expect(validateFacts({ wsusVersion: raw }, kb.model.facts).facts.wsusVersion).toBe(value)
  })

  it('rejects anything else with the list of accepted values', () => {
    const { errors } = validateFacts({ wsusVersion: '3.1' }, kb.model.facts)
    expect(errors).toEqual([
      {
        code: 'FACT_INVALID_VALUE',
        severity: 'error',
        fact: 'wsusVersion',
        message: 'Expected `wsusVersion` to be one of `2.0`, `3.0`, `3.0 SP1`, `3.0 SP2`, not `3.1`',
        expected: ['2.0', '3.0', '3.0 SP1', '3.0 SP2'],
      },
    ])
  })

  it.each([
    [
      { office2003OnClients: 'maybe' },
      'FACT_INVALID_VALUE',
      'Expected `office2003OnClients` to be `true` or `false`, not `maybe`',
    ],
    [
      { office2003OnClients: 42 },
      'FACT_WRONG_TYPE',
      'Expected `office2003OnClients` to be `true` or `false`, not number `42`',
    ],
    [{ webServicesClientDllVersion: 3.1 }, 'FACT_WRONG_TYPE', 'write the version as a string'],
    [{ webServicesClientDllVersion: '3.1.x' }, 'FACT_INVALID_VALUE', 'dotted version'],
    [{ serverRole: ['replica'] }, 'FACT_WRONG_TYPE', 'not a list'],
    [{ serverArchitecture: { bits: 64 } }, 'FACT_WRONG_TYPE', 'not an object'],
    [{ product: 'x'.repeat(300) }, 'FACT_INVALID_VALUE', 'at most 200 characters'],
  ])('a wrong value is an error naming the fact: %j', (facts, code, message) => {
    const { errors } = validateFacts(facts, kb.model.facts)
    expect(errors[0]?.code).toBe(code)
    expect(errors[0]?.fact).toBe(Object.keys(facts)[0])
    expect(errors[0]?.message).toContain(message)
  })

  it('an unknown name is a warning with the closest known name, and is ignored', () => {
    const { facts, errors, warnings } = validateFacts({ wsusVerison: '3.0' }, kb.model.facts)
    expect(errors).toEqual([])
    expect(facts).toEqual({})
    expect(warnings[0]).toMatchObject({
      code: 'FACT_UNKNOWN',
      fact: 'wsusVerison',
      suggestion: 'wsusVersion',
    })
  })

  it('null means unknown', () => {
    expect(validateFacts({ wsusVersion: null }, kb.model.facts)).toMatchObject({ facts: {}, errors: [] })
  })

  it('facts must be an object', () => {
    for (const input of [null, [], 'wsus', 3]) {
      expect(validateFacts(input, kb.model.facts).errors[0]?.code).toBe('FACTS_NOT_OBJECT')
    }
  })

  it('kb.check throws FactsError with every problem', async () => {
    const error = await kb
      .check({ wsusVersion: '9', office2003OnClients: 'perhaps' })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(FactsError)
    expect((error as FactsError).problems.map((problem) => problem.fact)).toEqual([
      'wsusVersion',
      'office2003OnClients',
    ])
  })

  it('prototype keys are unknown names and pollute nothing', async () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "wsusVersion": "3.0"}',
    )
    const { results, warnings } = await kb.check(input)
    expect(results.every((result) => result.facts.wsusVersion === '3.0')).toBe(true)
    expect(warnings.map((warning) => warning.fact).sort()).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('definitionsOf', () => {
  it('gives the named facts’ definitions in vocabulary order, once each, leaving out unknown names', () => {
    const vocabulary = [
      { name: 'c', type: 'boolean' },
      { name: 'a', type: 'boolean' },
      { name: 'b', type: 'boolean' },
    ] as FactDefinition[]
    expect(definitionsOf(vocabulary, ['b', 'x', 'c', 'b']).map((fact) => fact.name)).toEqual(['c', 'b'])
    expect(definitionsOf(vocabulary, [])).toEqual([])
  })
})
