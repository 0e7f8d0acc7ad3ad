// 01: ask "am I affected?" from facts, in process. Run: npx tsx docs/examples/01-check-facts.ts
import { loadKnowledgeBase } from '../../src/index.ts'

const kb = await loadKnowledgeBase()
const { results } = await kb.check({
  wsusVersion: '3.0 SP1',
  office2003OnClients: true,
  webServicesClientDllVersion: '3.1.6001.65',
})
for (const result of results) {
  console.log(result.article, result.verdict)
  for (const action of result.actions) console.log(' ', action.conditional ? '(if known)' : '', action.id)
}
