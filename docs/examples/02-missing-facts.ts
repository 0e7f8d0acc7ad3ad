// 02: walk the missing facts of one article (954960) like the web page does: ask the first one, answer, repeat.
// Run: npx tsx docs/examples/02-missing-facts.ts
import { loadKnowledgeBase } from '../../src/index.ts'

const kb = await loadKnowledgeBase()
const answers: Record<string, unknown> = {
  wsusVersion: '3.0 SP1',
  office2003OnClients: true,
  webServicesClientDllVersion: '3.1.6001.66',
}
const facts: Record<string, unknown> = {}
for (;;) {
  const [result] = (await kb.check(facts, { article: '954960' })).results
  if (result?.verdict !== 'unknown') {
    console.log('verdict:', result?.verdict)
    break
  }
  const next = result.missingFacts[0]!
  console.log('asking', next)
  facts[next] = answers[next]
}
