/** The CSAF documents of 954960 in every language, checked with the reference validator. */
import * as informative from '@secvisogram/csaf-validator-lib/informativeTests.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import * as optional from '@secvisogram/csaf-validator-lib/optionalTests.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'
import validateStrict, { type CsafTestResult } from '@secvisogram/csaf-validator-lib/validateStrict.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCsaf } from '../../src/export/csaf-document.ts'
import type { CsafDocument } from '../../src/export/csaf-types.ts'
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { languages } from '../../src/render/i18n.ts'

// 6.3.6 and 6.3.7 send HTTP requests to every URL; 6.3.8 spawns hunspell (and aborts the run without it).
const networkOrBinary = new Set(['informativeTest_6_3_6', 'informativeTest_6_3_7', 'informativeTest_6_3_8'])

/**
 * Findings the content cannot fix, with the reason:
 * - 6.2.3 missing score: Microsoft rated 954960 with no CVSS score (it is not a vulnerability); inventing one
 *   would be worse than none.
 * - 6.2.16 missing product identification helper: allowed only where nothing can identify the product: the
 *   component versions and the combinations (relationships), and catalog products without a `cpe` in
 *   rules/catalog/products.yaml (the check below fails if a product with a cpe lacks it).
 * - 6.3.3 missing CVE: 954960 never received one; `ids` carries the advisory and KB numbers instead.
 * - 6.3.4 missing cwe: Microsoft names no CWE, and the advisory says the defect is not a security vulnerability;
 *   choosing one ourselves would be a claim the sources do not make.
 */
const allowed = new Map([
  ['optionalTest_6_2_3', 'missing score'],
  ['optionalTest_6_2_16', 'missing product identification helper'],
  ['informativeTest_6_3_3', 'missing CVE'],
  ['informativeTest_6_3_4', 'missing cwe'],
])

let kb: KnowledgeBase
const documents = new Map<string, CsafDocument>()
beforeAll(async () => {
  kb = await loadKnowledgeBase()
  for (const lang of languages) documents.set(lang, await buildCsaf(kb, { article: '954960', lang }))
})

async function run(document: CsafDocument, tests: Parameters<typeof validateStrict>[0]) {
  return (await validateStrict(tests, document)).tests
}

function findings(results: CsafTestResult[], level: 'warnings' | 'infos') {
  return results.flatMap((result) => result[level].map((finding) => ({ test: result.name, ...finding })))
}

// The product object a JSON pointer of 6.2.16 points to.
function at(document: CsafDocument, pointer: string): { product_id?: string } {
  let node: unknown = document
  for (const part of pointer.split('/').slice(1)) node = (node as Record<string, unknown>)[part]
  return node as { product_id?: string }
}

describe.each(languages)('CSAF document of 954960 in %s', (lang) => {
  it('passes the strict schema and every mandatory test with zero errors', async () => {
    const results = await run(documents.get(lang)!, [csaf_2_0_strict, ...Object.values(mandatory)])
    const errors = results.flatMap((result) =>
      result.errors.map((error) => `${result.name} ${error.instancePath} ${error.message}`),
    )
    expect(errors).toEqual([])
    expect(results.length).toBe(1 + Object.keys(mandatory).length)
  })

  it('has no recommended-test warning that the content could fix', async () => {
    const document = documents.get(lang)!
    const warnings = findings(await run(document, Object.values(optional)), 'warnings')
    const unexpected = warnings.filter((warning) => allowed.get(warning.test) !== warning.message)
    expect(unexpected).toEqual([])
    const withCpe = new Set(kb.model.products.filter((product) => product.cpe).map((product) => product.id))
    for (const warning of warnings.filter((entry) => entry.test === 'optionalTest_6_2_16')) {
      expect(withCpe.has(at(document, warning.instancePath).product_id ?? '')).toBe(false)
    }
  })

  it('has no informative finding beyond the missing CVE and CWE (offline tests)', async () => {
    const tests = Object.values(informative).filter((test) => !networkOrBinary.has(test.name))
    const infos = findings(await run(documents.get(lang)!, tests), 'infos')
    expect(infos.filter((info) => allowed.get(info.test) !== info.message)).toEqual([])
  })
})
