// `kb graph`: an article's logic as a Mermaid flowchart, for any article; docs/articles/ stays current.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleGraph, articleGraphPage, conditionText } from '../../src/engine/graph.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { kb } from '../helpers/run-cli.ts'

const fictional = 'test/fixtures/fictional/rules'

describe('the flowchart of an article', () => {
  it('draws facts → rules in file order → verdicts, each rule falling through to the next', async () => {
    const base = await loadKnowledgeBase(fictional)
    const checker = base.checkers.get('contoso-1001')!
    const chart = articleGraph(checker.article, base.model.facts)
    expect(chart.startsWith('flowchart LR\n')).toBe(true)
    expect(chart.match(/^ {4}r\d+\[.*$/gm)).toEqual([
      '    r0["1. no-brewer: brewerConnected = false"]',
      '    r1["2. other-versions: widgetServerVersion in [4.1, 4.3]"]',
      '    r2["3. old-firmware: widgetServerVersion = 4.2 AND brewerConnected = true AND brewerFirmware #lt; 9.0.2"]',
      '    r3["4. new-firmware: widgetServerVersion = 4.2 AND brewerConnected = true AND brewerFirmware ≥ 9.0.2"]',
    ])
    expect(chart.match(/-\. else \.-> \w+/g)).toEqual([
      '-. else .-> r1',
      '-. else .-> r2',
      '-. else .-> r3',
      '-. else .-> verdict_unknown',
    ])
    expect(chart).toContain('r2 -- holds --> verdict_affected')
    expect(chart).toContain('fact_brewerFirmware --> r3')
    // A fact the rules never read is not drawn.
    expect(chart).not.toContain('fact_wsusVersion')
  })

  it('draws derivations with the facts they read and set, and nested conditions with parentheses', async () => {
    expect(
      conditionText({
        all: [
          { fact: 'site', operator: 'notIn', value: ['lab', 'shop'] },
          {
            not: {
              any: [
                { fact: 'a', operator: 'equal', value: true },
                { fact: 'b', operator: 'versionLessThan', value: '1.2' },
              ],
            },
          },
        ],
      }),
    ).toBe('site not in [lab, shop] AND NOT (a = true OR b < 1.2)')
    const run = await kb(['graph', '954960', '--mermaid'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^ {4}d0\[".*, set wsusVersion = 2\.0"\]$/m)
    expect(run.stdout).toContain('d0 -- sets --> fact_wsusVersion')
  })

  it('kb graph names the articles it has when the id is unknown, and exits 2', async () => {
    const run = await kb(['graph', 'no-such-article', '--rules', fictional])
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe(
      'kb: Expected an article of the knowledge base (`contoso-1001`), not `no-such-article`',
    )
  })

  it('the pages committed under docs/articles are what the rules draw', async () => {
    const base = await loadKnowledgeBase()
    for (const id of base.articleIds) {
      const file = path.join('docs', 'articles', `${id}.md`)
      const committed = await readFile(file, 'utf8').catch(() => '')
      const drawn = articleGraphPage(base.checkers.get(id)!.article, base.model.facts)
      expect(committed, `${file} is stale: run \`npm run docs:articles\``).toBe(drawn)
    }
  })
})
