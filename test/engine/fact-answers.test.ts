import { expect, test } from 'vitest'
import { validateFacts } from '../../src/engine/facts.ts'
import type { FactDefinition } from '../../src/kb/schema/facts.ts'
import { factAnswers } from '../../src/render/fact-answers.ts'

const vocabulary = [
  { name: 'connected', type: 'boolean' },
  {
    name: 'edition',
    type: 'enum',
    values: [
      { value: 'home', aliases: [] },
      { value: 'pro', aliases: [] },
    ],
  },
] as unknown as FactDefinition[]
const model = { facts: vocabulary, articles: [{ id: 'fiction-1' }] } as never
const resources = {
  en: {
    common: { value: { true: 'yes', false: 'no' } },
    'fiction-1': { facts: { edition: { values: { home: 'Home edition', pro: 'Professional' } } } },
  },
  nl: {
    common: {
      value: { true: 'ja', false: 'nee' },
      facts: { edition: { values: { home: 'Thuiseditie', pro: 'Pro-editie' } } },
    },
  },
  // "Pro" is the label of `home` here and of nothing else: one language's label never steals another value.
  pl: {
    common: {
      value: { true: 'tak', false: 'nie' },
      facts: { edition: { values: { home: 'Pro', pro: 'Pro' } } },
    },
  },
}
const answers = factAnswers(resources, model)

test('yes/no words of every language, and enum labels of any namespace, become the canonical values', () => {
  const { facts, errors } = validateFacts({ connected: 'NEE', edition: 'thuis-editie' }, vocabulary, {
    answers,
  })
  expect(errors).toEqual([])
  expect(facts).toEqual({ connected: false, edition: 'home' })
  expect(validateFacts({ connected: 'tak', edition: 'Professional' }, vocabulary, { answers }).facts).toEqual(
    {
      connected: true,
      edition: 'pro',
    },
  )
})

test('a label that means two values is no answer, and without answers only the canonical words count', () => {
  expect(validateFacts({ edition: 'Standard' }, vocabulary, { answers }).errors[0]?.fact).toBe('edition')
  expect(validateFacts({ connected: 'ja' }, vocabulary).errors[0]?.code).toBe('FACT_INVALID_VALUE')
})
