import { describe, expect, it } from 'vitest'
import { requiredLiteral } from '../../src/logs/anchors.ts'

describe('requiredLiteral: the text every match holds', () => {
  it.each([
    ['a plain literal', 'Sync started', 'Sync started'],
    ['anchors ^ and $ around it', '^Sync$', 'Sync'],
    ['the longest run, cut by a class', 'ab[xy]cdef', 'cdef'],
    ['the first of two equally long runs', 'ab[xy]cd', 'ab'],
    ['a run cut by a dot', 'abc.de', 'abc'],
    ['a run cut by a group', 'ab(?:xyz)cde', 'cde'],
    ['a run cut by a named group', 'Fault (?<faultId>[0-9A-F]{4}) in GetData', ' in GetData'],
    ['escaped punctuation as itself', 'a\\.b\\(c\\)\\/d\\-e\\:f', 'a.b(c)/d-e:f'],
    ['an escaped tab as a tab', 'a\\tb', 'a\tb'],
    ['a run cut by \\d, \\s, \\w, \\b', 'ab\\dcde\\sfghi\\wj\\bkl', 'fghi'],
    ['a run cut by \\n and \\r escapes', 'abc\\nde\\rf', 'abc'],
    ['a run cut by a line break in the pattern', 'ab\ncde\rf', 'cde'],
    ['a run cut by a quantified character', 'abcd?efg', 'abc'],
    ['a run cut by a lazy quantifier', 'ab+?cdef', 'cdef'],
    ['a run cut by a lazy quantifier, before an equally long run', 'abc+?de', 'ab'],
    ['a run cut by a star', 'abcd*ef', 'abc'],
    ['a run cut by a plus', 'abcd+ef', 'abc'],
    ['a run cut by a repeat of several digits', 'abcx{12}yz', 'abc'],
    ['a brace that is no quantifier before one that is', 'ab{c}defg{2}', 'ab{c}def'],
    ['a run cut by a ranged repeat', 'abx{1,3}yzw', 'yzw'],
    ['a run cut by an open repeat', 'abx{2,}yzw', 'yzw'],
    ['a run cut by a fixed count', 'abcx{2}yz', 'abc'],
    ['a run cut by a lazy ranged repeat', 'abcx{1,3}?yz', 'abc'],
    ['a brace that is no quantifier', 'a{b}c', 'a{b}c'],
    ['a `]` outside a class', 'a]b', 'a]b'],
    ['a class with an escaped bracket', '[a\\]b]xyz', 'xyz'],
    ['a group with an escaped parenthesis and a class', '(a\\)b[)]c)xyz', 'xyz'],
    ['nested groups', '((a)(b))xyz', 'xyz'],
    ['a group whose inner group closes first', '((a)bcd)xy', 'xy'],
    ['a group with an escaped parenthesis before a run', '(a\\)bcd)xy', 'xy'],
    ['a group with a parenthesis in a class before a run', '(a[)]bcd)xy', 'xy'],
    ['a group ending in a run', '(abcd)e', 'e'],
    ['a | inside a group', '(a|b)xyz', 'xyz'],
  ])('takes %s: %s gives %j', (_name, pattern, literal) => {
    expect(requiredLiteral(pattern)).toBe(literal)
  })

  it.each([
    ['a top-level alternative', 'abc|d'],
    ['a code escape', 'ab\\x41'],
    ['a unicode escape', 'ab\\u0041cd'],
    ['a control escape', 'ab\\cJcd'],
    ['a trailing backslash', 'abc\\'],
    ['an unclosed group', 'abc(de'],
    ['only classes and quantified characters', '[a-z]{1,5}b?'],
    ['an empty pattern', ''],
  ])('proves none with %s: %s', (_name, pattern) => {
    expect(requiredLiteral(pattern)).toBeUndefined()
  })

  it('keeps every literal it gives contained in every match of a fixture pattern', () => {
    const cases: [string, string[]][] = [
      ['Detail: {0,5}(?<code>E[0-9]{2})', ['Detail:E01', 'Detail:     E99']],
      ['ServerException id=(?<faultId>[0-9a-f]{4})', ['ServerException id=00ff']],
      ['Sync (?:started|resumed) at \\d{1,2}', ['Sync started at 1', 'Sync resumed at 12']],
    ]
    for (const [pattern, matches] of cases) {
      const literal = requiredLiteral(pattern)
      expect(literal, pattern).toBeDefined()
      for (const text of matches) {
        expect(new RegExp(pattern).test(text), text).toBe(true)
        expect(text).toContain(literal)
      }
    }
  })
})
