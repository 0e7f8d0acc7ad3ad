import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { toString as mdastToString } from 'mdast-util-to-string'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadRules } from '../../src/kb/load.ts'
import type { KnowledgeBaseModel } from '../../src/kb/model.ts'
import { articleValues } from '../../src/render/article-values.ts'
import { formats } from '../../src/render/formats.ts'
import { loadResources } from '../../src/render/i18n.ts'
import { localizedProducts } from '../../src/render/localized-catalog.ts'
import { Localizer } from '../../src/render/localizer.ts'
import { productFullName } from '../../src/render/outline.ts'
import { documentKinds, Renderer } from '../../src/render/renderer.ts'
import { copyRules, presentLanguages } from './helpers.ts'

let renderer: Renderer
let model: KnowledgeBaseModel
beforeAll(async () => {
  renderer = await Renderer.load()
  model = renderer.model
})

const longDate = (lang: string, iso: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))

describe.each(presentLanguages)('documents in %s', (lang) => {
  test.each(documentKinds)('the %s document holds every fact of the seeds, in the language', async (doc) => {
    const { article } = model.articles.find((candidate) => candidate.id === '954960')!
    const text = await renderer.render({ article: '954960', doc, lang, format: 'text' })
    const localizer = await Localizer.create(
      renderer.resources,
      lang,
      '954960',
      articleValues(article, localizedProducts(model.products, renderer.resources, lang)),
    )
    const products = localizedProducts(model.products, renderer.resources, lang)
    for (const product of article.products.affected)
      expect(text).toContain(productFullName(products, product))
    for (const fact of [
      article.errorCodes.client!,
      article.errorCodes.server!,
      // The Dutch advisory (seed 003) translates the exception message; its type stays.
      'System.ArgumentException',
      String(article.values.fixedVersion),
      // The workaround and the file-version check are the KB article's; the advisory refers to it.
      ...(doc === 'kb' ? [article.workaround!.updateId!, String(article.values.unfixedVersion)] : []),
      article.component!.file,
      article.component!.folder!,
      longDate(lang, article.fix!.released!),
    ])
      expect(text).toContain(fact)
    const dates =
      doc === 'kb'
        ? [article.kb!.technicalUpdate!, article.kb!.pages[lang]?.lastReview ?? article.kb!.lastReview!]
        : [
            article.advisory!.published,
            article.advisory!.updated,
            ...article.advisory!.revisions.map((r) => r.date),
          ]
    for (const date of dates) expect(text).toContain(longDate(lang, date))
    // The workaround and the known issues are the KB article's; the advisory refers to it for them.
    if (doc !== 'kb') return
    const workaround = article.procedures.find((procedure) => procedure.id === 'workaround')!
    expect(workaround.steps).toHaveLength(7)
    for (const step of workaround.steps)
      expect(text).toContain(localizer.plain(`procedures.workaround.steps.${step.id}`))
    for (const issue of ['services-restart', 'no-uninstall', 'not-in-programs']) {
      const [first] = localizer.blocks(`kb.knownIssues.${issue}`)
      expect(text).toContain(mdastToString(first))
    }
  })

  test.each(documentKinds.flatMap((doc) => formats.map((format) => [doc, format] as const)))(
    'the %s document renders as %s',
    async (doc, format) => {
      const output = await renderer.render({ article: '954960', doc, lang, format, page: format === 'html' })
      for (const fact of [
        '0x8024400E',
        'InternalServerError',
        ...(doc === 'kb' ? ['D359F493-0AAD-43FA-AF5C-6763326CD98F'] : []),
        '3.1.6001.66',
      ])
        expect(output).toContain(fact)
      if (format === 'html') {
        expect(output).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`))
        expect(output).toContain('<meta charset="utf-8">')
        expect(output).toContain(`<title>${await renderer.title({ article: '954960', doc, lang })}</title>`)
      }
    },
  )

  test('dates follow the language', async () => {
    const kbText = await renderer.render({ article: '954960', doc: 'kb', lang, format: 'text' })
    const expected = {
      en: 'August 1, 2008',
      nl: '1 augustus 2008',
      pl: '1 sierpnia 2008',
      nb: '1. august 2008',
    }[lang]
    expect(kbText).toContain(expected)
  })
})

test('the KB excerpts show placeholders as each KB page prints them, the advisory the timestamps', async () => {
  // Seeds 002, 000 and 001 collapse the spaces; the Norwegian page has no seed and keeps the log's own.
  const lines = {
    en: 'Date Time 788 ee4 PT WARNING: SyncUpdates failure, error = 0x8024400E',
    nl: 'Date Time 788 ee4 PT WARNING: SyncUpdates failure, error = 0x8024400E',
    pl: 'Data Godzina 788 ee4 PT WARNING: SyncUpdates failure, error = 0x8024400E',
    nb: 'Dato Klokkeslett  788   ee4    PT     WARNING: SyncUpdates failure, error = 0x8024400E',
  }
  const words = { en: 'Date Time', nl: 'Date Time', pl: 'Data Godzina', nb: 'Dato Klokkeslett' }
  for (const lang of presentLanguages) {
    const kb = await renderer.render({ article: '954960', doc: 'kb', lang, format: 'text' })
    expect(kb).toContain(lines[lang])
    const advisory = await renderer.render({ article: '954960', doc: 'advisory', lang, format: 'text' })
    expect(advisory).toContain('2008-06-13    19:59:56:617  788   ee4    PT     WARNING: SyncUpdates failure')
    expect(advisory).not.toContain(words[lang])
  }
})

test('a fact changed once in rules/ changes every document', async () => {
  const dir = await copyRules()
  const file = path.join(dir, 'rules', 'articles', '954960', 'article.yaml')
  const text = await readFile(file, 'utf8')
  expect(text).toContain('fixedVersion: 3.1.6001.66')
  await writeFile(file, text.replace('fixedVersion: 3.1.6001.66', 'fixedVersion: 3.1.6001.77'))
  const changed = await Renderer.load({ rules: path.join(dir, 'rules') })
  for (const lang of presentLanguages)
    for (const doc of documentKinds) {
      const output = await changed.render({ article: '954960', doc, lang, format: 'md' })
      expect(output, `${doc}.${lang}`).toContain('3.1.6001.77')
      expect(output, `${doc}.${lang}`).not.toContain('3.1.6001.66')
    }
})

test('the Markdown committed under docs/advisories is what the rules and locales render', async () => {
  for (const lang of presentLanguages)
    for (const doc of documentKinds) {
      const file = path.join('docs', 'advisories', `954960-${doc}.${lang}.md`)
      const committed = await readFile(file, 'utf8').catch(() => '')
      const rendered = await renderer.render({ article: '954960', doc, lang, format: 'md' })
      expect(committed, `${file} is stale: run \`kb render --all --format md --out docs/advisories\``).toBe(
        rendered,
      )
    }
})

test('concurrent renders of one Renderer agree with sequential ones', async () => {
  const fresh = new Renderer(await loadRules(), await loadResources())
  const jobs = presentLanguages.flatMap((lang) =>
    documentKinds.map((doc) => ({ article: '954960', doc, lang, format: 'text' as const })),
  )
  const together = await Promise.all(jobs.map((job) => fresh.render(job)))
  const alone = await Promise.all(jobs.map((job) => new Renderer(fresh.model, fresh.resources).render(job)))
  expect(together).toEqual(alone)
  expect(new Set(together).size).toBe(jobs.length)
})
