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
    side: 'client',
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
  client: {
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
  server: {
    level: 'confirmed',
    files: [
      file({
        side: 'server',
        name: 'SoftwareDistribution.log',
        level: 'confirmed',
        blocks: [{ symptomId: 'server-symptom', level: 'confirmed', matched: [], missing: [], faultIds: [] }],
      }),
    ],
  },
  correlated: true,
  sharedIds: ['7d3e1f0a'],
  facts: { clientSymptom: 'partial', serverSymptom: 'confirmed', symptomIdsCorrelated: true },
}

describe('formatDiagnosisText', () => {
  it('writes every part of the evidence in English, with ids and log text as data', async () => {
    expect(formatDiagnosisText(report, await translator('en')).split('\n')).toEqual([
      'KB 954960, log evidence',
      'client pc1.log: partial (fault ID 7d3e1f0a, also in the other log)',
      '  partial client-symptom, missing: header, soap-fault',
      `    line 7 [2008-06-13 19:59:56:617] sync-failure: ${hostileText}`,
      '    line 8 sync-failure: no timestamp',
      '  near miss client-symptom at line 30, not this problem (other-error-code): ErrorCode:InvalidParameters(7)',
      '  3 more blocks not listed',
      '  2 over-long records, matched on their beginning only',
      'client pc2.log: none (fault ID 00000000)',
      'server SoftwareDistribution.log: confirmed',
      '  confirmed server-symptom',
      'Client and server share fault ID 7d3e1f0a: the server exception answered that client request.',
      'Evidence facts: clientSymptom=partial serverSymptom=confirmed symptomIdsCorrelated=true',
    ])
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

  it('says so when client and server share no fault ID', async () => {
    const text = formatDiagnosisText({ ...report, correlated: false, sharedIds: [] }, await translator('nb'))
    expect(text).toContain('Klienten og serveren har ingen felles feil-ID.')
  })
})
