import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { requiredLiterals } from '../../src/logs/literal-alternatives.ts'
import { signatures } from './helpers.ts'

// Patterns of the shapes signatures use, over a small alphabet so that texts often match them.
const letter = fc.constantFrom('a', 'b', 'c', ' ', ':')
const atom = fc.oneof(
  { weight: 4, arbitrary: letter },
  { weight: 1, arbitrary: fc.constantFrom('\\.', '[ab]', '\\d', '.', '\\b', '\\n') },
)
const quantified = fc
  .tuple(atom, fc.constantFrom('', '', '', '?', '{0,2}', '{1,2}', '{2}', '+', '*'))
  .map(([item, quantifier]) => item + quantifier)
const sequence = (depth: number): fc.Arbitrary<string> =>
  fc
    .array(
      depth > 0
        ? fc.oneof({ weight: 3, arbitrary: quantified }, { weight: 1, arbitrary: group(depth - 1) })
        : quantified,
      { minLength: 1, maxLength: 5 },
    )
    .map((items) => items.join(''))
const group = (depth: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('(?:', '(', '(?<name>', '(?=', '(?!'),
      fc.array(sequence(depth), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('', '', '?', '{0,1}', '{1,3}', '+'),
    )
    .map(([open, branches, quantifier]) => `${open}${branches.join('|')})${quantifier}`)
const pattern = fc.array(sequence(2), { minLength: 1, maxLength: 3 }).map((branches) => branches.join('|'))
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', ':', '.', '1', '\n'), maxLength: 40 })

function compiled(source: string): RegExp | undefined {
  try {
    return new RegExp(source)
  } catch {
    return undefined
  }
}

describe('requiredLiterals: what every match of a pattern contains one of', () => {
  test.prop([pattern, fc.array(text, { minLength: 1, maxLength: 8 })], { numRuns: 500 })(
    'every match holds one of the literals, and no literal holds a line break',
    (source, texts) => {
      // Some generated patterns do not compile (`\b?`, a group name twice): nothing to check.
      const regex = compiled(source)
      const literals = requiredLiterals(source)
      if (regex === undefined || literals === undefined) return
      expect(literals.length).toBeGreaterThan(0)
      for (const literal of literals) expect(literal).toMatch(/^[^\r\n]+$/)
      for (const candidate of [...texts, ...literals, literals.join('')]) {
        const match = regex.exec(candidate)
        if (match) expect(literals.some((literal) => match[0].includes(literal))).toBe(true)
      }
    },
  )

  it('takes the literals of a group every match passes through when none is certain outside it', () => {
    expect(
      requiredLiterals(
        String.raw`(?:\*FAILED\\?\* \[80244007\] Sync failed|Sync failed\.: 0x80244007)`,
      )?.sort(),
    ).toEqual(['* [80244007] Sync failed', 'Sync failed.: 0x80244007'])
    expect(requiredLiterals('(?<code>ab|cd)x')?.sort()).toEqual(['ab', 'cd'])
    expect(requiredLiterals('(ab|cd){1,2}')?.sort()).toEqual(['ab', 'cd'])
  })

  it('prefers the choice whose shortest literal is longest', () => {
    expect(requiredLiterals('ab(?:long one|longer two)')?.sort()).toEqual(['long one', 'longer two'])
    expect(requiredLiterals('a long run(?:x|yy)')).toEqual(['a long run'])
    expect(requiredLiterals('(?:ab|cd)(?:xyz|uvw)')?.sort()).toEqual(['uvw', 'xyz'])
    expect(requiredLiterals('(?:abc|de)(?:xyz|uv)')?.sort()).toEqual(['abc', 'de'])
    // A group with one long and one short branch loses to a certain literal longer than its short one.
    expect(requiredLiterals('(?:aaaaaaaaaa|b)cdefgh')).toEqual(['cdefgh'])
  })

  it('reads brackets in character classes and nested groups as the pattern does', () => {
    expect(requiredLiterals('(?:abc[(]|def)')).toEqual(['abc', 'def'])
    expect(requiredLiterals('(?:Sync failed[)]|Sync error[)])')).toEqual(['Sync failed', 'Sync error'])
    expect(requiredLiterals('(?:(?:a|b)Sync failed|(?:c|d)Sync error)')).toEqual([
      'Sync failed',
      'Sync error',
    ])
  })

  it('tells a named group from a lookaround holding one, and a quantifier from a later one', () => {
    expect(requiredLiterals('(?=.*(?<w>FAILED 0x80))abc')).toEqual(['abc'])
    expect(requiredLiterals('(?:Sync failed|Sync error){2}x{0,3}')).toEqual(['Sync failed', 'Sync error'])
  })

  it('takes the literals of every top-level branch, or none when one branch has none', () => {
    expect(requiredLiterals('alpha|beta|alpha')?.sort()).toEqual(['alpha', 'beta'])
    expect(requiredLiterals('alpha|\\d{2}')).toBeUndefined()
    expect(requiredLiterals('[|]abc')).toEqual(['abc'])
    expect(requiredLiterals('\\|abc')).toEqual(['|abc'])
  })

  it('leaves out optional groups and lookarounds, which a match can do without', () => {
    expect(requiredLiterals('(?:abc)?\\d')).toBeUndefined()
    expect(requiredLiterals('(?:abc)*\\d')).toBeUndefined()
    expect(requiredLiterals('(?:abc){0,3}\\d')).toBeUndefined()
    expect(requiredLiterals('(?:abc){00}\\d')).toBeUndefined()
    expect(requiredLiterals('(?=abc)\\w')).toBeUndefined()
    expect(requiredLiterals('(?!abc)\\w')).toBeUndefined()
    expect(requiredLiterals('(?<=abc)\\w')).toBeUndefined()
    expect(requiredLiterals('(?<!abc)\\w')).toBeUndefined()
    expect(requiredLiterals('(?:ab|c?)\\d')).toBeUndefined()
  })

  it('gives up on a group that does not close', () => {
    expect(requiredLiterals('abc(def')).toBeUndefined()
    expect(requiredLiterals('(?:ab|[)]cd')).toBeUndefined()
  })

  it('finds literals for every line of the real signatures', () => {
    const lines = signatures.symptoms.flatMap((symptom) => symptom.lines)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(requiredLiterals(line.pattern), line.id).toBeDefined()
  })
})
