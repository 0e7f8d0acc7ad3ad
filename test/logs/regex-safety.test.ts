import { describe, expect, it } from 'vitest'
import { requiredLiteral } from '../../src/logs/anchors.ts'
import { classEnd, patternProblem } from '../../src/logs/regex-safety.ts'

describe('patternProblem: what it accepts', () => {
  it.each([
    ['a 600-character pattern', 'x'.repeat(600)],
    ['a bounded repeat of a group without a repeat inside', '(ab){1,5}'],
    ['a repeated part inside a group used once', '(a{1,9})'],
    ['a group with a repeat inside, optional', '(a{1,9})?'],
    ['a group with a repeat inside, repeated once', '(a{1,9}){1}'],
    ['a group with an optional part, repeated', '(a?b){1,5}'],
    ['a repeated group after a group with a repeat', '(a{1,3})(b){1,5}'],
    ['escaped parentheses and quantifiers', '\\(a{1,3}\\){1,3}\\*\\+'],
    ['parentheses and quantifiers in a class', '[(]a{1,3}[)]{1,3}[*+{]'],
    ['an escaped bracket closing no class', '\\[(a{1,3})\\]{1,3}'],
    ['a repeat of 1000', 'x{1,1000}'],
    ['a fixed count above 1000', 'x{5000}'],
    ['a brace that is no quantifier', 'x{,5}y{a}'],
    ['a repeat of 1 around a repeated group', '((a{2})){1}'],
    ['a repeated group holding a group without repeat', '((ab)c){1,3}'],
    ['a brace that is no quantifier after a group with a repeat', '(a{1,3}){b}c{1,3}'],
  ])('accepts %s', (_name, pattern) => {
    expect(patternProblem(pattern)).toBeUndefined()
  })
})

describe('patternProblem: what it refuses, and why', () => {
  it('refuses a pattern longer than 600 characters, saying how long', () => {
    expect(patternProblem('x'.repeat(601))).toBe('Expected a pattern of at most 600 characters, not 601')
  })

  it('refuses a pattern that does not compile, quoting it and the reason', () => {
    expect(patternProblem('a(b')).toBe(
      'Expected a valid regular expression, not "a(b": Invalid regular expression: /a(b/: Unterminated group',
    )
  })

  it.each(['(a)\\1', '(a)(b)\\2', '(a)\\9', '(?<x>a)\\k<x>'])(
    'refuses the back-reference in %s',
    (pattern) => {
      expect(patternProblem(pattern)).toBe(
        'Expected no back-reference (`\\1`, `\\k<name>`): they defeat linear-time matching',
      )
    },
  )

  it.each([
    '(a+)+',
    '(a{2}){1,3}',
    '(a{1,3})*',
    '(?:ab{1,3}){2,4}',
    '((a{1,3}))+',
    '((a{1,3})b){2}',
    '(a{1,3}(b))+',
    '(x(a{1,3})){2}',
    '([)]{1,3}){2}',
  ])('refuses the nested quantifier in %s', (pattern) => {
    expect(patternProblem(pattern)).toBe(
      'Expected no nested quantifier such as `(a+)+`: it backtracks exponentially on long lines; quantify the inner part only',
    )
  })

  it.each([
    ['x*', '*'],
    ['x+', '+'],
    ['x{2,}', '{2,}'],
    ['x{1,1001}', '{1,1001}'],
    ['x{10,2000}', '{10,2000}'],
    ['(ab)+', '+'],
    ['[a-z]{1,5}y*', '*'],
    ['\\d{1,3}\\.x{0,}', '{0,}'],
  ])('refuses the unbounded repetition in %s', (pattern, quantifier) => {
    expect(patternProblem(pattern)).toBe(
      `Expected bounded repetition such as \`{1,200}\`, not \`${quantifier}\`: an unbounded quantifier makes the search quadratic on a long record`,
    )
  })

  it('checks in order: length, syntax, back-references, nesting, bounds', () => {
    expect(patternProblem(`(${'x'.repeat(600)}`)).toMatch(/^Expected a pattern of at most/)
    expect(patternProblem('(a)\\1(b+)+')).toMatch(/^Expected no back-reference/)
    expect(patternProblem('(a+)+')).toMatch(/^Expected no nested quantifier/)
  })
})

describe('classEnd', () => {
  it.each([
    ['[a\\]b]c', 0, 5],
    ['[^a]', 0, 3],
    ['[abc', 0, 4],
    ['x[a[b]c', 1, 5],
    // JavaScript: `[^]` is any character and `[]` the empty class; the `]` after them closes nothing.
    ['a[^]x]b', 1, 3],
    ['[]x]', 0, 1],
    ['[a][b]', 3, 5],
  ])('finds the end of the class in %s at %i: %i', (pattern, start, end) => {
    expect(classEnd(pattern, start)).toBe(end)
  })
})

describe('a class that matches any character', () => {
  it('is checked like `.`: unbounded and nested repetition are refused', () => {
    expect(patternProblem('[^]*x')).toMatch(/^Expected bounded repetition/)
    expect(patternProblem('[^]{0,9}(a+)+')).toMatch(/^Expected no nested quantifier/)
  })

  it('gives no required literal to an alternation it starts', () => {
    expect(requiredLiteral('[^]|x]abc')).toBeUndefined()
  })
})
