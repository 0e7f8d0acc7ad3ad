import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { KnowledgeBaseError } from '../../src/kb/errors.ts'
import { lintRules, loadRules } from '../../src/kb/load.ts'
import type { Problem } from '../../src/kb/problem.ts'
import { copyRules, patchFile, removeCopies } from '../helpers/temp-rules.ts'

afterAll(removeCopies)

const header = '# yaml-language-server: $schema=../schema/catalog.schema.json\n'

/** Lint a rules copy with one extra or patched file and return its errors. */
async function errorsOf(dir: string): Promise<Problem[]> {
  const { problems, model } = await lintRules(dir)
  const errors = problems.filter((problem) => problem.severity === 'error')
  if (errors.length > 0) expect(model).toBeUndefined()
  return errors
}

function at(problem: Problem | undefined) {
  return (
    problem && {
      code: problem.code,
      file: path.basename(problem.file),
      line: problem.line,
      column: problem.column,
    }
  )
}

describe('loading the built-in rules', () => {
  it('loads every article with no problem at all', async () => {
    const { problems, model } = await lintRules()
    expect(problems).toEqual([])
    expect(model?.articles.map((article) => article.id)).toContain('954960')
    expect(model?.products.map((product) => product.id)).toEqual(
      expect.arrayContaining([
        'wsus-2.0',
        'wsus-3.0',
        'wsus-3.0-sp1',
        'wsus-3.0-sp2',
        'sbs-2003',
        'sce-2007',
        'sccm-2007',
        'office-2003',
      ]),
    )
  })
})

describe('problems are reported with file, line and column', () => {
  it('YAML syntax errors', async () => {
    const dir = await copyRules()
    await writeFile(path.join(dir, 'extra.yaml'), `${header}kind: catalog\nproducts:\n  - id: [unclosed\n`)
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toEqual({ code: 'KB_YAML_SYNTAX', file: 'extra.yaml', line: 5, column: 1 })
  })

  it('tabs used for indentation', async () => {
    const dir = await copyRules()
    await writeFile(path.join(dir, 'extra.yaml'), `${header}kind: catalog\nproducts:\n\t- id: a\n`)
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toMatchObject({ code: 'KB_YAML_SYNTAX', file: 'extra.yaml', line: 4 })
    expect(problem?.message).toMatch(
      /^Expected spaces for indentation, not a tab; replace the tab with spaces/,
    )
  })

  it('duplicate keys', async () => {
    const dir = await copyRules()
    await patchFile(
      dir,
      'facts.yaml',
      '  - name: office2003OnClients\n    type: boolean\n',
      '  - name: office2003OnClients\n    type: boolean\n    type: enum\n',
    )
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toEqual({ code: 'KB_YAML_DUPLICATE_KEY', file: 'facts.yaml', line: 32, column: 5 })
    expect(problem?.message).toBe(
      'Expected `type` once in this mapping, not twice (first at 31:5); remove one',
    )
    expect(problem?.path).toEqual(['facts', 3, 'type'])
  })

  it('unknown keys, at the key itself', async () => {
    const dir = await copyRules()
    await patchFile(dir, 'articles/954960/verdicts.yaml', '    verdict: fixed\n', '    verdcit: fixed\n')
    const errors = await errorsOf(dir)
    const unknown = errors.find((problem) => problem.code === 'KB_UNKNOWN_KEY')
    expect(at(unknown)).toEqual({ code: 'KB_UNKNOWN_KEY', file: 'verdicts.yaml', line: 25, column: 5 })
    expect(unknown?.message).toBe('Expected no key `verdcit` in `rules`; remove it or check its spelling')
    expect(unknown?.path).toEqual(['rules', 1, 'verdcit'])
  })

  it('wrong types', async () => {
    const dir = await copyRules()
    await patchFile(dir, 'catalog/products.yaml', '    shortName: WSUS 2.0\n', '    shortName: 2.0\n')
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toEqual({ code: 'KB_WRONG_TYPE', file: 'products.yaml', line: 9, column: 16 })
    expect(problem?.message).toBe('Expected `shortName` to be a string, not number `2`')
  })

  it('a value outside the allowed set, with the accepted values', async () => {
    const dir = await copyRules()
    await patchFile(dir, 'articles/954960/verdicts.yaml', '    verdict: fixed\n', '    verdict: patched\n')
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toEqual({ code: 'KB_INVALID_VALUE', file: 'verdicts.yaml', line: 25, column: 14 })
    expect(problem?.message).toBe(
      'Expected `verdict` to be one of `affected`, `not_affected`, `fixed`, not `patched`',
    )
  })

  it('a duplicate id anywhere, pointing at the first definition', async () => {
    const dir = await copyRules()
    await writeFile(
      path.join(dir, 'more-products.yaml'),
      `${header}kind: catalog\nproducts:\n  - { id: wsus-3.0, vendor: Microsoft, name: WSUS, version: "3", shortName: WSUS }\n`,
    )
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toEqual({ code: 'KB_DUPLICATE_ID', file: 'more-products.yaml', line: 4, column: 11 })
    expect(problem?.message).toMatch(/first at .*catalog\/products\.yaml:10:9/)
  })

  it('a reference to an id that does not exist, with the closest name', async () => {
    const dir = await copyRules()
    await patchFile(
      dir,
      'articles/954960/verdicts.yaml',
      'onConflict: [check-dll-version,',
      'onConflict: [check-dll-versoin,',
    )
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toEqual({ code: 'KB_UNKNOWN_REFERENCE', file: 'verdicts.yaml', line: 22, column: 18 })
    expect(problem?.message).toBe(
      'Expected an action of this file, not `check-dll-versoin`; did you mean `check-dll-version`?',
    )
  })

  it('a condition on an unknown fact, and a value the fact does not accept', async () => {
    const dir = await copyRules()
    await patchFile(
      dir,
      'articles/954960/verdicts.yaml',
      'when: { fact: office2003OnClients, operator: equal, value: false }',
      'when: { fact: office2003Clients, operator: equal, value: false }',
    )
    await patchFile(
      dir,
      'articles/954960/verdicts.yaml',
      'when: { fact: wsusVersion, operator: equal, value: 3.0 SP2 }',
      'when: { fact: wsusVersion, operator: equal, value: "3.1" }',
    )
    const errors = await errorsOf(dir)
    expect(errors.map((problem) => [problem.code, problem.line, problem.message])).toEqual([
      [
        'KB_UNKNOWN_REFERENCE',
        36,
        'Expected a fact of the vocabulary, not `office2003Clients`; did you mean `office2003OnClients`?',
      ],
      [
        'KB_INVALID_VALUE',
        42,
        'Expected `wsusVersion` to be one of `2.0`, `3.0`, `3.0 SP1`, `3.0 SP2`, not `3.1`',
      ],
    ])
  })

  it('alias expansion bombs', async () => {
    const dir = await copyRules()
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level)
      const name = String.fromCharCode(97 + level)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    await writeFile(path.join(dir, 'bomb.yaml'), `${header}kind: catalog\n${levels.join('\n')}\n`)
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toEqual({ code: 'KB_YAML_ALIAS_LIMIT', file: 'bomb.yaml', line: 4, column: 8 })
  })

  it('invalid UTF-8, at the first bad byte', async () => {
    const dir = await copyRules()
    await writeFile(
      path.join(dir, 'latin1.yaml'),
      Buffer.concat([Buffer.from(`${header}kind: catalog\n# caf`), Buffer.from([0xe9]), Buffer.from('\n')]),
    )
    const [problem] = await errorsOf(dir)
    expect(at(problem)).toEqual({ code: 'KB_FILE_ENCODING', file: 'latin1.yaml', line: 3, column: 6 })
  })

  it('a directory named like a rules file, and a file nobody can read (root included)', async () => {
    const dir = await copyRules()
    await mkdir(path.join(dir, 'folder.yaml'))
    // A dangling symbolic link fails to read for every user, so the case is tested as root too.
    await symlink(path.join(dir, 'gone.yaml'), path.join(dir, 'locked.yaml'))
    const errors = await errorsOf(dir)
    expect(
      errors
        .filter((problem) => problem.code === 'KB_FILE_UNREADABLE')
        .map((problem) => path.basename(problem.file))
        .sort(),
    ).toEqual(['folder.yaml', 'locked.yaml'])
    expect(errors.find((problem) => path.basename(problem.file) === 'locked.yaml')?.message).toMatch(/ENOENT/)
  })

  it('a missing schema comment is a warning, not an error', async () => {
    const dir = await copyRules()
    await patchFile(dir, 'facts.yaml', '# yaml-language-server: $schema=../schema/facts.schema.json\n', '')
    const { problems, model } = await lintRules(dir)
    expect(model).toBeDefined()
    expect(problems.map((problem) => [problem.code, problem.severity, problem.line])).toEqual([
      ['KB_SCHEMA_COMMENT', 'warning', 1],
    ])
  })

  it('an article without its verdicts file', async () => {
    const dir = await copyRules()
    await patchFile(dir, 'articles/954960/verdicts.yaml', 'article: "954960"', 'article: "954961"')
    const codes = (await errorsOf(dir)).map((problem) => problem.code)
    expect(codes).toEqual(['KB_MISSING_FILE', 'KB_UNKNOWN_REFERENCE'])
  })
})

describe('loading is all or nothing', () => {
  it('throws KnowledgeBaseError with every problem and loads nothing', async () => {
    const dir = await copyRules()
    await patchFile(dir, 'catalog/products.yaml', '    shortName: WSUS 2.0\n', '    shortName: 2.0\n')
    await patchFile(dir, 'articles/954960/verdicts.yaml', '    verdict: fixed\n', '    verdict: patched\n')
    const error = await loadRules(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(KnowledgeBaseError)
    expect((error as KnowledgeBaseError).problems.map((problem) => problem.code)).toEqual([
      'KB_INVALID_VALUE',
      'KB_WRONG_TYPE',
    ])
    expect((error as KnowledgeBaseError).message).toMatch(
      /^Expected a valid knowledge base, not one with 2 errors; first: .*verdicts\.yaml:25:14/,
    )
  })

  it('reports a rules folder that does not exist', async () => {
    const { problems } = await lintRules('/nonexistent/rules')
    expect(problems[0]).toMatchObject({ code: 'KB_FILE_UNREADABLE', file: '/nonexistent/rules' })
  })
})

describe('firstInvalidUtf8', () => {
  it('finds the first bad byte of each kind, and none in valid text', async () => {
    const { firstInvalidUtf8 } = await import('../../src/kb/read-files.ts')
    const bytes = (...parts: Array<string | number[]>) =>
      Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))))
    expect(firstInvalidUtf8(bytes('zażółć gęślą jaźń ✓ 🙂'))).toBe(
      Buffer.from('zażółć gęślą jaźń ✓ 🙂').length,
    )
    expect(firstInvalidUtf8(bytes('ab', [0x80]))).toBe(2) // lone continuation byte
    expect(firstInvalidUtf8(bytes('ab', [0xc3]))).toBe(2) // truncated sequence
    expect(firstInvalidUtf8(bytes('a', [0xc0, 0xaf]))).toBe(1) // overlong
    expect(firstInvalidUtf8(bytes('a', [0xed, 0xa0, 0x80]))).toBe(1) // surrogate
    expect(firstInvalidUtf8(bytes('é', [0xe9], 'x'))).toBe(2) // Latin-1 after valid UTF-8
  })
})
