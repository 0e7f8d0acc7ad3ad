// Localized reasons, article steps and questions are made once per language and knowledge base and shared between
// answers: the second answer reads like the first, one answer cannot change another nor the knowledge base, and facts
// sent still show.
import { expect, test } from 'vitest'
import { localizeForApi } from '../../src/http/localize-response.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { createI18n, loadResources, mergeResources } from '../../src/render/i18n.ts'
import { localizeCheckResult } from '../../src/render/localize-check.ts'

const rules = 'test/fixtures/fictional/rules'
const locales = 'test/fixtures/fictional/locales'

test('a second answer reads like the first, shares its sentences frozen, and still shows the values sent', async () => {
  const kb = await loadKnowledgeBase(rules)
  // The project's common strings (sentences of operators, verdicts) with the fictional article's own.
  const resources = mergeResources(await loadResources(), await loadResources(locales))
  const [english, dutch] = await Promise.all([createI18n(resources, 'en'), createI18n(resources, 'nl')])
  const facts = { widgetServerVersion: '4.2', brewerConnected: true }
  const answer = async (firmware: string) =>
    (await kb.check({ ...facts, brewerFirmware: firmware }, { article: 'contoso-1001' })).results[0]!
  const old = await answer('9.0.1')

  const first = localizeCheckResult(old, english, kb)
  const again = localizeCheckResult(await answer('9.0.1'), english, kb)
  expect(again).toEqual(first)
  expect(again.reasons[0]).toBe(first.reasons[0])
  expect(Object.isFrozen(first.reasons[0]!.details)).toBe(true)
  expect(() => {
    ;(first.reasons[0]!.details as string[]).push('changed')
  }).toThrow(TypeError)
  // What is shared is the localizer's own copy: the caller's result can still be changed.
  expect(Object.isFrozen(old.reasons[0]!.facts)).toBe(false)
  const step = first.actions.find((action) => action.articleStep)?.articleStep
  expect(step).toBeDefined()
  expect(Object.isFrozen(step)).toBe(true)

  // Another firmware, another sentence: the actual value sent is part of what is shared.
  const older = localizeCheckResult(await answer('8.5'), english, kb)
  expect(older.reasons[0]!.details.join(' ')).toContain('8.5')
  expect(first.reasons[0]!.details.join(' ')).not.toContain('8.5')

  // The other language has its own sentences, not the English ones.
  const inDutch = localizeCheckResult(old, dutch, kb)
  expect(inDutch.reasons[0]!.message).not.toBe(first.reasons[0]!.message)
  expect(inDutch.reasons[0]!.verdictLabel).not.toBe(first.reasons[0]!.verdictLabel)
})

test('sharing freezes nothing of the knowledge base: a rule value in a reason stays the rule’s own', async () => {
  const kb = await loadKnowledgeBase(rules)
  const resources = mergeResources(await loadResources(), await loadResources(locales))
  const english = await createI18n(resources, 'en')
  const check = async () =>
    (await kb.check({ widgetServerVersion: '4.1', brewerConnected: true }, { article: 'contoso-1001' }))
      .results[0]!
  const result = await check()
  const listed = result.reasons.flatMap((reason) => reason.facts).find((fact) => Array.isArray(fact.value))
  expect(listed?.value).toEqual(['4.1', '4.3'])

  const localized = localizeCheckResult(result, english, kb)
  expect(Object.isFrozen(listed!.value)).toBe(false)
  // The next answer's rule values are as changeable as the first's.
  const next = (await check()).reasons
    .flatMap((reason) => reason.facts)
    .find((fact) => Array.isArray(fact.value))
  expect(Object.isFrozen(next!.value)).toBe(false)
  expect(localized.reasons.flatMap((reason) => reason.facts).some((fact) => Array.isArray(fact.value))).toBe(
    true,
  )
})

test('the questions of the API are described once per article and shared frozen, each with its own question', async () => {
  const kb = await loadKnowledgeBase(rules)
  const resources = mergeResources(await loadResources(), await loadResources(locales))
  const english = await createI18n(resources, 'en')
  const unknown = async () => (await kb.check({}, { article: 'contoso-1001' })).results[0]!
  const first = localizeForApi(await unknown(), english, kb)
  const again = localizeForApi(await unknown(), english, kb)
  const asked = first.questions.find((question) => question.values !== undefined)
  expect(asked).toBeDefined()
  const same = again.questions.find((question) => question.fact === asked!.fact)!
  expect(same).toEqual(asked)
  expect(same).not.toBe(asked)
  expect(same.values).toBe(asked!.values)
  expect(() => {
    ;(asked!.values as unknown[]).push({ value: 'other', label: 'Other' })
  }).toThrow(TypeError)
})
