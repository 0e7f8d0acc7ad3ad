import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import type { KnowledgeBaseModel } from '../../src/kb/model.ts'
import type { Language } from '../../src/render/i18n.ts'
import { codes, type DocumentSource, fold, SearchIndex } from '../../src/search/index.ts'

// Two fictional articles, each with one document per language; only `alpha` shows the code.
const documents: Record<string, Record<Language, string>> = {
  alpha: {
    en: '# Orders are lost\n\n## Symptoms\n\nThe server logs error 0x80001001 when an order is lost.\n\n## Cause\n\nA cold cache.',
    nl: '# Bestellingen gaan verloren\n\n## Symptomen\n\nDe server meldt fout 0x80001001 wanneer een bestelling verloren gaat.',
    pl: '# Zamówienia giną\n\n## Objawy\n\nSerwer zgłasza błąd 0x80001001, gdy zamówienie ginie w Łodzi.',
    nb: '# Bestillinger går tapt\n\n## Symptomer\n\nServeren logger feil 0x80001001 når en bestilling går tapt.',
  },
  beta: {
    en: '# Lost orders and lost updates\n\n## Symptoms\n\nOrders, orders, orders: updates of orders are lost on the server.',
    nl: '# Updates gaan verloren\n\n## Symptomen\n\nUpdates van de server gaan verloren.',
    pl: '# Aktualizacje giną\n\n## Objawy\n\nAktualizacje serwera giną.',
    nb: '# Oppdateringer går tapt\n\n## Symptomer\n\nOppdateringene fra serveren går tapt.',
  },
}

const parse = (markdown: string) => unified().use(remarkParse).parse(markdown) as Root
const source: DocumentSource = {
  documentsOf: () => ['kb'],
  tree: async ({ article, lang }) => parse(documents[article]![lang]),
  title: async ({ article, lang }) => documents[article]![lang].split('\n')[0]!.slice(2),
}
const model = {
  dir: '',
  products: [{ id: 'widget-4', vendor: 'Contoso', name: 'Widget Server', version: '4.2' }],
  facts: [],
  articles: ['alpha', 'beta'].map((id) => ({
    id,
    article: { id, kb: { number: id === 'alpha' ? '1001' : '2002' }, products: ['widget-4'] },
    verdicts: {},
    extras: {},
    files: [],
  })),
} as unknown as KnowledgeBaseModel

const index = await SearchIndex.build(model, source)

describe('SearchIndex', () => {
  test('an exact error code puts the article that shows it first, whatever the word counts', () => {
    const [first] = index.search('orders lost 0x80001001')
    expect(first?.article).toBe('alpha')
    expect(first?.matched).toContain('0x80001001')
    expect(first?.snippet).toContain('0x80001001')
  })

  test('a KB-style id finds the article whose data holds the number', () => {
    const [first] = index.search('KB1001')
    expect(first).toMatchObject({ article: 'alpha', matched: expect.arrayContaining(['1001']) })
    expect(first?.document).toBeUndefined()
  })

  test('words match their other forms through the language stemmer', () => {
    expect(index.search('update', { lang: 'en' })[0]?.article).toBe('beta')
    expect(index.search('oppdatering', { lang: 'nb' })[0]?.article).toBe('beta')
    expect(index.search('aktualizacjami', { lang: 'pl' })[0]?.article).toBe('beta')
    expect(index.search('bestelling', { lang: 'nl' })[0]?.article).toBe('alpha')
  })

  test('diacritics are folded both ways', () => {
    expect(fold('Łódź Ørsta')).toBe('lodz orsta')
    const [first] = index.search('lodzi zamowienie')
    expect(first).toMatchObject({ article: 'alpha', lang: 'pl', section: 'Objawy' })
  })

  test('a sentence in one language finds that language first without a language given', () => {
    const [first] = index.search('De server meldt fout wanneer een bestelling verloren gaat', {
      prefer: 'en',
    })
    expect(first).toMatchObject({ article: 'alpha', lang: 'nl', document: 'kb', section: 'Symptomen' })
  })

  test('a language restricts the results to it, and the limit cuts the list', () => {
    const hits = index.search('server', { lang: 'nb', limit: 2 })
    expect(hits).toHaveLength(2)
    expect(hits.every((hit) => hit.lang === 'nb')).toBe(true)
  })

  test('a product name from the catalog finds the articles that name the product', () => {
    const articles = new Set(index.search('Contoso Widget Server').map((hit) => hit.article))
    expect(articles).toEqual(new Set(['alpha', 'beta']))
  })

  test('nothing that matches gives no results', () => {
    expect(index.search('zyxwvut')).toEqual([])
  })

  test('codes are taken whole and KB prefixes also bare', () => {
    expect(codes('Error 0x8024400E, see KB954960 (3.1.6001.66).')).toEqual([
      '0x8024400e',
      'kb954960',
      '954960',
      '3.1.6001.66',
    ])
  })
})

describe('SearchIndex.build', () => {
  test('lets other work run between articles, so a server keeps answering while it indexes', async () => {
    const order: string[] = []
    const tracked: DocumentSource = {
      ...source,
      tree: async (options) => {
        order.push(`index ${options.article}`)
        return source.tree(options)
      },
    }
    const building = SearchIndex.build(model, tracked).then((built) => {
      order.push('built')
      return built
    })
    setImmediate(() => order.push('other request'))
    const built = await building
    const between = order.indexOf('other request')
    expect(between).toBeGreaterThan(order.indexOf('index alpha'))
    expect(between).toBeLessThan(order.indexOf('index beta'))
    expect(built.search('0x80001001')[0]?.article).toBe('alpha')
  })
})
