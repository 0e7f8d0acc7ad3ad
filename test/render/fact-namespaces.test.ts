// With a thousand articles, looking a fact's strings up in every article's namespace made each missing key
// cost a thousand look-ups. Only the namespaces that hold strings of the fact are searched, in the same order.
import { expect, test } from 'vitest'
import type { KnowledgeBase } from '../../src/knowledge-base.ts'
import { createI18n } from '../../src/render/i18n.ts'
import { namespacesOfFact } from '../../src/render/localize-check.ts'

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
