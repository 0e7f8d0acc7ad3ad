// `interpolated` fills `{{name}}` placeholders itself; whatever it fills must be exactly what i18next's `t`
// gives for the same string and values, and everything else must be left to i18next.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../src/render/i18n.ts'
import { interpolated } from '../../src/render/plain-lookup.ts'

const names = ['fact', 'value', 'count', 'ns', 'toString', 'a.b']
// Mostly what `interpolated` fills, with every kind of syntax it must leave to i18next now and then.
const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('Fact ', ' is ', '{', '}', '-', ',', '$', '$&', '(', ')', '\n', 'ø', 't'),
  },
  { weight: 6, arbitrary: fc.constantFrom('fact', 'value').map((name) => `{{${name}}}`) },
  { weight: 2, arbitrary: fc.constantFrom(...names).map((name) => `{{ ${name} }}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{{-value}}',
      '{{value, uppercase}}',
      '$t(other)',
      '{{}}',
      '{{{fact}}}',
      '{{fact',
    ),
  },
)
const template = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''))
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('3.0 SP1', '', '{{fact}}', '$&', '$t(other)', '{{-value}}') },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, { x: 1 }, ['a', 'b']) },
)
const values = fc.record({ fact: value, value: value, 'a.b': value }, { requiredKeys: ['fact'] })

describe('interpolated()', () => {
  it('gives what i18next gives, or leaves the string to it', async () => {
    let filled = 0
    await fc.assert(
      fc.asyncProperty(template, values, async (text, data) => {
        const i18n = await createI18n({ en: { common: { key: text, other: 'nested' } } }, 'en')
        const own = (name: string) =>
          Object.hasOwn(data, name) ? data[name as keyof typeof data] : undefined
        const fast = interpolated(i18n, 'key', 'common', own)
        if (fast === undefined) return
        filled++
        expect(fast, JSON.stringify({ text, data })).toBe(
          i18n.t('key', { ns: 'common', replace: { ...data } }),
        )
      }),
      {
        numRuns: 600,
        examples: [
          ['{{fact}} is {{ value }}', { fact: 'WSUS', value: '3.0 SP1' }],
          ['{{fact}} and {{fact}}', { fact: '{{fact}}' }],
        ],
      },
    )
    // The property must not pass by leaving every string to i18next.
    expect(filled).toBeGreaterThan(50)
  })

  it('leaves escaping instances, missing values and nesting to i18next', async () => {
    const strings = { common: { key: '{{fact}}', nests: '{{fact}} $t(key)' } }
    const escaping = await createI18n({ en: strings }, 'en', { escape: (text) => text.replace(/</g, '&lt;') })
    expect(interpolated(escaping, 'key', 'common', () => '<b>')).toBeUndefined()
    const plain = await createI18n({ en: strings }, 'en')
    expect(interpolated(plain, 'key', 'common', () => undefined)).toBeUndefined()
    expect(interpolated(plain, 'nests', 'common', () => 'x')).toBeUndefined()
    expect(interpolated(plain, 'key', 'common', () => 'x')).toBe('x')
  })

  it('leaves an instance with its own placeholder syntax to i18next', async () => {
    const { default: i18next } = await import('i18next')
    const instance = i18next.createInstance()
    await instance.init({
      resources: { en: { common: { key: '{{fact}} [[fact]]' } } },
      lng: 'en',
      defaultNS: 'common',
      interpolation: { escapeValue: false, prefix: '[[', suffix: ']]' },
      initAsync: false,
    })
    expect(interpolated(instance, 'key', 'common', () => 'x')).toBeUndefined()
    expect(instance.t('key', { replace: { fact: 'x' } })).toBe('{{fact}} x')
  })
})
