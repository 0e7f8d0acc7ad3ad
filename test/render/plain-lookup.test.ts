// The localizer skips i18next's `t` for strings it would return unchanged. Whatever it returns must be what
// `t` returns: checked key by key on the fictional article's strings and on the project's own, and on the
// corners of i18next's look-up order.
import { expect, test } from 'vitest'
import {
  createI18n,
  defaultLocalesDir,
  type Language,
  languages,
  loadResources,
} from '../../src/render/i18n.ts'
import { keyExists, plainString } from '../../src/render/plain-lookup.ts'

function leafKeys(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object') return [prefix]
  return Object.entries(node).flatMap(([name, child]) => leafKeys(child, prefix ? `${prefix}.${name}` : name))
}

test.each([
  ['the fictional article', 'test/fixtures/fictional/locales'],
  ['the project', defaultLocalesDir],
])('gives what t gives for every key of %s, in every language and namespace order', async (_, dir) => {
  const resources = await loadResources(dir)
  let plain = 0
  for (const language of languages.filter((code) => resources[code])) {
    const i18n = await createI18n(resources, language as Language)
    const namespaces = Object.keys(resources.en ?? {})
    for (const ns of namespaces) {
      for (const key of leafKeys(resources[language]?.[ns] ?? resources.en![ns])) {
        for (const order of [ns, ['common', ns], [ns, 'common']]) {
          const found = plainString(i18n, key, order)
          if (found !== undefined) {
            plain++
            expect(found, `${language} ${ns} ${key}`).toBe(i18n.t(key, { ns: order }))
          }
          expect(keyExists(i18n, key, order) ?? i18n.exists(key, { ns: order })).toBe(
            i18n.exists(key, { ns: order }),
          )
        }
      }
    }
  }
  // Most strings have nothing to interpolate: the fast path must actually be taken.
  expect(plain).toBeGreaterThan(50)
})

test('leaves to i18next what it would change, and follows its order: namespace first, then language', async () => {
  const i18n = await createI18n(
    {
      en: {
        common: {
          empty: '',
          obj: { a: 'A' },
          greeting: 'Hello {{name}}',
          nested: '$t(obj.a)',
          only: 'en only',
          absent: 'in English',
        },
        first: { shared: 'first (en)' },
        second: {},
      },
      nl: {
        common: { greeting: 'Hallo {{name}}', absent: null },
        first: {},
        second: { shared: 'tweede (nl)' },
      },
    } as never,
    'nl',
  )
  expect(plainString(i18n, 'empty', 'common')).toBeUndefined()
  expect(plainString(i18n, 'obj', 'common')).toBeUndefined()
  expect(plainString(i18n, 'greeting', 'common')).toBeUndefined()
  expect(plainString(i18n, 'nested', 'common')).toBeUndefined()
  expect(plainString(i18n, 'common:only', 'first')).toBeUndefined()
  expect(keyExists(i18n, 'common:only', 'first')).toBeUndefined()
  // `null` is skipped (returnNull: false): the English string is used.
  expect(plainString(i18n, 'absent', 'common')).toBe('in English')
  expect(i18n.t('absent', { ns: 'common' })).toBe('in English')
  expect(plainString(i18n, 'only', 'common')).toBe(i18n.t('only', { ns: 'common' }))
  // The first namespace wins in any language before the next namespace is tried.
  expect(plainString(i18n, 'shared', ['first', 'second'])).toBe('first (en)')
  expect(i18n.t('shared', { ns: ['first', 'second'] })).toBe('first (en)')
  expect(keyExists(i18n, 'empty', 'common')).toBe(i18n.exists('empty', { ns: 'common' }))
  expect(keyExists(i18n, 'missing', ['first', 'second'])).toBe(false)
})

test('finds what i18next finds through nested objects, keys with dots, lists and paths that end early', async () => {
  const i18n = await createI18n(
    {
      en: {
        common: {
          facts: { wsusVersion: { label: 'WSUS version', is: { '3.0 SP1': 'WSUS 3.0 SP1' } } },
          deep: { clash: { x: 'nested' }, 'clash.x': 'flat', 'dotted.key': 'deeper' },
          list: ['first', 'second'],
          text: 'plain',
        },
        // Top-level keys with a dot: i18next's own look-up decides.
        dotted: { 'dotted.key': 'dotted', clash: { x: 'nested' }, 'clash.x': 'flat', text: 'plain' },
      },
    } as never,
    'en',
  )
  for (const [ns, key] of [
    ['common', 'facts.wsusVersion.label'],
    ['common', 'facts.wsusVersion.is.3.0 SP1'],
    ['common', 'deep.clash.x'],
    ['common', 'deep.dotted.key'],
    ['common', 'list.1'],
    ['common', 'text'],
    ['dotted', 'dotted.key'],
    ['dotted', 'clash.x'],
    ['dotted', 'text'],
  ] as const) {
    expect(plainString(i18n, key, ns), `${ns} ${key}`).toBe(i18n.t(key, { ns }))
  }
  for (const key of [
    'facts',
    'facts.wsusVersion',
    'facts.nothing',
    'text.more',
    'text.length',
    'list.7',
    'list.length',
    'deep',
    'deep.clash',
    'deep.dotted',
    'dotted',
    'clash',
    'toString',
    'facts.constructor',
  ]) {
    for (const ns of ['common', 'dotted'])
      expect(keyExists(i18n, key, ns), `${ns} ${key}`).toBe(i18n.exists(key, { ns }))
  }
})
