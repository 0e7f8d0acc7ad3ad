import { expect, test } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import { loadResources } from '../../src/render/i18n.ts'
import { MissingTranslationError } from '../../src/render/localizer.ts'
import { Renderer } from '../../src/render/renderer.ts'

test('a key missing in the language and in English is an error naming key, language and article, never output', async () => {
  const resources = await loadResources()
  // The fixture: the project's strings with the cause section removed from every language.
  for (const language of Object.keys(resources)) {
    const article = resources[language]?.['954960'] as { kb?: Record<string, unknown> } | undefined
    delete article?.kb?.cause
  }
  const renderer = new Renderer(await loadRules(), resources)
  const rendering = renderer.render({ article: '954960', doc: 'kb', lang: 'pl', format: 'md' })
  await expect(rendering).rejects.toBeInstanceOf(MissingTranslationError)
  await expect(rendering).rejects.toMatchObject({ key: 'kb.cause', language: 'pl', article: '954960' })
  await expect(rendering).rejects.toThrow(
    'Expected the translation key `kb.cause` for article `954960` in `pl` (or in `en`), not none; add it to locales/en/954960.yaml',
  )
})

test('a key missing only in the language falls back to English', async () => {
  const resources = await loadResources()
  const polish = resources.pl?.['954960'] as { kb: Record<string, unknown> }
  delete polish.kb.cause
  const english = resources.en?.['954960'] as { kb: Record<string, string> }
  const renderer = new Renderer(await loadRules(), resources)
  const text = await renderer.render({ article: '954960', doc: 'kb', lang: 'pl', format: 'text' })
  expect(text).toContain(english.kb.cause!.slice(0, 40))
  expect(text).not.toContain('kb.cause')
})
