// The flowchart of a synthetic article, drawn whole: facts in vocabulary order (only those the rules read
// or set), derivations, rules in order falling through to the next, verdicts, and labels escaped.
import { describe, expect, it } from 'vitest'
import { articleGraph, articleGraphPage, conditionText } from '../../src/engine/graph.ts'
import { FactDefinition } from '../../src/kb/schema/facts.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

const isServer = { fact: 'server', operator: 'equal' as const, value: '4.1' }
const vocabulary = [
  FactDefinition.parse({ name: 'server', type: 'enum', values: [{ value: '4.1' }, { value: '4.2' }] }),
  ...booleanFacts('unused', 'legacy', 'patched'),
  FactDefinition.parse({ name: 'alarm', type: 'boolean', source: 'evidence' }),
  FactDefinition.parse({ name: 'note', type: 'enum', values: [{ value: 'x' }, { value: 'y' }] }),
]

describe('articleGraph on a synthetic article', () => {
  it('draws every part, in order', () => {
    const article = syntheticArticle(
      [
        { id: 'old', verdict: 'affected', when: { all: [isServer, { any: [holds('alarm')] }] } },
        {
          id: 'new',
          verdict: 'not_affected',
          when: { fact: 'note', operator: 'equal', value: 'a "<b>" & c' },
        },
        { id: 'also-old', verdict: 'affected', when: { not: holds('legacy') } },
      ],
      { derive: [{ id: 'legacy-runs-old', when: holds('legacy'), set: { server: '4.1', patched: false } }] },
    )
    expect(articleGraph(article, vocabulary)).toBe(
      [
        'flowchart LR',
        '  subgraph facts [Facts]',
        '    fact_server[/"server (enum)"/]',
        '    fact_legacy[/"legacy (boolean)"/]',
        '    fact_patched[/"patched (boolean)"/]',
        '    fact_alarm[/"alarm (boolean, from logs)"/]',
        '    fact_note[/"note (enum)"/]',
        '  end',
        '  subgraph derive [Derivations]',
        '    d0["legacy-runs-old: if legacy = true, set server = 4.1, patched = false"]',
        '  end',
        '  subgraph rules [Decision rules: the first that holds decides]',
        '    r0["1. old: server = 4.1 AND alarm = true"]',
        '    r1["2. new: note = a #quot;#lt;b#gt;#quot; #amp; c"]',
        '    r2["3. also-old: NOT legacy = true"]',
        '  end',
        '  verdict_affected(["affected"])',
        '  verdict_not_affected(["not_affected"])',
        '  verdict_unknown(["unknown: a fact is missing, or no rule decides"])',
        '  fact_legacy --> d0',
        '  d0 -- sets --> fact_server',
        '  d0 -- sets --> fact_patched',
        '  fact_server --> r0',
        '  fact_alarm --> r0',
        '  r0 -- holds --> verdict_affected',
        '  r0 -. else .-> r1',
        '  fact_note --> r1',
        '  r1 -- holds --> verdict_not_affected',
        '  r1 -. else .-> r2',
        '  fact_legacy --> r2',
        '  r2 -- holds --> verdict_affected',
        '  r2 -. else .-> verdict_unknown',
        '',
      ].join('\n'),
    )
  })

  it('draws no derivation box for an article without derivations', () => {
    const chart = articleGraph(
      syntheticArticle([{ id: 'only', verdict: 'fixed', when: isServer }]),
      vocabulary,
    )
    expect(chart).toBe(
      [
        'flowchart LR',
        '  subgraph facts [Facts]',
        '    fact_server[/"server (enum)"/]',
        '  end',
        '  subgraph rules [Decision rules: the first that holds decides]',
        '    r0["1. only: server = 4.1"]',
        '  end',
        '  verdict_fixed(["fixed"])',
        '  verdict_unknown(["unknown: a fact is missing, or no rule decides"])',
        '  fact_server --> r0',
        '  r0 -- holds --> verdict_fixed',
        '  r0 -. else .-> verdict_unknown',
        '',
      ].join('\n'),
    )
  })
})

describe('conditionText', () => {
  it.each<[Parameters<typeof conditionText>[0], string]>([
    [{ all: [] }, 'always'],
    [{ any: [] }, 'always'],
    [{ not: { all: [] } }, 'NOT always'],
    [{ fact: 'a', operator: 'contains', value: 'x' }, 'a contains x'],
    [{ fact: 'a', operator: 'in', value: [1, true, 'x'] }, 'a in [1, true, x]'],
    [{ fact: 'v', operator: 'versionLessThanInclusive', value: '1.2' }, 'v ≤ 1.2'],
    [
      {
        any: [
          { all: [{ fact: 'a', operator: 'lessThan', value: 1 }] },
          { fact: 'b', operator: 'greaterThan', value: 2 },
        ],
      },
      'a < 1 OR b > 2',
    ],
    [
      {
        all: [
          {
            any: [
              { fact: 'a', operator: 'notEqual', value: 1 },
              { fact: 'b', operator: 'greaterThanInclusive', value: 2 },
            ],
          },
          { fact: 'c', operator: 'lessThanInclusive', value: 3 },
        ],
      },
      '(a ≠ 1 OR b ≥ 2) AND c ≤ 3',
    ],
    [
      {
        not: {
          all: [
            { fact: 'a', operator: 'versionEqual', value: '1' },
            { fact: 'b', operator: 'versionGreaterThan', value: '2' },
          ],
        },
      },
      'NOT (a = 1 AND b > 2)',
    ],
  ])('%j reads %s', (condition, text) => {
    expect(conditionText(condition)).toBe(text)
  })
})

describe('articleGraphPage on a synthetic article', () => {
  it('is a page titled with the article id, saying how to redraw it, with the whole chart in a mermaid block', () => {
    const article = syntheticArticle([{ id: 'old', verdict: 'affected', when: isServer }], {
      id: 'contoso-7',
    })
    const page = articleGraphPage(article, vocabulary)
    expect(page.split('\n')[0]).toBe('# Article contoso-7: how the rules decide')
    expect(page).toContain('by `kb graph contoso-7`')
    expect(page.endsWith(`\`\`\`mermaid\n${articleGraph(article, vocabulary)}\`\`\`\n`)).toBe(true)
  })
})
