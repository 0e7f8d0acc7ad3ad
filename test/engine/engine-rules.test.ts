// From YAML rules to json-rules-engine rules: names, priorities (derivations first, in order, so a later
// derivation sees an earlier one's facts), value references, and actions without a condition.
import { describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import { toEngineRules } from '../../src/engine/engine-rules.ts'
import type { ArticleModel } from '../../src/kb/model.ts'
import { booleanFacts, holds, syntheticArticle } from '../helpers/synthetic-article.ts'

const article: ArticleModel = {
  ...syntheticArticle(
    [
      {
        id: 'old',
        verdict: 'affected',
        when: { fact: 'version', operator: 'versionLessThan', valueRef: 'fixedVersion' },
      },
      { id: 'chained', verdict: 'not_affected', when: holds('second') },
    ],
    {
      derive: [
        { id: 'first', when: holds('start'), set: { middle: true } },
        { id: 'second', when: holds('middle'), set: { second: true } },
      ],
      actions: [{ id: 'always', verdicts: ['affected', 'not_affected'] }],
    },
  ),
  article: { values: { fixedVersion: '2.5' } } as unknown as ArticleModel['article'],
}

describe('toEngineRules', () => {
  it('names rules by role, runs derivations first and in order, then decisions, then actions', () => {
    const rules = toEngineRules(article)
    expect(rules.map((rule) => [rule.role, rule.id, rule.index, rule.json.name, rule.json.priority])).toEqual(
      [
        ['derive', 'first', 0, 'derive:first', 4],
        ['derive', 'second', 1, 'derive:second', 3],
        ['decide', 'old', 0, 'decide:old', 2],
        ['decide', 'chained', 1, 'decide:chained', 2],
        ['action', 'always', 0, 'action:always', 1],
      ],
    )
  })

  it('resolves value references, wraps a lone leaf in `all`, and gives a bare action an empty `all`', () => {
    const rules = toEngineRules(article)
    expect(rules[2]!.json.conditions).toEqual({
      all: [{ fact: 'version', operator: 'versionLessThan', value: '2.5' }],
    })
    expect(rules[4]!.json.conditions).toEqual({ all: [] })
    expect(rules[0]!.json.event).toEqual({ type: 'derive', params: { set: { middle: true } } })
    expect(rules[2]!.json.event).toEqual({ type: 'decide', params: { verdict: 'affected' } })
  })

  it('a derivation sees the facts of the one before it, in every evaluator', async () => {
    for (const strategy of ['generated', 'closures'] as const) {
      const checker = new ArticleChecker(article, booleanFacts('start', 'middle', 'second'), strategy)
      expect(checker.verdictOf({ start: true, version: '3.0' })).toBe('not_affected')
      expect(checker.verdictOf({ version: '2.4' })).toBe('affected')
      expect(checker.verdictOf({ version: '2.5' })).toBe('unknown')
      const result = await checker.check({ start: true, version: '3.0' })
      expect(result.verdict).toBe('not_affected')
      expect(result.facts).toEqual({ start: true, version: '3.0', middle: true, second: true })
      expect(result.actions.map((action) => action.id)).toEqual(['always'])
    }
  })
})
