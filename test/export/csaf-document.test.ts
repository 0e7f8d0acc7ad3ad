/** What an integrator sees in the CSAF export: statuses from the rules, translations, file names. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCsaf, csafTrackingId } from '../../src/export/csaf-document.ts'
import { CsafExportError } from '../../src/export/csaf-export-error.ts'
import { csafFileName, csafRelativePath, csafUrl } from '../../src/export/csaf-files.ts'
import type { CsafDocument } from '../../src/export/csaf-types.ts'
import { productScenarios } from '../../src/export/product-scenarios.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { languages } from '../../src/render/i18n.ts'

const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url))
const articleFile = 'articles/954960/article.yaml'
let kb: KnowledgeBase
let english: CsafDocument
let temp: string
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  english = await buildCsaf(kb, { article: '954960', lang: 'en' })
  temp = await mkdtemp(path.join(tmpdir(), 'kb-csaf-'))
})
afterAll(() => rm(temp, { recursive: true, force: true }))

const statusOf = (document: CsafDocument, productId: string) =>
  Object.entries(document.vulnerabilities[0]!.product_status)
    .filter(([, ids]) => (ids as string[]).includes(productId))
    .map(([status]) => status)

/** A copy of rules/ with article.yaml edited, loaded as a knowledge base. */
async function editedRules(name: string, edit: (text: string) => string): Promise<KnowledgeBase> {
  const dir = path.join(temp, name, 'rules')
  await cp(rulesDir, dir, { recursive: true })
  const file = path.join(dir, articleFile)
  await writeFile(file, edit(await readFile(file, 'utf8')))
  return loadKnowledgeBase(dir)
}

describe('product_status', () => {
  it('puts every product exactly where `kb check` puts its facts', async () => {
    const { scenarios } = await productScenarios(kb, '954960')
    const mapping = {
      affected: 'known_affected',
      fixed: 'fixed',
      not_affected: 'known_not_affected',
    } as const
    const judged = scenarios.filter((scenario) => scenario.facts && scenario.verdict !== 'unknown')
    expect(judged.length).toBeGreaterThan(8)
    for (const scenario of judged) {
      // The fast path of batch checks, with the evidence defaults `kb check` applies.
      const [verdict] = kb.verdicts(kb.prepareFacts(scenario.facts).facts, { article: '954960' })
      expect(statusOf(english, scenario.productId)).toEqual([
        mapping[verdict!.verdict as keyof typeof mapping],
      ])
    }
    expect(english.vulnerabilities[0]!.product_status.under_investigation).toBeUndefined()
  })

  it('lists WSUS 3.0 SP1 with the unfixed DLL as affected and with the fixed DLL as fixed', () => {
    expect(statusOf(english, 'wsus-3.0')).toEqual(['known_affected'])
    expect(statusOf(english, 'wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1')).toEqual([
      'known_affected',
    ])
    expect(statusOf(english, 'wsus-client-webservice-dll-3.1.6001.66:wsus-3.0-sp1')).toEqual(['fixed'])
    // SBS 2003 as shipped runs WSUS 2.0: the rules' derivation decides it, not the export.
    expect(statusOf(english, 'wsus-2.0:sbs-2003')).toEqual(['known_not_affected'])
    // A product whose verdict depends on the DLL version has no status of its own.
    expect(statusOf(english, 'wsus-3.0-sp1')).toEqual([])
    for (const platform of ['sbs-2003', 'sce-2007', 'sccm-2007'])
      expect(statusOf(english, platform)).toEqual([])
  })

  // nl/nb advisory: SBS 2003 is affected once upgraded to WSUS 3.0 or 3.0 SP1; SCE 2007 and SCCM 2007 use
  // the WSUS catalog (WSUS 3.0 or 3.0 SP1). Every combination carries the status of the WSUS inside it.
  it.each(['sbs-2003', 'sce-2007', 'sccm-2007'])(
    'lists %s on WSUS 3.0 and on WSUS 3.0 SP1 with either DLL version',
    (platform) => {
      expect(statusOf(english, `wsus-3.0:${platform}`)).toEqual(['known_affected'])
      expect(statusOf(english, `wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1:${platform}`)).toEqual([
        'known_affected',
      ])
      expect(statusOf(english, `wsus-client-webservice-dll-3.1.6001.66:wsus-3.0-sp1:${platform}`)).toEqual([
        'fixed',
      ])
      const relationships = english.product_tree.relationships!.filter(
        (relationship) => relationship.relates_to_product_reference === platform,
      )
      expect(relationships.map((relationship) => relationship.product_reference).sort()).toEqual(
        [
          'wsus-3.0',
          'wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1',
          'wsus-client-webservice-dll-3.1.6001.66:wsus-3.0-sp1',
          ...(platform === 'sbs-2003' ? ['wsus-2.0'] : []),
        ].sort(),
      )
      // SBS 2003 ships its own WSUS (a derivation of the rules); SCE and SCCM use the one installed beside them.
      const category = platform === 'sbs-2003' ? 'installed_on' : 'installed_with'
      for (const relationship of relationships) expect(relationship.category).toBe(category)
    },
  )

  it('combines a conditional product only with the products its `through` lists', async () => {
    const changed = await editedRules('through', (text) =>
      text.replace(
        '{ product: sce-2007, through: [wsus-3.0, wsus-3.0-sp1] }',
        '{ product: sce-2007, through: [wsus-3.0-sp1] }',
      ),
    )
    const document = await buildCsaf(changed, { article: '954960', lang: 'en' })
    expect(statusOf(document, 'wsus-3.0:sce-2007')).toEqual([])
    expect(statusOf(document, 'wsus-3.0:sccm-2007')).toEqual(['known_affected'])
    expect(statusOf(document, 'wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1:sce-2007')).toEqual([
      'known_affected',
    ])
  })

  it('follows a version changed in a copy of rules/', async () => {
    const changed = await editedRules('versions', (text) =>
      text
        .replace(/^( {2}fixedVersion:) 3\.1\.6001\.66$/m, '$1 3.1.6001.67')
        .replace(/^( {2}unfixedVersion:) 3\.1\.6001\.65$/m, '$1 3.1.6001.66'),
    )
    const document = await buildCsaf(changed, { article: '954960', lang: 'en' })
    expect(statusOf(document, 'wsus-client-webservice-dll-3.1.6001.66:wsus-3.0-sp1')).toEqual([
      'known_affected',
    ])
    expect(statusOf(document, 'wsus-client-webservice-dll-3.1.6001.67:wsus-3.0-sp1')).toEqual(['fixed'])
    expect(JSON.stringify(document)).not.toContain('3.1.6001.65')
  })

  it('refuses to export a product the rules leave undecided instead of calling it under investigation', async () => {
    const changed = await editedRules('undecided', (text) =>
      text.replace(
        '  notAffected: [wsus-2.0, wsus-3.0-sp2]',
        '  notAffected: [wsus-2.0, wsus-3.0-sp2, office-2003]',
      ),
    )
    await expect(buildCsaf(changed, { article: '954960', lang: 'en' })).rejects.toThrow(CsafExportError)
    await expect(buildCsaf(changed, { article: '954960', lang: 'en' })).rejects.toThrow(
      /office-2003.*under_investigation/,
    )
  })
})

describe('remediations and threats', () => {
  const vulnerability = () => english.vulnerabilities[0]!
  const groupOf = (id: string) => english.product_tree.product_groups!.find((group) => group.group_id === id)!

  it('offers KB954960 with its URL and release date for SP1, and the workaround for RTM', () => {
    const fix = vulnerability().remediations!.find((entry) => entry.category === 'vendor_fix' && entry.date)!
    expect(fix.url).toBe('http://support.microsoft.com/kb/954960')
    expect(fix.date).toBe('2008-08-01T00:00:00.000Z')
    expect(groupOf(fix.group_ids![0]!).product_ids).toContain(
      'wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1',
    )
    const workaround = vulnerability().remediations!.find((entry) => entry.category === 'workaround')!
    expect(workaround.details).toContain('D359F493-0AAD-43FA-AF5C-6763326CD98F')
    expect(groupOf(workaround.group_ids![0]!).product_ids).toEqual([
      'wsus-3.0',
      'wsus-3.0:sbs-2003',
      'wsus-3.0:sce-2007',
      'wsus-3.0:sccm-2007',
    ])
    expect(groupOf(fix.group_ids![0]!).product_ids).toEqual([
      'wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1',
      'wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1:sbs-2003',
      'wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1:sce-2007',
      'wsus-client-webservice-dll-3.1.6001.65:wsus-3.0-sp1:sccm-2007',
    ])
  })

  it('explains each not-affected product with the sentence of the rule that decided it', () => {
    const impact = vulnerability().threats.find((threat) => threat.product_ids?.includes('wsus-3.0-sp2'))!
    expect(impact.category).toBe('impact')
    expect(impact.details).toBe('WSUS 3.0 SP2 is not among the products the article applies to.')
  })
})

describe('translations', () => {
  it.each(languages.filter((lang) => lang !== 'en'))(
    '%s is a translator document pointing to the original',
    async (lang) => {
      const document = await buildCsaf(kb, { article: '954960', lang })
      expect(document.document.lang).toBe(lang)
      expect(document.document.source_lang).toBe('en')
      expect(document.document.publisher.category).toBe('translator')
      expect(document.document.tracking.id).toBe(`KBA-954960-${lang}`)
      const original = english.document.references.find((reference) => reference.category === 'self')!
      expect(document.document.references[0]).toMatchObject({ category: 'external', url: original.url })
      const self = document.document.references.find((reference) => reference.category === 'self')!
      expect(self.url.endsWith(`/kba-954960-${lang}.json`)).toBe(true)
      // Same products and statuses in every language: only the words change.
      expect(document.vulnerabilities[0]!.product_status).toEqual(english.vulnerabilities[0]!.product_status)
      expect(document.vulnerabilities[0]!.ids).toEqual(english.vulnerabilities[0]!.ids)
    },
  )

  it('keeps the original free of source_lang and names the advisory and KB in ids', () => {
    expect(english.document.source_lang).toBeUndefined()
    expect(english.document.publisher.category).toBe('other')
    expect(english.vulnerabilities[0]!.ids).toEqual([
      { system_name: 'Microsoft Security Advisory', text: '954960' },
      { system_name: 'Microsoft Knowledge Base', text: 'KB954960' },
    ])
  })

  it('gives csaf.yaml the same keys in every language', async () => {
    const { parse } = await import('yaml')
    const keys = (node: unknown, prefix = ''): string[] =>
      node && typeof node === 'object'
        ? Object.entries(node).flatMap(([key, child]) => keys(child, `${prefix}${key}.`))
        : [prefix.slice(0, -1)]
    const read = async (lang: string) =>
      parse(
        await readFile(fileURLToPath(new URL(`../../locales/${lang}/csaf.yaml`, import.meta.url)), 'utf8'),
      )
    const expected = keys(await read('en'))
    for (const lang of languages.filter((candidate) => candidate !== 'en')) {
      const translated = keys(await read(lang)).filter((key) => !key.startsWith('_meta.'))
      expect(translated.sort(), lang).toEqual([...expected].sort())
    }
  })
})

describe('file names and text', () => {
  it('names files by the lower-cased tracking id as §5.1 says', () => {
    expect(csafFileName(csafTrackingId('954960', 'en'))).toBe('kba-954960.json')
    expect(csafFileName('ACME Advisory 2024:01')).toBe('acme_advisory_2024_01.json')
    expect(csafUrl('https://example.org/csaf', '2008-06-30', 'KBA-954960-nb')).toBe(
      'https://example.org/csaf/2008/kba-954960-nb.json',
    )
    expect(csafRelativePath(english.document.tracking.initial_release_date, 'KBA-954960')).toBe(
      '2008/kba-954960.json',
    )
  })

  it('writes notes as plain text, keeping link targets', () => {
    // locales/en: "**Note** The issue …, first described in [Microsoft Security Advisory 954474](http://…954474), …"
    const related = english.document.notes.find((note) => note.title === 'Related issue')!
    expect(related.text).toMatch(
      /^Note The issue .* first described in Microsoft Security Advisory 954474 \(http:\/\/technet\.microsoft\.com\/security\/advisory\/954474\), /,
    )
    for (const note of english.document.notes) expect(note.text).not.toMatch(/\]\(|\*\*|\n$/)
    expect(english.document.notes.filter((note) => note.category === 'faq').length).toBeGreaterThan(3)
    expect(english.document.notes.some((note) => note.category === 'legal_disclaimer')).toBe(true)
  })
})
