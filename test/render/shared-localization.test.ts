// Localized reasons and article steps are made once per language and knowledge base and shared between answers:
// the second answer reads like the first, one answer cannot change another, and facts sent still show.
import { expect, test } from 'vitest'
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
