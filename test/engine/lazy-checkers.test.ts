// The checkers of a knowledge base are compiled when first asked for: a knowledge base of many articles
// answers about one of them after compiling that one alone, and every way of reading the map agrees.
import { beforeAll, describe, expect, it } from 'vitest'
import { ArticleChecker } from '../../src/engine/article-checker.ts'
import { LazyCheckers } from '../../src/engine/lazy-checkers.ts'
import { loadRules } from '../../src/kb/load.ts'
import type { ArticleModel, KnowledgeBaseModel } from '../../src/kb/model.ts'

let model: KnowledgeBaseModel
beforeAll(async () => {
  // The model alone: a KnowledgeBase here would build its checkers before any test (Stryker: static).
  model = await loadRules('test/fixtures/fictional/rules')
})

/** Copies of the fictional article under other ids, each counting how often its rules were read (compiled). */
function articles(ids: string[]): { list: ArticleModel[]; compiled: Map<string, number> } {
  const compiled = new Map<string, number>()
  const template = model.articles[0]!
  const list = ids.map((id) => {
    const copy = { ...template, id }
    Object.defineProperty(copy, 'verdicts', {
      get: () => {
        compiled.set(id, (compiled.get(id) ?? 0) + 1)
        return template.verdicts
      },
    })
    return copy
  })
  return { list, compiled }
}

describe('LazyCheckers', () => {
  it('knows its articles without compiling any', () => {
    const { list, compiled } = articles(['b', 'a', 'c'])
    const checkers = new LazyCheckers(list, model.facts)
    expect(checkers.size).toBe(3)
    expect(checkers.has('a')).toBe(true)
    expect(checkers.has('d')).toBe(false)
    expect([...checkers.keys()]).toEqual(['b', 'a', 'c'])
    expect(compiled.size).toBe(0)
  })

  it('compiles one article when it is asked for, once, and gives the same checker again', async () => {
    const { list, compiled } = articles(['b', 'a', 'c'])
    const checkers = new LazyCheckers(list, model.facts)
    const checker = checkers.get('a')!
    expect(checker).toBeInstanceOf(ArticleChecker)
    expect(checker.article.id).toBe('a')
    expect([...compiled.keys()]).toEqual(['a'])
    const reads = compiled.get('a')
    expect(checkers.get('a')).toBe(checker)
    expect(compiled.get('a')).toBe(reads)
    expect(checkers.get('d')).toBeUndefined()
    expect((await checker.check({ brewerConnected: false })).verdict).toBe('not_affected')
  })

  it('gives every checker in the order given, through values, entries, iteration and forEach', () => {
    const { list } = articles(['b', 'a', 'c'])
    const checkers = new LazyCheckers(list, model.facts)
    const ids = ['b', 'a', 'c']
    expect([...checkers.values()].map((checker) => checker.article.id)).toEqual(ids)
    expect([...checkers.entries()].map(([id, checker]) => [id, checker.article.id])).toEqual(
      ids.map((id) => [id, id]),
    )
    expect([...checkers].map(([id]) => id)).toEqual(ids)
    const seen: string[] = []
    checkers.forEach((checker, id, map) => {
      expect(map).toBe(checkers)
      expect(checker).toBe(checkers.get(id))
      seen.push(id)
    })
    expect(seen).toEqual(ids)
    // Reading them all compiles each article once.
    expect([...checkers.values()][1]).toBe(checkers.get('a'))
  })

  it('answers with the vocabulary it was given', async () => {
    const { list } = articles(['a'])
    const vocabulary = model.facts.filter((definition) => definition.name !== 'brewerFirmware')
    const checker = new LazyCheckers(list, vocabulary).get('a')!
    const result = await checker.check({ widgetServerVersion: '4.2', brewerConnected: true })
    expect(result.verdict).toBe('unknown')
    // A fact outside the vocabulary is never asked for.
    expect(result.missingFacts).not.toContain('brewerFirmware')
    const full = await new LazyCheckers(list, model.facts)
      .get('a')!
      .check({ widgetServerVersion: '4.2', brewerConnected: true })
    expect(full.missingFacts).toContain('brewerFirmware')
  })

  it('keeps at most `maxCompiled` checkers, the least recently used let go, and answers the same after compiling again', async () => {
    const { list, compiled } = articles(['a', 'b', 'c'])
    const bounded = new LazyCheckers(list, model.facts, { maxCompiled: 2 })
    const facts = { widgetServerVersion: '4.2', brewerConnected: true }
    bounded.get('a')
    const b = bounded.get('b')!
    const before = await b.check(facts)
    // `a` used again: `b` is now the least recent and goes when `c` comes.
    const a = bounded.get('a')!
    bounded.get('c')
    expect(bounded.compiledCount).toBe(2)
    expect(bounded.get('a')).toBe(a)
    const reads = compiled.get('b')
    const again = bounded.get('b')!
    expect(again).not.toBe(b)
    expect(compiled.get('b')).toBeGreaterThan(reads!)
    expect(bounded.compiledCount).toBe(2)
    // Every way of reading the map still gives each article, and the answers do not depend on the bound.
    expect([...bounded.keys()]).toEqual(['a', 'b', 'c'])
    expect([...bounded.values()].map((checker) => checker.article.id)).toEqual(['a', 'b', 'c'])
    expect(await again.check(facts)).toEqual(before)
    const unbounded = new LazyCheckers(list, model.facts)
    for (const id of ['a', 'b', 'c'])
      expect(await bounded.get(id)!.check(facts)).toEqual(await unbounded.get(id)!.check(facts))
    expect(unbounded.compiledCount).toBe(3)
  })
})
