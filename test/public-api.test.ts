import { describe, expect, it } from 'vitest'

describe('the public API', () => {
  it('exports exactly what is documented in the README', async () => {
    const exported = Object.keys(await import('../src/index.ts')).sort()
    expect(exported).toEqual([
      'CsafExportError',
      'FactsError',
      'KnowledgeBase',
      'KnowledgeBaseError',
      'Renderer',
      'buildCsaf',
      'compareVersions',
      'csafFileName',
      'defaultRulesDir',
      'documentKinds',
      'documentTitle',
      'evidenceToFacts',
      'formatProblem',
      'formats',
      'languages',
      'lintLocales',
      'lintRules',
      'loadKnowledgeBase',
      'loadRules',
      'localizeCheckResult',
      'renderDocument',
      'validateFacts',
    ])
  })

  it('keeps the HTTP server on its own entry point, kb-advisor/http', async () => {
    const http = Object.keys(await import('../src/http/index.ts')).sort()
    expect(http).toEqual([
      'KnowledgeBaseHolder',
      'batchedLogger',
      'builtInRenderer',
      'createApp',
      'problemCodes',
      'startServer',
    ])
  })

  it('loads the built-in knowledge base and answers with no I/O after loading', async () => {
    const { loadKnowledgeBase } = await import('../src/index.ts')
    const kb = await loadKnowledgeBase()
    const { results } = await kb.check({
      wsusVersion: '3.0 SP1',
      office2003OnClients: true,
      webServicesClientDllVersion: '3.1.6001.65',
    })
    expect(results.map((result) => result.article)).toEqual(kb.articleIds)
    expect(results.find((result) => result.article === '954960')?.verdict).toBe('affected')
  })
})
