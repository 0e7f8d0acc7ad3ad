import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { formats } from '../../src/render/formats.ts'
import {
  createI18n,
  defaultLocalesDir,
  languages,
  loadResources,
  mergeResources,
} from '../../src/render/i18n.ts'
import { factNamesIn, loadLazyResources } from '../../src/render/lazy-resources.ts'
import { articleDocuments, loadRenderResources, Renderer } from '../../src/render/renderer.ts'

const fictional = 'test/fixtures/fictional'
let cache: string
let scratch: string
beforeAll(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'kb-strings-cache-'))
  scratch = await mkdtemp(path.join(tmpdir(), 'kb-strings-'))
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await rm(cache, { recursive: true, force: true })
  await rm(scratch, { recursive: true, force: true })
})

/** A copy of the fictional article's locales, to edit. */
async function copyLocales(): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'locales-'))
  await cp(`${fictional}/locales`, dir, { recursive: true })
  return dir
}

// Every namespace of every language, read twice: a namespace let go is read again, equal.
function readAll(resources: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(
    Object.entries(resources).map(([language, namespaces]) => [
      language,
      Object.fromEntries(Object.keys(namespaces).map((name) => [name, namespaces[name]])),
    ]),
  )
}

describe('locale strings read namespace by namespace', () => {
  it.each([
    ['first compiled', true],
    ['then from the compiled copy', true],
    ['without a cache folder', false],
  ])('equal the parsed files, %s, even when every namespace is let go at once', async (_name, cached) => {
    vi.stubEnv('KB_CACHE_DIR', cached ? cache : 'off')
    for (const dir of [defaultLocalesDir, `${fictional}/locales`]) {
      const eager = await loadResources(dir)
      const lazy = await loadLazyResources(dir, languages, { keepBytes: 0 })
      expect(Object.keys(lazy)).toEqual(Object.keys(eager))
      for (const language of Object.keys(eager))
        expect(Object.keys(lazy[language]!)).toEqual(Object.keys(eager[language]!))
      expect(readAll(lazy)).toEqual(eager)
      expect(readAll(lazy)).toEqual(eager)
    }
  })

  it.each([
    ['from the compiled copy', true],
    ['without a cache folder', false],
  ])(
    'name the facts of each namespace as its parsed strings do, parsing none of them, %s',
    async (_name, cached) => {
      vi.stubEnv('KB_CACHE_DIR', cached ? cache : 'off')
      const dir = await copyLocales()
      // A `facts` that is a list, not a mapping: its keys are its indexes, as Object.keys gives them.
      await writeFile(path.join(dir, 'nb', 'listed.yaml'), 'facts: [one, two]\n')
      const eager = mergeResources(await loadResources(), await loadResources(dir))
      const lazy = mergeResources(await loadLazyResources(), await loadLazyResources(dir))
      const parse = vi.spyOn(JSON, 'parse')
      const named = (resources: typeof eager) =>
        Object.fromEntries(
          Object.entries(resources).map(([language, namespaces]) => [
            language,
            Object.keys(namespaces).map((namespace) => factNamesIn(namespaces, namespace)),
          ]),
        )
      const lazyNames = named(lazy)
      expect(parse).not.toHaveBeenCalled()
      parse.mockRestore()
      expect(lazyNames).toEqual(named(eager))
      expect(lazyNames.en).toContainEqual(expect.arrayContaining(['brewerFirmware']))
      expect(factNamesIn(lazy.nb!, 'listed')).toEqual(['0', '1'])
      // A namespace set since (i18next's addResourceBundle) is named from its new value.
      lazy.en!['contoso-1001'] = { facts: { replaced: { label: 'Replaced' } } }
      expect(factNamesIn(lazy.en!, 'contoso-1001')).toEqual(['replaced'])
    },
  )

  it('keeps a parsed value while it fits the limit, and parses it again once it does not', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const kept = (await loadLazyResources(`${fictional}/locales`)).en!['contoso-1001'] as Record<
      string,
      unknown
    >
    expect(kept.facts).toBeDefined()
    expect(kept.facts).toBe(kept.facts)
    const none = (await loadLazyResources(`${fictional}/locales`, languages, { keepBytes: 1 })).en![
      'contoso-1001'
    ] as Record<string, unknown>
    expect(none.facts).not.toBe(none.facts)
    expect(none.facts).toEqual(kept.facts)
  })

  it('keeps the strings of each folder loadRenderResources reads within the limit it is given', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const read = async (options?: { keepBytes: number }) => {
      const resources = await loadRenderResources({ rules: `${fictional}/rules` }, options)
      // One namespace of the folder beside the rules, one of the built-in folder.
      return [
        resources.en!['contoso-1001'] as Record<string, unknown>,
        resources.en!.common as Record<string, unknown>,
      ]
    }
    for (const namespace of await read()) expect(namespace.facts).toBe(namespace.facts)
    const kept = await read({ keepBytes: 64 * 1024 * 1024 })
    for (const namespace of kept) expect(namespace.facts).toBe(namespace.facts)
    const none = await read({ keepBytes: 1 })
    for (const [index, namespace] of none.entries()) {
      expect(namespace.facts).not.toBe(namespace.facts)
      expect(namespace.facts).toEqual(kept[index]!.facts)
    }
  })

  it('files one compiled copy per folder content and reads the edited file after a change', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyLocales()
    const before = await loadLazyResources(dir)
    const filed = (await readdir(cache)).filter((name) => name.startsWith('strings-'))
    await writeFile(path.join(dir, 'nl', 'contoso-1001.yaml'), 'title: Gewijzigd\n')
    const after = await loadLazyResources(dir)
    expect(after.nl!['contoso-1001']).toEqual({ title: 'Gewijzigd' })
    expect(before.nl!['contoso-1001']).toEqual(
      (await loadResources(`${fictional}/locales`)).nl!['contoso-1001'],
    )
    expect((await readdir(cache)).filter((name) => name.startsWith('strings-')).length).toBe(filed.length + 1)
  })

  it('keeps what JSON cannot hold exactly (.inf, .nan, -0) as YAML gave it', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyLocales()
    await writeFile(path.join(dir, 'en', 'numbers.yaml'), 'big: .inf\nnothing: .nan\nzero: -0\nplain: 7\n')
    const lazy = await loadLazyResources(dir, languages, { keepBytes: 0 })
    const numbers = lazy.en!.numbers as Record<string, number>
    expect(numbers.big).toBe(Number.POSITIVE_INFINITY)
    expect(numbers.nothing).toBeNaN()
    expect(Object.is(numbers.zero, -0)).toBe(true)
    expect(readAll(lazy)).toEqual(await loadResources(dir))
  })

  it('reports a broken file as the eager load does', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyLocales()
    await writeFile(path.join(dir, 'pl', 'contoso-1001.yaml'), 'title: [unclosed\n')
    const eager = await loadResources(dir).catch((error: Error) => error.message)
    await expect(loadLazyResources(dir)).rejects.toThrow(String(eager))
  })

  it('stay unread when merged with other strings, and read the same through the merge', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const base = await loadLazyResources(defaultLocalesDir)
    const extra = await loadLazyResources(`${fictional}/locales`)
    let reads = 0
    const counted = Object.defineProperty({ ...extra.en }, 'contoso-1001', {
      enumerable: true,
      get: () => {
        reads++
        return extra.en!['contoso-1001']
      },
    })
    const merged = mergeResources(base, { ...extra, en: counted })
    expect(reads).toBe(0)
    expect(merged.en!['contoso-1001']).toEqual(
      (await loadResources(`${fictional}/locales`)).en!['contoso-1001'],
    )
    expect(merged.nl!.common).toEqual((await loadResources()).nl!.common)
    expect(reads).toBe(1)
  })

  it('reports a locale file that is a folder even when the folder content was compiled before', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const dir = await copyLocales()
    await loadLazyResources(dir)
    const broken = path.join(dir, 'en', 'zz-broken.yaml')
    await mkdir(broken)
    await expect(loadLazyResources(dir)).rejects.toMatchObject({ code: 'EISDIR', path: broken })
  })

  it('takes a namespace set by a caller as a plain value', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const lazy = await loadLazyResources(`${fictional}/locales`)
    lazy.en!['contoso-1001'] = { title: 'Replaced' }
    expect(lazy.en!['contoso-1001']).toEqual({ title: 'Replaced' })
  })

  it('gives i18next the strings of a namespace let go, in every language', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const eager = await loadResources(`${fictional}/locales`)
    const lazy = await loadLazyResources(`${fictional}/locales`, languages, { keepBytes: 0 })
    for (const language of languages) {
      const [a, b] = await Promise.all([createI18n(eager, language), createI18n(lazy, language)])
      const keys = Object.keys(eager[language]!['contoso-1001'] as object)
      expect(keys.length).toBeGreaterThan(0)
      for (const key of keys) {
        const options = { ns: 'contoso-1001', returnObjects: true }
        expect(b.t(key, options)).toEqual(a.t(key, options))
      }
    }
  })
})

describe('documents rendered from strings read on demand', () => {
  it('are the documents of the parsed strings in all four languages, with every namespace let go', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    // The built-in articles: the fixtures declare no documents.
    const { model } = await loadKnowledgeBase()
    const eager = new Renderer(model, await loadResources())
    const lazy = new Renderer(model, await loadLazyResources(defaultLocalesDir, languages, { keepBytes: 0 }))
    const published = model.articles.filter((article) => articleDocuments(article.article).length > 0)
    expect(published.length).toBeGreaterThan(0)
    for (const article of published) {
      for (const doc of articleDocuments(article.article)) {
        for (const lang of languages) {
          for (const format of formats) {
            const options = { article: article.id, doc, lang, format }
            expect(await lazy.render(options)).toBe(await eager.render(options))
          }
        }
      }
    }
  })
})
