// Where strings may not be compiled to code (`--disallow-code-generation-from-strings`, a strict CSP), the
// fast path falls back to closures and gives the same verdicts as the generated function (the choice of
// kind itself: fast-path.test.ts, which mutation testing runs).
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeGenerationAllowed } from '../../src/engine/compiled-verdict.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { factGrid } from '../fixtures/engine/fact-grid.ts'

const rules = path.resolve('test/fixtures/fictional/rules')

describe('without code generation', () => {
  it('verdictOf runs on closures with the verdicts of the generated function', async () => {
    expect(codeGenerationAllowed()).toBe(true)
    const kb = await loadKnowledgeBase(rules)
    expect([...kb.checkers.values()].map((checker) => checker.fastPath)).toEqual(['generated'])
    const grid = factGrid(kb.model.facts)
    const expected = grid.map((facts) => kb.verdicts(facts).map((result) => result.verdict))
    const output = execFileSync(
      process.execPath,
      [
        '--disallow-code-generation-from-strings',
        '--import',
        'tsx',
        'test/fixtures/engine/verdicts-child.mts',
        rules,
      ],
      { encoding: 'utf8' },
    )
    const child = JSON.parse(output) as { allowed: boolean; kinds: string[]; verdicts: string[][] }
    expect(child.allowed).toBe(false)
    expect(child.kinds).toEqual(['closures'])
    expect(grid.length).toBeGreaterThan(50)
    expect(new Set(expected.flat()).size).toBeGreaterThan(2)
    expect(child.verdicts).toEqual(expected)
  })
})
