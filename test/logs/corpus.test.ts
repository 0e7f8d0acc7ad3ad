/**
 * Real-world excerpts and whole logs from ../shared/corpus/logs/ (third-party text, read in place,
 * never copied), and the source documents in ../shared/seeds/. Skipped when those folders are absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { diagnoseLogs } from '../../src/logs/diagnose.ts'
import { signatures } from './helpers.ts'

const corpusDir = fileURLToPath(new URL('../../../shared/corpus/logs/', import.meta.url))
const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url))
const hasCorpus = existsSync(`${corpusDir}README.md`)
const hasSeeds = existsSync(seedsDir)
if (!hasCorpus) console.log(`Skipping the log corpus tests: ${corpusDir} is absent`)
if (!hasSeeds) console.log(`Skipping the seed excerpt tests: ${seedsDir} is absent`)

/** `954960` → confirmed; `near-miss` and `no` → none, as the corpus README's table says. */
function expectations(): Array<[string, 'confirmed' | 'none']> {
  const rows = readFileSync(`${corpusDir}README.md`, 'utf8').matchAll(
    /^\| ([^|\s]+\.log) \|[^|]*\| ([^|\s]+) \|$/gm,
  )
  return [...rows].map(([, file, expected]) => [file!, expected === '954960' ? 'confirmed' : 'none'])
}

describe.skipIf(!hasCorpus)('corpus excerpts: the level the README expects', () => {
  const rows = hasCorpus ? expectations() : []

  it('lists every excerpt of the folder', () => {
    const files = readdirSync(corpusDir).filter((name) => name.endsWith('.log'))
    expect(rows.map(([file]) => file).sort()).toEqual(files.sort())
  })

  it.each(rows)('%s → %s', async (file, expected) => {
    const kind = file.startsWith('server-') ? 'softwaredistribution' : 'windowsupdate'
    const report = await diagnoseLogs({ [kind]: `${corpusDir}${file}` }, { signatures })
    expect(report.logs[kind]!.files[0]!.problem).toBeUndefined()
    expect(report.logs[kind]!.level).toBe(expected)
    // A near miss must not even leave a partial block behind.
    expect(report.logs[kind]!.files[0]!.blocks).toEqual([])
  })
})

describe.skipIf(!hasCorpus)('corpus full/ logs: whole real WindowsUpdate.log files', () => {
  const files = hasCorpus ? readdirSync(`${corpusDir}full`).sort() : []

  it('holds the twelve files', () => {
    expect(files).toHaveLength(12)
  })

  it('finds nothing in any of them, reading every line', async () => {
    const report = await diagnoseLogs(
      { windowsupdate: files.map((file) => `${corpusDir}full/${file}`) },
      { signatures },
    )
    for (const file of report.logs.windowsupdate!.files) {
      expect([file.name, file.level, file.problem]).toEqual([file.name, 'none', undefined])
      expect(file.stats.records).toBeGreaterThan(1000)
    }
  })
})

/**
 * The seed documents quote the client block and the server exception. The KB articles (en, nl, pl)
 * and the nb advisory quote them verbatim: confirmed and correlated. The nl advisory translated parts
 * of them ("Serverupdates worden gesynchroniseerd", "SOAP-fout", "De methode:", "Het item is reeds
 * toegevoegd"), which Windows never writes, so only the untranslated lines match: partial on both
 * sides, still correlated by the untranslated ID lines.
 */
describe.skipIf(!hasSeeds)('seed excerpts', () => {
  it.each([
    ['000_b0b860083d304d4c.txt', 'nl KB', 'confirmed'],
    ['001_ce48b6c5d54acf35.txt', 'pl KB', 'confirmed'],
    ['002_f97d48599003fdd1.txt', 'en KB', 'confirmed'],
    ['004_e5fa6369e3e9eadf.txt', 'nb advisory', 'confirmed'],
    ['003_d42736ee059f24c9.txt', 'nl advisory (translated log lines)', 'partial'],
  ])('%s (%s) → %s, IDs correlated', async (file, _what, level) => {
    const path = `${seedsDir}${file}`
    const report = await diagnoseLogs({ windowsupdate: path, softwaredistribution: path }, { signatures })
    expect(report.facts).toEqual({ clientSymptom: level, serverSymptom: level, symptomIdsCorrelated: true })
    expect(report.sharedIds).toEqual(['c0a7445f-b989-43fa-ac20-11f8ca65fa8c'])
  })
})
