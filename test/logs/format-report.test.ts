import { describe, expect, it } from 'vitest'
import type { DiagnosisReport, FileReport } from '../../src/logs/diagnose.ts'
import { formatDiagnosisText, type Translate } from '../../src/logs/format-report.ts'
import { createI18n, languages, loadResources } from '../../src/render/i18n.ts'

const resources = await loadResources()

async function translator(language: (typeof languages)[number]): Promise<Translate> {
  const i18n = await createI18n(resources, language)
  return (key, values) => i18n.t(key, { ns: 'common', ...values }) as string
}

// Log text is data: placeholders and i18next nesting in it must come out as written.
const hostileText = 'WARNING: {{article}} $t(verdict.affected) {{- ids}}'

function file(overrides: Partial<FileReport>): FileReport {
  return {
    kind: 'windowsupdate',
    name: 'pc1.log',
    level: 'none',
    blocks: [],
    nearMisses: [],
    omittedBlocks: 0,
    faultIds: [],
    correlatedIds: [],
    stats: { bytes: 1, lines: 1, records: 1, truncatedRecords: 0, encoding: 'utf-8' },
    ...overrides,
  }
}

const evidence = { line: 7, lineId: 'sync-failure', timestamp: '2008-06-13\t19:59:56:617', captures: {} }

// Every branch of the text: ids shared or not, missing lines, near misses, omitted blocks, truncation.
const report: DiagnosisReport = {
  article: '954960',
  logs: {
    windowsupdate: {
      level: 'partial',
      files: [
        file({
          level: 'partial',
          faultIds: ['7d3e1f0a'],
          correlatedIds: ['7d3e1f0a'],
          blocks: [
            {
              symptomId: 'client-symptom',
              level: 'partial',
              matched: [
                { ...evidence, text: hostileText },
                { ...evidence, line: 8, timestamp: null, text: 'no timestamp' },
              ],
              missing: ['header', 'soap-fault'],
              faultIds: ['7d3e1f0a'],
            },
          ],
          nearMisses: [
            {
              symptomId: 'client-symptom',
              veto: {
                ...evidence,
                line: 30,
                lineId: 'other-error-code',
                text: 'ErrorCode:InvalidParameters(7)',
              },
              matched: [],
            },
          ],
          omittedBlocks: 3,
          stats: { bytes: 1, lines: 1, records: 1, truncatedRecords: 2, encoding: 'utf-8' },
        }),
        file({ name: 'pc2.log', faultIds: ['00000000'] }),
      ],
    },
    softwaredistribution: {
      level: 'confirmed',
      files: [
        file({
          kind: 'softwaredistribution',
          name: 'SoftwareDistribution.log',
          level: 'confirmed',
          blocks: [
            { symptomId: 'server-symptom', level: 'confirmed', matched: [], missing: [], faultIds: [] },
          ],
        }),
      ],
    },
  },
  correlated: true,
  sharedIds: ['7d3e1f0a'],
  facts: { clientSymptom: 'partial', serverSymptom: 'confirmed', symptomIdsCorrelated: true },
}

describe('formatDiagnosisText', () => {
  it('writes every part of the evidence in English words, fault IDs and log text as data', async () => {
    expect(formatDiagnosisText(report, await translator('en')).split('\n')).toEqual([
      'Article 954960: evidence in the logs',
      'Windows Update client log pc1.log: partial (fault ID 7d3e1f0a, also found in another log)',
      '  Symptom partial: expected lines not found: 2',
      `    line 7 [2008-06-13 19:59:56:617]: ${hostileText}`,
      '    line 8: no timestamp',
      '  Similar lines, but another problem; this line rules it out:',
      '    line 30 [2008-06-13 19:59:56:617]: ErrorCode:InvalidParameters(7)',
      '  3 more blocks not listed',
      '  2 over-long records, matched on their beginning only',
      'Windows Update client log pc2.log: not found (fault ID 00000000)',
      'WSUS server log SoftwareDistribution.log: confirmed',
      '  Symptom confirmed: every expected line found',
      'The logs share fault ID 7d3e1f0a: they show the same failure from each side.',
    ])
  })

  it('names no symptom, line, veto or fact id, in any language', async () => {
    for (const language of languages) {
      const text = formatDiagnosisText(report, await translator(language))
      for (const id of [
        'client-symptom',
        'server-symptom',
        'sync-failure',
        'header',
        'soap-fault',
        'other-error-code',
      ])
        expect(text, language).not.toContain(id)
      expect(text, language).not.toMatch(/clientSymptom|serverSymptom|symptomIdsCorrelated|=/)
    }
  })

  it("says the level in the reader's language", async () => {
    const levels = { nl: 'gedeeltelijk', pl: 'częściowo', nb: 'delvis' }
    for (const [language, partial] of Object.entries(levels)) {
      const first = formatDiagnosisText(report, await translator(language as 'nl')).split('\n')[1]
      expect(first).toContain(`: ${partial} (`)
    }
  })

  it.each(languages.filter((language) => language !== 'en'))(
    'has a translation for every sentence in %s',
    async (language) => {
      const english = formatDiagnosisText(report, await translator('en')).split('\n')
      const translated = formatDiagnosisText(report, await translator(language)).split('\n')
      expect(translated).toHaveLength(english.length)
      for (const [index, line] of translated.entries()) {
        expect(line).not.toContain('diagnose.')
        // Only lines that are pure data (none here) may equal the English.
        expect(line, `line ${index + 1}`).not.toBe(english[index])
      }
      expect(translated.join('\n')).toContain(hostileText)
    },
  )

  it("lists several fault IDs, says a file's problem, and writes a timestamp's white space as one space", async () => {
    const several: DiagnosisReport = {
      article: 'contoso-1001',
      logs: {
        windowsupdate: {
          level: 'partial',
          files: [
            file({
              level: 'partial',
              faultIds: ['0000000a', '0000000b'],
              correlatedIds: ['0000000a', '0000000b'],
              blocks: [
                {
                  symptomId: 's',
                  level: 'partial',
                  matched: [{ ...evidence, timestamp: '2008-06-13 \t  19:59:56:617', text: 'x' }],
                  missing: ['m'],
                  faultIds: ['0000000a', '0000000b'],
                },
              ],
            }),
            file({
              name: 'gone.log',
              problem: 'Expected a readable log file at `gone.log`, not a directory',
            }),
          ],
        },
      },
      correlated: true,
      sharedIds: ['0000000a', '0000000b'],
      facts: { shared: true },
    }
    expect(formatDiagnosisText(several, await translator('en')).split('\n')).toEqual([
      'Article contoso-1001: evidence in the logs',
      'Windows Update client log pc1.log: partial (fault ID 0000000a, 0000000b, also found in another log)',
      '  Symptom partial: expected lines not found: 1',
      '    line 7 [2008-06-13 19:59:56:617]: x',
      'Windows Update client log gone.log: not found',
      '  Expected a readable log file at `gone.log`, not a directory',
      'The logs share fault ID 0000000a, 0000000b: they show the same failure from each side.',
    ])
  })

  it('says so when the logs share no fault ID, and nothing when the article correlates none', async () => {
    const text = formatDiagnosisText({ ...report, correlated: false, sharedIds: [] }, await translator('nb'))
    expect(text).toContain('Loggene har ingen felles feil-ID.')
    const uncorrelated = {
      ...report,
      correlated: false,
      sharedIds: [],
      facts: { clientSymptom: 'partial' as const },
    }
    expect(formatDiagnosisText(uncorrelated, await translator('en'))).not.toContain('fault ID 7d3e1f0a:')
    expect(formatDiagnosisText(uncorrelated, await translator('en'))).not.toContain('share no fault ID')
  })
})
