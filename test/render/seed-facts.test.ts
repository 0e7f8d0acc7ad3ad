// The eight documents of article 954960 against the seeds (../shared/seeds, the ground truth): log bytes,
// support lines, package titles, links, sections and page metadata, per language.
import { existsSync, readFileSync } from 'node:fs'
import type { Root } from 'mdast'
import { beforeAll, describe, expect, test } from 'vitest'
import type { ArticleFile } from '../../src/kb/schema/article.ts'
import { Renderer } from '../../src/render/renderer.ts'

let renderer: Renderer
let article: ArticleFile
beforeAll(async () => {
  renderer = await Renderer.load()
  article = renderer.model.articles.find((entry) => entry.id === '954960')!.article
})

const languages = ['en', 'nl', 'pl', 'nb'] as const
const docs = ['kb', 'advisory'] as const
type Lang = (typeof languages)[number]

const seedsDir = '../shared/seeds'
const seedFiles = {
  kbNl: '000_b0b860083d304d4c.txt',
  kbPl: '001_ce48b6c5d54acf35.txt',
  kbEn: '002_f97d48599003fdd1.txt',
  advisoryNl: '003_d42736ee059f24c9.txt',
  advisoryNb: '004_e5fa6369e3e9eadf.txt',
}
const haveSeeds = existsSync(`${seedsDir}/${seedFiles.advisoryNb}`)
const seed = (file: string) => readFileSync(`${seedsDir}/${file}`, 'utf8')

/** The client and server excerpts of a KB seed: plain lines that start with its placeholder words. */
function kbSeedExcerpts(text: string, words: string): [string, string] {
  const lines = text.split('\n')
  const client = lines.filter((line) => line.startsWith(`${words} 788 `))
  const first = lines.findIndex((line) => line.startsWith(`${words} UTC Error`))
  const last = lines.findIndex((line) => line.startsWith(`${words} UTC Warning`))
  return [client.join('\n'), lines.slice(first, last + 1).join('\n')]
}

/** The client and server excerpts of an advisory seed: one indented code span per line. */
function advisorySeedExcerpts(text: string): [string, string] {
  const code = [...text.matchAll(/^ +`(.*)`$/gm)].map((match) => match[1]!)
  const client = code.filter((line) => line.startsWith('2008-06-13'))
  return [client.join('\n'), code.slice(client.length).join('\n')]
}

/** The code blocks of a document that hold log lines (the multi-line ones), as the renderer builds them. */
async function logBlocks(doc: 'kb' | 'advisory', lang: Lang): Promise<string[]> {
  const tree = await renderer.tree({ article: '954960', doc, lang })
  const blocks: string[] = []
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'code' && node.value.includes('\n')) blocks.push(node.value)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return blocks
}

/** Every link target of a document's tree. */
async function links(doc: 'kb' | 'advisory', lang: Lang): Promise<string[]> {
  const tree = await renderer.tree({ article: '954960', doc, lang })
  const found: string[] = []
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'link') found.push(node.url)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return found
}

describe.runIf(haveSeeds)('log excerpts, byte for byte as the seed of each document prints them', () => {
  test.each([
    ['kb', 'en', () => kbSeedExcerpts(seed(seedFiles.kbEn), 'Date Time')],
    ['kb', 'nl', () => kbSeedExcerpts(seed(seedFiles.kbNl), 'Date Time')],
    ['kb', 'pl', () => kbSeedExcerpts(seed(seedFiles.kbPl), 'Data Godzina')],
    ['advisory', 'nl', () => advisorySeedExcerpts(seed(seedFiles.advisoryNl))],
    // No English or Polish advisory seed: they print the log's own lines, as the Norwegian seed does.
    ['advisory', 'nb', () => advisorySeedExcerpts(seed(seedFiles.advisoryNb))],
    ['advisory', 'en', () => advisorySeedExcerpts(seed(seedFiles.advisoryNb))],
    ['advisory', 'pl', () => advisorySeedExcerpts(seed(seedFiles.advisoryNb))],
  ] as const)('the %s in %s', async (doc, lang, excerpts) => {
    const [client, server] = excerpts()
    expect(client.split('\n')).toHaveLength(9)
    expect(server.split('\n')).toHaveLength(10)
    expect(await logBlocks(doc, lang)).toEqual([client, server])
  })

  test('the Norwegian KB page, which has no seed, prints the log lines of seed 004 under its placeholders', async () => {
    const [client, server] = advisorySeedExcerpts(seed(seedFiles.advisoryNb))
    const placeheld = (text: string) =>
      text
        .replace(/^\d{4}-\d\d-\d\d +\d\d:\d\d:\d\d[.:]\d{3}/gm, 'Dato Klokkeslett')
        .replace(/^ *<lines removed>$/m, 'linjer fjernet')
    expect(await logBlocks('kb', 'nb')).toEqual([placeheld(client), placeheld(server)])
  })

  test('the Dutch seed localizes what the others keep in English', () => {
    const [, dutch] = advisorySeedExcerpts(seed(seedFiles.advisoryNl))
    expect(dutch).toContain('2008-06-14 02:59:57,642 UTC Error')
    expect(dutch).toContain('       <regels verwijderd>')
    const [, norwegian] = advisorySeedExcerpts(seed(seedFiles.advisoryNb))
    expect(norwegian).toContain('2008-06-14 02:59:57.642 UTC Error')
    expect(norwegian).toContain('       <lines removed>')
  })
})

test.each([
  ['nl', '2008-06-14 02:59:57,642 UTC Error  w3wp.12', '       <regels verwijderd>'],
  ['nb', '2008-06-14 02:59:57.642 UTC Error  w3wp.12', '       <lines removed>'],
  ['en', '2008-06-14 02:59:57.642 UTC Error  w3wp.12', '       <lines removed>'],
  ['pl', '2008-06-14 02:59:57.642 UTC Error  w3wp.12', '       <lines removed>'],
] as const)(
  'the %s advisory prints the server log with its seed’s timestamp and marker',
  async (lang, line, marker) => {
    const [, server] = await logBlocks('advisory', lang)
    expect(server).toContain(`${line}       ClientImplementation.SyncUpdates`)
    expect(server!.split('\n')).toContain(marker)
    expect(server).not.toContain('02:59:57.642  UTC')
  },
)

const supportLines = {
  en: 'Customers in the United States and Canada can receive technical support from [Microsoft Product Support Services](http://go.microsoft.com/fwlink/?linkid=21131). For more information about available support options, see [Microsoft Help and Support](http://support.microsoft.com/).',
  nl: 'Technische ondersteuning van [Microsoft Product Support Services](http://support.microsoft.com/?ln=nl) is beschikbaar via 020-500 1005. Zie [Hulp en ondersteuning van Microsoft](http://support.microsoft.com/) voor meer informatie over de beschikbare ondersteuningsopties.',
  nb: 'Kunder i USA og Canada kan få kundestøtte hos [Microsoft Product Support Services](http://go.microsoft.com/fwlink/?linkid=21131). Du finner mer informasjon om tilgjengelige alternativer for støtte ved å gå til [Microsoft Hjelp og støtte](http://support.microsoft.com/).',
  pl: 'Klienci w Stanach Zjednoczonych i Kanadzie mogą uzyskać pomoc techniczną w dziale [Microsoft Product Support Services](http://go.microsoft.com/fwlink/?linkid=21131). Aby uzyskać więcej informacji o dostępnych opcjach pomocy technicznej, odwiedź witrynę [Pomoc i obsługa techniczna firmy Microsoft](http://support.microsoft.com/).',
}

test.each(languages)('the %s advisory has its own support line', async (lang) => {
  const text = await renderer.render({ article: '954960', doc: 'advisory', lang, format: 'md' })
  expect(text).toContain(`\n- ${supportLines[lang]}\n`)
  // Only the Dutch seed names a phone number; no other language gets one.
  if (lang !== 'nl') expect(text).not.toMatch(/\d{3}-\d{3} \d{4}/)
})

test.runIf(haveSeeds)('the Dutch and Norwegian support lines are those of seeds 003 and 004', () => {
  expect(seed(seedFiles.advisoryNl)).toContain(`-   ${supportLines.nl}`)
  expect(seed(seedFiles.advisoryNb)).toContain(`  - ${supportLines.nb}`)
})

test('the phone number and the Dutch support page are facts of rules/, not of the translation', () => {
  expect(article.values.supportPhoneNl).toBe('020-500 1005')
  const pss = article.references.find((reference) => reference.id === 'support-pss')!
  expect(pss.urls?.nl).toBe('http://support.microsoft.com/?ln=nl')
  const locale = readFileSync('locales/nl/954960.yaml', 'utf8')
  expect(locale).not.toContain('020-500 1005')
  expect(locale).not.toContain('?ln=nl')
})

const packageTitles = {
  en: [
    'Download the Windows Server Update Services (WSUS) 3 Service Pack 1 update package (KB954960) now.',
    'Download the Windows Server Update Services (WSUS) 3 Service Pack 1 update package for x64-based systems now.',
  ],
  nl: [
    'Het updatepakket voor Windows Server Update Services (WSUS) 3 Service Pack 1 (KB954960) nu downloaden.',
    'Het updatepakket voor Windows Server Update Services (WSUS) 3 Service Pack 1 voor x64-systemen nu downloaden.',
  ],
  pl: [
    'Pobierz teraz pakiet aktualizacji dla programu Windows Server Update Services (WSUS) 3 z dodatkiem Service Pack 1 (KB954960).',
    'Pobierz teraz pakiet aktualizacji dla programu Windows Server Update Services (WSUS) 3 z dodatkiem Service Pack 1 dla komputerów z procesorami x64.',
  ],
  nb: [
    'Last ned oppdateringspakken for Windows Server Update Services (WSUS) 3 Service Pack 1 (KB954960) nå.',
    'Last ned oppdateringspakken for Windows Server Update Services (WSUS) 3 Service Pack 1 for x64-baserte systemer nå.',
  ],
}

test.each(languages)('the %s KB article names the two SP1 packages as text, not as links', async (lang) => {
  const text = await renderer.render({ article: '954960', doc: 'kb', lang, format: 'md' })
  for (const title of packageTitles[lang]) expect(text).toContain(`   - ${title}\n`)
})

test.runIf(haveSeeds)('the Dutch and Polish package titles are the words of seeds 000 and 001', () => {
  for (const title of packageTitles.nl) expect(seed(seedFiles.kbNl)).toContain(title)
  for (const title of packageTitles.pl) expect(seed(seedFiles.kbPl)).toContain(title)
})

describe.each(docs)('the %s document links', (doc) => {
  test.each(languages)('in %s, never to itself', async (lang) => {
    const own = doc === 'kb' ? article.kb!.url : article.advisory!.url
    const targets = await links(doc, lang)
    expect(targets.length).toBeGreaterThan(0)
    expect(targets).not.toContain(own)
    // The other document of the pair is linked, as the seeds link it.
    expect(targets).toContain(doc === 'kb' ? article.advisory!.url : article.kb!.url)
  })
})

test.each(languages)(
  'the %s advisory has the sections of the advisory seeds only: no workaround, no known issues',
  async (lang) => {
    const advisory = await renderer.render({ article: '954960', doc: 'advisory', lang, format: 'md' })
    const kb = await renderer.render({ article: '954960', doc: 'kb', lang, format: 'md' })
    const common = renderer.resources[lang]?.common as { kb: { workaround: string; knownIssues: string } }
    for (const heading of [common.kb.workaround, common.kb.knownIssues]) {
      expect(kb).toMatch(new RegExp(`^#+ ${heading}$`, 'm'))
      expect(advisory).not.toMatch(new RegExp(`^#+ ${heading}$`, 'm'))
    }
    expect(kb).toContain('wuauclt.exe /detectnow')
    expect(advisory).not.toContain('wuauclt.exe /detectnow')
  },
)

test.each([
  ['en', 'Article ID: 954960 - Last Review: May 5, 2009 - Revision: 7.0'],
  ['nl', 'Artikel-id: 954960 - Laatst bijgewerkt: 11 juni 2009 - Revisie: 1'],
  ['pl', 'Identyfikator artykułu: 954960 — ostatni przegląd: 11 czerwca 2009 — zmiana: 7.0'],
  ['nb', 'Artikkel-ID: 954960 – Sist gjennomgått: 5. mai 2009 – Revisjon: 7.0'],
] as const)('the %s KB page shows its own last review and revision', async (lang, line) => {
  const text = await renderer.render({ article: '954960', doc: 'kb', lang, format: 'text' })
  expect(text).toContain(line)
})

test.runIf(haveSeeds)('the pages’ review dates and revisions are those of seeds 002, 000 and 001', () => {
  expect(seed(seedFiles.kbEn)).toContain('Last Review: May 5, 2009 - Revision: 7.0')
  expect(article.kb!.pages.en).toEqual({ lastReview: '2009-05-05', revision: '7.0' })
  expect(seed(seedFiles.kbNl)).toContain('Laatst bijgewerkt: 11 jun. 2009 - Revisie: 1')
  expect(article.kb!.pages.nl).toEqual({ lastReview: '2009-06-11', revision: '1' })
  // Seed 001 writes the date month first (06/11/2009): June 11.
  expect(seed(seedFiles.kbPl)).toContain('ostatni przegląd: 06/11/2009 19:03:41 — zmiana: 7.0')
  expect(article.kb!.pages.pl).toEqual({ lastReview: '2009-06-11', revision: '7.0' })
})

test('the English advisory speaks as an advisory: its headings in title case, no KB voice', async () => {
  const text = await renderer.render({ article: '954960', doc: 'advisory', lang: 'en', format: 'md' })
  const headings = text.split('\n').filter((line) => line.startsWith('#'))
  expect(headings).toEqual([
    '# Microsoft Security Advisory 954960',
    '## Microsoft Windows Server Update Services (WSUS) Blocked from Deploying Security Updates',
    '## General Information',
    '### Overview',
    '## Frequently Asked Questions',
    '## Suggested Actions',
    '## Other Information',
  ])
  expect(text).toContain(
    'released through the Microsoft Download Center on August 1, 2008, are now also available through Microsoft Update.',
  )
  expect(text).toContain('Microsoft encourages customers to install this update.')
  expect(text).not.toMatch(/\bWe recommend\b|\byou upgrade\b/)
})

test.runIf(haveSeeds)(
  'the Polish documents name the service pack in running text as seed 001 does',
  async () => {
    for (const phrase of [
      'z uruchomionym programem WSUS 3.0 z dodatkiem SP1',
      'Windows Server Update Services 3.0 z dodatkiem Service Pack 1',
    ]) {
      expect(seed(seedFiles.kbPl)).toContain(phrase)
      const kb = await renderer.render({ article: '954960', doc: 'kb', lang: 'pl', format: 'text' })
      expect(kb).toContain(phrase)
    }
    const advisory = await renderer.render({ article: '954960', doc: 'advisory', lang: 'pl', format: 'text' })
    expect(advisory).toContain('Windows Server Update Services 3.0 z dodatkiem Service Pack 1')
    expect(advisory).not.toMatch(/3\.0 (SP1|Service Pack 1)/)
  },
)
