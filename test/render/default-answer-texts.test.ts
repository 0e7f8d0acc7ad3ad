// The localized text of each article's answer for the defaults: made once per language and article, with each
// answer's own facts put in, and filed across runs where the knowledge base and the strings can be named.
import type { i18n } from 'i18next'
import { describe, expect, it } from 'vitest'
import type { CheckResult } from '../../src/engine/check-result.ts'
import type { KnowledgeBase } from '../../src/knowledge-base.ts'
import { DefaultAnswerTexts } from '../../src/render/default-answer-texts.ts'
import { withStringsIdentity } from '../../src/render/strings-identity.ts'

const result = (facts: CheckResult['facts'], article = 'a') =>
  ({ article, verdict: 'unknown', facts, reasons: [] }) as unknown as CheckResult
const localize = (answer: CheckResult) => ({
  ...answer,
  message: `verdict ${answer.verdict} of ${answer.article}`,
})

/** A knowledge base of two articles whose filing place is a map, as a cache folder is across runs. */
function filingKb(store: Map<string, unknown> | undefined) {
  let computed = 0
  const kb = {
    defaultAnswers: async () => [result({ site: 'x' }, 'a'), result({ site: 'x' }, 'b')],
    filed: <T>(kind: string, variant: string, compute: () => Promise<T>) => {
      if (store === undefined) return undefined
      const key = `${kind} ${variant}`
      if (store.has(key)) return Promise.resolve(store.get(key) as T)
      computed++
      return compute().then((value) => {
        store.set(key, JSON.parse(JSON.stringify(value)))
        return value
      })
    },
  } as unknown as KnowledgeBase
  return { kb, computed: () => computed }
}

const named = (identity: string | undefined) =>
  ({ store: { data: withStringsIdentity({ en: {} }, identity) } }) as unknown as i18n

describe('DefaultAnswerTexts', () => {
  it('localizes an article once per language, and puts in each answer its own facts', () => {
    const texts = new DefaultAnswerTexts('api')
    let calls = 0
    const counted = (answer: CheckResult) => {
      calls++
      return localize(answer)
    }
    const factSets: CheckResult['facts'][] = [{ site: 'lab' }, { site: 'hq', legacyMode: true }, {}]
    for (const facts of factSets) {
      expect(texts.text(result(facts), 'nl', counted)).toBe(JSON.stringify(localize(result(facts))))
    }
    expect(calls).toBe(1)
    texts.text(result({}), 'pl', counted)
    expect(calls).toBe(2)
  })

  it('localizes every time when the facts show up elsewhere in the text', () => {
    const texts = new DefaultAnswerTexts('api')
    const twice = (answer: CheckResult) => ({ ...answer, copy: answer.facts })
    for (const facts of [{ site: 'lab' }, { site: 'hq' }])
      expect(texts.text(result(facts), 'en', twice)).toBe(JSON.stringify(twice(result(facts))))
  })

  it('files the texts of every article once, and a later run gives them without localizing', async () => {
    const store = new Map<string, unknown>()
    const filing = filingKb(store)
    expect(await new DefaultAnswerTexts('api').preload(filing.kb, 'nl', named('strings-1'), localize)).toBe(
      true,
    )
    expect(filing.computed()).toBe(1)
    const later = new DefaultAnswerTexts('api')
    expect(await later.preload(filing.kb, 'nl', named('strings-1'), localize)).toBe(true)
    expect(filing.computed()).toBe(1)
    const refuse = () => {
      throw new Error('localized again')
    }
    for (const article of ['a', 'b'])
      expect(later.text(result({ site: 'lab' }, article), 'nl', refuse)).toBe(
        JSON.stringify(localize(result({ site: 'lab' }, article))),
      )
  })

  it('files apart what other strings, languages or shapes make', async () => {
    const store = new Map<string, unknown>()
    const filing = filingKb(store)
    await new DefaultAnswerTexts('api').preload(filing.kb, 'nl', named('strings-1'), localize)
    await new DefaultAnswerTexts('api').preload(filing.kb, 'nl', named('strings-2'), localize)
    await new DefaultAnswerTexts('api').preload(filing.kb, 'pl', named('strings-1'), localize)
    await new DefaultAnswerTexts('check').preload(filing.kb, 'nl', named('strings-1'), localize)
    expect(filing.computed()).toBe(4)
  })

  it('files nothing, and localizes when asked, without a filing place or named strings', async () => {
    for (const [store, identity] of [
      [undefined, 'strings-1'],
      [new Map<string, unknown>(), undefined],
    ] as const) {
      const filing = filingKb(store)
      const texts = new DefaultAnswerTexts('api')
      expect(await texts.preload(filing.kb, 'en', named(identity), localize)).toBe(false)
      expect(filing.computed()).toBe(0)
      expect(texts.text(result({}), 'en', localize)).toBe(JSON.stringify(localize(result({}))))
    }
  })
})
