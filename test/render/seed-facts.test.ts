import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { beforeAll, expect, test } from 'vitest'
import { Renderer } from '../../src/render/renderer.ts'

let renderer: Renderer
beforeAll(async () => {
  renderer = await Renderer.load()
})

const advisorySeed = '../shared/seeds/004_e5fa6369e3e9eadf.txt'
const serverError =
  "2008-06-14 02:59:57.642 UTC Error  w3wp.12       ClientImplementation.SyncUpdates       System.ArgumentException: Item has already been added. Key in dictionary: '8862'  Key being added: '8862'"
const clientWarning = '2008-06-13    19:59:56:617  788   ee4    PT     WARNING: SOAP Fault: 0x000190'

test.each(['en', 'nb', 'pl'] as const)(
  'the %s advisory prints the log lines byte for byte as seed 004',
  async (lang) => {
    const text = await renderer.render({ article: '954960', doc: 'advisory', lang, format: 'md' })
    expect(text).toContain(serverError)
    expect(text).toContain(clientWarning)
    expect(text).not.toContain('02:59:57.642  UTC')
  },
)

test('the nb advisory indents the elision marker as seed 004 does', async () => {
  const text = await renderer.render({ article: '954960', doc: 'advisory', lang: 'nb', format: 'md' })
  expect(text).toContain('\n         <linjer fjernet>\n')
})

test.runIf(existsSync(advisorySeed))('the pinned log lines are those of seed 004', async () => {
  const seed = await readFile(advisorySeed, 'utf8')
  expect(seed).toContain(`\`${serverError}\``)
  expect(seed).toContain(`\`${clientWarning}\``)
})

test.each(['en', 'nl', 'pl', 'nb'] as const)(
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
