// The Polish and Norwegian documents read like the seeds: their terms, their structure, their dates.
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { renderDocument } from '../../src/render/renderer.ts'
import { kb as runKb } from '../helpers/run-cli.ts'

let kb: KnowledgeBase
const render = (doc: 'kb' | 'advisory', lang: 'pl' | 'nb') =>
  renderDocument(kb, { article: '954960', doc, lang, format: 'md' })

beforeAll(async () => {
  kb = await loadKnowledgeBase()
})

/** Every string of a locale file, by dotted key (`_meta` left out). */
async function strings(lang: string, namespace: string): Promise<Map<string, string>> {
  const flat = new Map<string, string>()
  const walk = (node: unknown, prefix: string) => {
    if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key !== '_meta') walk(value, prefix ? `${prefix}.${key}` : key)
      }
    } else flat.set(prefix, String(node))
  }
  walk(parse(await readFile(new URL(`../../locales/${lang}/${namespace}.yaml`, import.meta.url), 'utf8')), '')
  return flat
}

/** Numbered top-level list items of one `## heading` section. */
function topLevelSteps(markdown: string, heading: string): string[] {
  const section = markdown.split(`## ${heading}\n`)[1]?.split(/\n## /)[0] ?? ''
  return section.split('\n').filter((line) => /^\d+\. /.test(line))
}

describe('Polish and Norwegian translations', () => {
  it('keeps no string in English except product names and words both languages share', async () => {
    // Identical to English on purpose: a brand title and names that Microsoft does not translate.
    const allowed = new Set([
      'pl common advisory.title',
      'nb common facts.product.values.sbs2003',
      'nb common facts.product.values.sce2007',
      'nb common facts.product.values.sccm2007',
      'nb common kb.status',
      'nb 954960 kb.symptoms.conditional.sce-2007',
      'nb 954960 kb.symptoms.conditional.sccm-2007',
      // Product names with their version: the same in every language.
      'pl common facts.wsusVersion.values.2.0',
      'pl common facts.wsusVersion.values.3.0',
      'nb common facts.wsusVersion.values.2.0',
      'nb common facts.wsusVersion.values.3.0',
    ])
    // A string of placeholders and punctuation only has no words to translate.
    const wordless = (text: string) => !/\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''))
    const untranslated: string[] = []
    for (const namespace of ['common', '954960']) {
      const english = await strings('en', namespace)
      for (const lang of ['pl', 'nb']) {
        const translated = await strings(lang, namespace)
        for (const [key, text] of english) {
          const id = `${lang} ${namespace} ${key}`
          if (translated.get(key) === text && !allowed.has(id) && !wordless(text)) untranslated.push(id)
        }
      }
    }
    expect(untranslated).toEqual([])
  })

  it('renders the Polish KB article with the seed headings, Polish log placeholders and dates', async () => {
    const markdown = await render('kb', 'pl')
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '))
    expect(headings.slice(0, 7)).toEqual([
      '## Symptomy',
      '## Przyczyna',
      '## Rozwiązanie',
      '## Obejście problemu',
      '## Więcej informacji',
      '## Stan',
      '## Właściwości',
    ])
    // Seed 001 prints the excerpts with its spaces collapsed and a Polish server name.
    expect(markdown.match(/^Data Godzina 788 ee4 PT /gm)).toHaveLength(9)
    expect(markdown).toContain('Server URL = http://serwer_WSUS/ClientWebService/client.asmx')
    expect(markdown.match(/^Data Godzina UTC/gm)).toHaveLength(2)
    expect(markdown).toContain('usunięte wiersze')
    expect(markdown).not.toContain('Date Time')
    expect(markdown).toContain('Data wydania: 1 sierpnia 2008')
    expect(markdown).toContain('ostatni przegląd: 11 czerwca 2009')
    expect(topLevelSteps(markdown, 'Obejście problemu')).toHaveLength(7)
  })

  it('renders the Norwegian KB article, which has no seed, with the terms of the Norwegian advisory', async () => {
    const markdown = await render('kb', 'nb')
    expect(markdown).toContain('## Midlertidig løsning')
    expect(markdown).toContain(
      '[sikkerhetsveiledningen](http://technet.microsoft.com/security/advisory/954960)',
    )
    expect(markdown.match(/^Dato Klokkeslett {2}788/gm)).toHaveLength(9)
    expect(markdown.match(/^Dato Klokkeslett UTC/gm)).toHaveLength(2)
    expect(markdown).toContain('Utgivelsesdato: 1. august 2008')
    expect(markdown).toContain('for eksempel HTTP, FTP, NNTP eller SMTP')
    expect(topLevelSteps(markdown, 'Midlertidig løsning')).toHaveLength(7)
  })

  it('renders the Norwegian advisory with every FAQ question and the six revisions of the seed', async () => {
    const markdown = await render('advisory', 'nb')
    expect(markdown).toContain('Publisert: 30. juni 2008 | Oppdatert: 12. august 2008')
    const faq = markdown.split('## Vanlige spørsmål\n')[1]?.split('\n## ')[0] ?? ''
    expect(faq.match(/^\*\*.+\?\*\*$/gm)).toHaveLength(8)
    // Dates at the start of an item stay text: the list is not turned into an ordered list.
    expect(markdown).toContain('- 30\\. juni 2008: Veiledning publisert.')
    expect(markdown.match(/^- \d+\\\. \p{L}+ 2008: /gmu)).toHaveLength(6)
  })

  it('renders the Polish advisory, which has no seed, with the terms of the Polish KB', async () => {
    const markdown = await render('advisory', 'pl')
    expect(markdown).toMatch(/^# Microsoft Security Advisory 954960\n/)
    expect(markdown).toContain('Opublikowano: 30 czerwca 2008 | Zaktualizowano: 12 sierpnia 2008')
    expect(markdown).toContain('sekcji „Obejście problemu”')
    expect(markdown).toContain(
      '**Dlaczego firma Microsoft zaktualizowała ten dokument w dniu 1 sierpnia 2008?**',
    )
    expect(markdown.match(/^- \d+ \p{L}+ 2008: /gmu)).toHaveLength(6)
  })

  it('answers kb check in Polish with the upgrade to SP1 and the manual workaround', async () => {
    const run = await runKb([
      'check',
      '--article',
      '954960',
      '--lang',
      'pl',
      '--fact',
      'wsusVersion=3.0',
      '--fact',
      'office2003OnClients=true',
    ])
    expect(run.stdout).toMatch(/^Artykuł 954960\nOcena: Problem występuje\n/)
    expect(run.stdout).toContain('Uaktualnij program do wersji WSUS 3.0 z dodatkiem SP1')
    expect(run.stdout).toContain(
      'zresetuj ręcznie zatwierdzenia aktualizacji D359F493-0AAD-43FA-AF5C-6763326CD98F',
    )
  })
})
