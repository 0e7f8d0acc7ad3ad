// With a thousand articles, looking a fact's strings up in every article's namespace made each missing key
// cost a thousand look-ups. Only the namespaces that hold strings of the fact are searched, in the same order.
import { expect, test } from 'vitest'
import type { KnowledgeBase } from '../../src/knowledge-base.ts'
import { createI18n } from '../../src/render/i18n.ts'
import { namespacesOfFact, namespacesOfKey } from '../../src/render/localize-check.ts'

const kb = {
  model: { articles: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] },
} as unknown as KnowledgeBase

test('searches common, the article answered, then only the articles whose strings name the fact, in article order', async () => {
  const i18n = await createI18n(
    {
      en: {
        common: { facts: { shared: { label: 'Shared' } } },
        a: { facts: { brewerFirmware: { label: 'Brewer firmware' } } },
        b: { title: 'B' },
        c: { facts: { other: { label: 'Other' } } },
      },
      // A namespace that names the fact in another language only still counts: English is the fallback.
      nl: { d: { facts: { brewerFirmware: { values: { x: 'x' } } } } },
    },
    'nl',
  )
  expect(namespacesOfFact(i18n, kb, 'b', 'brewerFirmware')).toEqual(['common', 'b', 'a', 'd'])
  expect(namespacesOfFact(i18n, kb, 'a', 'brewerFirmware')).toEqual(['common', 'a', 'd'])
  expect(namespacesOfFact(i18n, kb, 'b', 'shared')).toEqual(['common', 'b'])
  expect(
    i18n.t('facts.brewerFirmware.label', { ns: namespacesOfFact(i18n, kb, 'c', 'brewerFirmware') }),
  ).toBe('Brewer firmware')
})

test('per key, searches only the first other article that holds the key, and finds the same string', async () => {
  const i18n = await createI18n(
    {
      en: {
        common: { facts: { shared: { label: 'Shared' } } },
        a: { facts: { brewerFirmware: { label: 'Brewer firmware' } } },
        b: { facts: { brewerFirmware: { question: 'Which firmware? ($t(facts.brewerFirmware.label))' } } },
        c: { facts: { brewerFirmware: { values: { '9.0': 'nine' } } } },
        d: { facts: { brewerFirmware: { label: 'Firmware (d)', values: { '9.0': 'nine (d)' } } } },
      },
    },
    'en',
  )
  const key = (article: string, name: string) =>
    namespacesOfKey(i18n, kb, article, 'brewerFirmware', `facts.brewerFirmware.${name}`)
  expect(key('b', 'label')).toEqual(['common', 'b', 'a'])
  expect(key('a', 'label')).toEqual(['common', 'a', 'd'])
  expect(key('c', 'values.9.0')).toEqual(['common', 'c', 'd'])
  expect(key('a', 'values.9.0')).toEqual(['common', 'a', 'c'])
  // No article holds it: common and the article answered only.
  expect(key('c', 'is.9.0')).toEqual(['common', 'c'])
  // A string that nests another key looks it up in the same namespaces: all of them, as before.
  expect(key('c', 'question')).toEqual(namespacesOfFact(i18n, kb, 'c', 'brewerFirmware'))
  for (const article of ['a', 'b', 'c', 'd'])
    for (const name of ['label', 'question', 'values.9.0', 'is.9.0'])
      expect(i18n.t(`facts.brewerFirmware.${name}`, { ns: key(article, name), defaultValue: '-' })).toBe(
        i18n.t(`facts.brewerFirmware.${name}`, {
          ns: namespacesOfFact(i18n, kb, article, 'brewerFirmware'),
          defaultValue: '-',
        }),
      )
})
