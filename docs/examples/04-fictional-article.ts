// 04: a second article that is data only. Run: npx tsx docs/examples/04-fictional-article.ts
import { loadKnowledgeBase } from '../../src/index.ts'

const kb = await loadKnowledgeBase('test/fixtures/fictional/rules')
const { results } = await kb.check({
  widgetServerVersion: '4.2',
  brewerConnected: true,
  brewerFirmware: '9.0.1',
})
console.log(results.map((result) => `${result.article}: ${result.verdict}`).join('\n'))
