// validateFacts on a synthetic vocabulary: every problem asserted whole (code, fact, message, accepted
// values), every accepted spelling with the canonical value it becomes.
import { describe, expect, it } from 'vitest'
import { type FactAnswers, maxFactValueLength, validateFacts } from '../../src/engine/facts.ts'
import { FactsError } from '../../src/engine/facts-error.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'

const vocabulary = [
  { name: 'legacy', type: 'boolean' },
  { name: 'firmware', type: 'version' },
  {
    name: 'server',
    type: 'enum',
    values: [
      { value: '4.1', aliases: ['Widget 41'] },
      { value: '4.2 SP1', aliases: [] },
      { value: '5', aliases: [] },
    ],
  },
  // An enum whose values read like other JSON types: only strings (and finite numbers) are looked up.
  { name: 'state', type: 'enum', values: [{ value: 'true' }, { value: 'Infinity' }, { value: 'NaN' }] },
].map((definition) => FactDefinition.parse(definition))

const answers: FactAnswers = {
  booleans: new Map([
    ['ja', true],
    ['nei', false],
  ]),
  labels: new Map([['server', new Map([['fourone', '4.1']])]]),
}

const check = (input: unknown, options = {}) => validateFacts(input, vocabulary, options)

describe('validateFacts: what is accepted', () => {
  it.each<[string, unknown, unknown]>([
    ['legacy', true, true],
    ['legacy', false, false],
    ['legacy', 'yes', true],
    ['legacy', ' YES ', true],
    ['legacy', 'True', true],
    ['legacy', '1', true],
    ['legacy', 1, true],
    ['legacy', 'no', false],
    ['legacy', 'FALSE', false],
    ['legacy', '0', false],
    ['legacy', 0, false],
    ['firmware', '9.0.2', '9.0.2'],
    ['firmware', '  9.0.2 ', '9.0.2'],
    ['server', '4.1', '4.1'],
    ['server', 'widget_41', '4.1'],
    ['server', ' 4.2-sp1 ', '4.2 SP1'],
    ['server', 5, '5'],
  ])('%s = %j becomes %j', (name, raw, value) => {
    expect(check({ [name]: raw })).toEqual({ facts: { [name]: value }, errors: [], warnings: [] })
  })

  it('accepts localized answers only when they are given', () => {
    expect(check({ legacy: 'Ja', server: 'Four One' }, { answers }).facts).toEqual({
      legacy: true,
      server: '4.1',
    })
    expect(check({ legacy: 'nei' }, { answers }).facts).toEqual({ legacy: false })
    expect(check({ legacy: 'ja', server: 'fourone' }).errors.map((error) => error.fact)).toEqual([
      'legacy',
      'server',
    ])
  })

  it('null and undefined mean unknown; ignored names are skipped without a warning', () => {
    expect(check({ legacy: null, firmware: undefined, id: 7 }, { ignore: ['id'] })).toEqual({
      facts: {},
      errors: [],
      warnings: [],
    })
  })

  it('accepts a value of exactly the maximum length and refuses one character more', () => {
    const vocabularyWithLongValue = [
      FactDefinition.parse({
        name: 'label',
        type: 'enum',
        values: [{ value: 'a'.repeat(maxFactValueLength) }, { value: 'b' }],
      }),
    ]
    const longest = 'a'.repeat(maxFactValueLength)
    expect(validateFacts({ label: longest }, vocabularyWithLongValue).facts).toEqual({ label: longest })
    expect(validateFacts({ label: `${longest}a` }, vocabularyWithLongValue).errors).toEqual([
      {
        code: 'FACT_INVALID_VALUE',
        severity: 'error',
        fact: 'label',
        message: `Expected \`label\` to be at most ${maxFactValueLength} characters, not ${maxFactValueLength + 1}`,
        expected: [longest, 'b'],
      },
    ])
  })
})

describe('validateFacts: what is refused, and how it is said', () => {
  const booleanProblem = (code: string, shown: string) => ({
    code,
    severity: 'error',
    fact: 'legacy',
    message: `Expected \`legacy\` to be \`true\` or \`false\`, not ${shown}`,
    expected: ['true', 'false'],
  })

  it.each<[unknown, string, string]>([
    ['maybe', 'FACT_INVALID_VALUE', '`maybe`'],
    ['', 'FACT_INVALID_VALUE', '``'],
    [2, 'FACT_WRONG_TYPE', 'number `2`'],
    [[true], 'FACT_WRONG_TYPE', 'a list'],
    [{ value: true }, 'FACT_WRONG_TYPE', 'an object'],
  ])('legacy = %j', (raw, code, shown) => {
    expect(check({ legacy: raw }).errors).toEqual([booleanProblem(code, shown)])
  })

  const versionProblem = (code: string, shown: string) => ({
    code,
    severity: 'error',
    fact: 'firmware',
    message: `Expected \`firmware\` to be a dotted version of up to four numbers such as \`3.1.6001.66\`, not ${shown}`,
    expected: ['a dotted version such as 3.1.6001.66'],
  })

  it('a version written as a number is the wrong type, with a hint to quote it', () => {
    expect(check({ firmware: 9.1 }).errors).toEqual([
      versionProblem('FACT_WRONG_TYPE', 'number `9.1`; write the version as a string, such as "3.1.6001.66"'),
    ])
  })

  it.each<[unknown, string, string]>([
    ['9.x', 'FACT_INVALID_VALUE', '`9.x`'],
    [true, 'FACT_WRONG_TYPE', 'boolean `true`'],
  ])('firmware = %j', (raw, code, shown) => {
    expect(check({ firmware: raw }).errors).toEqual([versionProblem(code, shown)])
  })

  const enumProblem = (code: string, shown: string) => ({
    code,
    severity: 'error',
    fact: 'server',
    message: `Expected \`server\` to be one of \`4.1\`, \`4.2 SP1\`, \`5\`, not ${shown}`,
    expected: ['4.1', '4.2 SP1', '5'],
  })

  it.each<[unknown, string, string]>([
    ['4.3', 'FACT_INVALID_VALUE', '`4.3`'],
    [4.3, 'FACT_WRONG_TYPE', 'number `4.3`'],
    [Number.POSITIVE_INFINITY, 'FACT_WRONG_TYPE', 'number `Infinity`'],
    [Number.NaN, 'FACT_WRONG_TYPE', 'number `NaN`'],
    [true, 'FACT_WRONG_TYPE', 'boolean `true`'],
  ])('server = %j', (raw, code, shown) => {
    expect(check({ server: raw }).errors).toEqual([enumProblem(code, shown)])
  })

  it('a boolean, NaN or Infinity is the wrong type for an enum even where a value is spelt like it', () => {
    expect(check({ state: 'true' }).facts).toEqual({ state: 'true' })
    expect(check({ state: 'Infinity' }).facts).toEqual({ state: 'Infinity' })
    for (const raw of [true, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(check({ state: raw }, { answers }).errors).toEqual([
        {
          code: 'FACT_WRONG_TYPE',
          severity: 'error',
          fact: 'state',
          message: `Expected \`state\` to be one of \`true\`, \`Infinity\`, \`NaN\`, not ${typeof raw} \`${String(raw)}\``,
          expected: ['true', 'Infinity', 'NaN'],
        },
      ])
    }
  })

  it('a list or an object is the wrong type whatever its length, with localized answers too', () => {
    const long = Array.from({ length: maxFactValueLength + 1 }, () => true)
    expect(check({ legacy: long }).errors).toEqual([booleanProblem('FACT_WRONG_TYPE', 'a list')])
    expect(check({ legacy: { yes: true } }, { answers }).errors).toEqual([
      booleanProblem('FACT_WRONG_TYPE', 'an object'),
    ])
    // labels are given for `server` only: another enum is still checked against its own values
    expect(check({ state: 'ja' }, { answers }).errors.map((error) => error.code)).toEqual([
      'FACT_INVALID_VALUE',
    ])
  })

  it('control characters are shown as ?, and long values are cut after 37 characters', () => {
    const long = `${'x'.repeat(36)}\u001b[2J${'y'.repeat(10)}`
    expect(check({ server: 'a\u0000b\u007f\nc' }).errors[0]!.message).toBe(
      'Expected `server` to be one of `4.1`, `4.2 SP1`, `5`, not `a?b??c`',
    )
    expect(check({ server: long }).errors[0]!.message).toBe(
      `Expected \`server\` to be one of \`4.1\`, \`4.2 SP1\`, \`5\`, not \`${'x'.repeat(36)}?…\``,
    )
    // 40 characters are shown whole
    expect(check({ server: 'z'.repeat(40) }).errors[0]!.message).toContain(`not \`${'z'.repeat(40)}\``)
  })

  it('every problem of the input, in the order of its keys, and the good facts beside them', () => {
    const result = check({ server: 'nine', firmware: '9.0', legacy: 'perhaps' })
    expect(result.facts).toEqual({ firmware: '9.0' })
    expect(result.errors.map((error) => error.fact)).toEqual(['server', 'legacy'])
  })
})

describe('validateFacts: names and shapes', () => {
  it('an unknown name is a warning that suggests the closest name and is ignored', () => {
    expect(check({ legacyy: true, firmware: '1.0' })).toEqual({
      facts: { firmware: '1.0' },
      errors: [],
      warnings: [
        {
          code: 'FACT_UNKNOWN',
          severity: 'warning',
          fact: 'legacyy',
          message: 'Expected a known fact name, not `legacyy`, which is ignored; did you mean `legacy`?',
          expected: ['legacy', 'firmware', 'server', 'state'],
          suggestion: 'legacy',
        },
      ],
    })
  })

  it('an unknown name far from every known one gets no suggestion, and its control characters are shown as ?', () => {
    const { warnings } = check({ 'colour\u001b': 'red' })
    expect(warnings).toStrictEqual([
      {
        code: 'FACT_UNKNOWN',
        severity: 'warning',
        fact: 'colour\u001b',
        message: 'Expected a known fact name, not `colour?`, which is ignored',
        expected: ['legacy', 'firmware', 'server', 'state'],
      },
    ])
  })

  it.each<[unknown, string]>([
    [null, '`null`'],
    [['legacy'], 'a list'],
    ['legacy=true', 'string'],
    [3, 'number'],
    [undefined, 'undefined'],
  ])('facts %j are not an object', (input, shown) => {
    const result = check(input)
    expect(result).toEqual({
      facts: {},
      errors: [
        {
          code: 'FACTS_NOT_OBJECT',
          severity: 'error',
          fact: '',
          message: `Expected facts as a JSON object such as {"wsusVersion": "3.0 SP1"}, not ${shown}`,
          expected: [],
        },
      ],
      warnings: [],
    })
  })

  it('the facts have no prototype: a fact named like an Object method is only a fact', () => {
    const result = check({ legacy: true })
    expect(Object.getPrototypeOf(result.facts)).toBeNull()
  })
})

describe('FactsError', () => {
  it('carries every problem, joins their messages and has a stable code', () => {
    const { errors } = check({ legacy: 'maybe', server: '9' })
    const error = new FactsError(errors)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('FactsError')
    expect(error.code).toBe('KB_E_INVALID_FACTS')
    expect(error.problems).toBe(errors)
    expect(error.message).toBe(
      'Expected `legacy` to be `true` or `false`, not `maybe`; Expected `server` to be one of `4.1`, `4.2 SP1`, `5`, not `9`',
    )
  })
})
