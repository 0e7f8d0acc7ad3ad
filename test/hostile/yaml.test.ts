// Hostile rules files: every one is refused with a positioned problem, none crashes or hangs the loader.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lintRules } from '../../src/kb/load.ts'
import type { Problem } from '../../src/kb/problem.ts'
import { readRulesFile } from '../../src/kb/read-files.ts'
import { maxAliasCount, maxDepth, maxFileBytes, parseYamlSource } from '../../src/kb/yaml-source.ts'
import { copyRules, removeCopies } from '../helpers/temp-rules.ts'

const header = '# yaml-language-server: $schema=../schema/catalog.schema.json\n'
const product = (id: string) =>
  `  - id: ${id}\n    vendor: Contoso\n    name: Widget\n    version: "1"\n    shortName: Widget 1\n`

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kb-hostile-yaml-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await removeCopies()
})

/** Write one file and read it as the loader does; returns its problems. */
async function problemsOf(name: string, content: string | Buffer): Promise<Problem[]> {
  const file = path.join(dir, name)
  await writeFile(file, content)
  const { problems } = await readRulesFile(file)
  return problems.filter((problem) => problem.severity === 'error')
}

const summary = (problem: Problem | undefined) =>
  problem && { code: problem.code, line: problem.line, column: problem.column }

describe('hostile YAML is refused with a positioned problem', () => {
  it('a syntax error', async () => {
    const [problem] = await problemsOf('syntax.yaml', `${header}kind: catalog\nproducts: [unclosed\n`)
    expect(problem?.code).toBe('KB_YAML_SYNTAX')
    expect(problem?.line).toBeGreaterThanOrEqual(3)
  })

  it('a tab used for indentation', async () => {
    const [problem] = await problemsOf('tabs.yaml', `${header}kind: catalog\nproducts:\n\t- id: a\n`)
    expect(summary(problem)).toMatchObject({ code: 'KB_YAML_SYNTAX', line: 4 })
  })

  it('a duplicate key', async () => {
    const [problem] = await problemsOf('dupkey.yaml', `${header}kind: catalog\nkind: catalog\n`)
    expect(summary(problem)).toEqual({ code: 'KB_YAML_DUPLICATE_KEY', line: 3, column: 1 })
    expect(problem?.message).toBe(
      'Expected `kind` once in this mapping, not twice (first at 2:1); remove one',
    )
    expect(problem?.path).toEqual(['kind'])
  })

  it('an unknown key', async () => {
    const [problem] = await problemsOf(
      'unknown.yaml',
      `${header}kind: catalog\nproducts:\n${product('a')}    colour: red\n`,
    )
    expect(summary(problem)).toEqual({ code: 'KB_UNKNOWN_KEY', line: 9, column: 5 })
  })

  it('a value of the wrong type', async () => {
    const [problem] = await problemsOf('type.yaml', `${header}kind: catalog\nproducts: 3\n`)
    expect(summary(problem)).toMatchObject({ code: 'KB_WRONG_TYPE', line: 3 })
  })

  it('a missing or unknown kind', async () => {
    const [problem] = await problemsOf('kind.yaml', `${header}kind: virus\n`)
    expect(summary(problem)).toEqual({ code: 'KB_UNKNOWN_KIND', line: 2, column: 7 })
  })

  it(`a file over ${maxFileBytes} bytes, refused before it is parsed`, async () => {
    const [problem] = await problemsOf('huge.yaml', Buffer.alloc(maxFileBytes + 1, 0x20))
    expect(problem).toMatchObject({ code: 'KB_FILE_TOO_LARGE', line: 0, column: 0 })
    expect(problem?.message).toContain(`at most ${maxFileBytes} bytes, not ${maxFileBytes + 1}`)
  })

  it(`nesting deeper than ${maxDepth} levels (flow and block style)`, async () => {
    const flow = `${header}kind: catalog\nproducts: ${'['.repeat(5000)}${']'.repeat(5000)}\n`
    const [first] = await problemsOf('deep-flow.yaml', flow)
    expect(first?.code).toBe('KB_YAML_TOO_DEEP')
    let block = `${header}kind: catalog\nproducts:\n`
    for (let level = 1; level <= maxDepth + 5; level++) block += `${'  '.repeat(level)}k${level}:\n`
    const [second] = await problemsOf('deep-block.yaml', block)
    expect(second?.code).toBe('KB_YAML_TOO_DEEP')
    // With a text at the bottom: the shape the translations' fast path reads.
    const [third] = await problemsOf('deep-text.yaml', `${block}${'  '.repeat(maxDepth + 6)}z: y\n`)
    expect(third?.code).toBe('KB_YAML_TOO_DEEP')
  })

  it(`an alias expansion bomb (more than ${maxAliasCount} expansions)`, async () => {
    let bomb = `${header}kind: catalog\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`
    for (let level = 1; level < 10; level++) {
      const previous = `*a${level - 1}`
      bomb += `a${level}: &a${level} [${Array(9).fill(previous).join(', ')}]\n`
    }
    const [problem] = await problemsOf('bomb.yaml', bomb)
    expect(problem?.code).toBe('KB_YAML_ALIAS_LIMIT')
    expect(problem?.line).toBe(4) // the first `*a0`
  })

  it('a 1 MB string is read (under the file limit) and refused by the schema, not by a crash', async () => {
    const long = 'x'.repeat(1024 * 1024)
    const [problem] = await problemsOf('long.yaml', `${header}kind: ${long}\n`)
    expect(problem?.code).toBe('KB_UNKNOWN_KIND')
    // The message shows the value, so it must not be the megabyte itself many times over.
    expect(problem!.message.length).toBeLessThan(2 * 1024 * 1024)
  })

  it('invalid UTF-8, with the position of the first bad byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${header}kind: cat`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ])
    const [problem] = await problemsOf('latin.yaml', bytes)
    expect(summary(problem)).toEqual({ code: 'KB_FILE_ENCODING', line: 2, column: 10 })
    expect(problem?.message).toContain('0xc3')
  })

  it('a directory named like a rules file', async () => {
    const folder = path.join(dir, 'folder.yaml')
    await mkdir(folder, { recursive: true })
    const { problems } = await readRulesFile(folder)
    expect(problems[0]).toMatchObject({
      code: 'KB_FILE_UNREADABLE',
      message: expect.stringContaining('not a directory'),
    })
  })

  // Tests run as root in CI, where chmod 000 does not stop a read. What fails for root too: a dangling
  // symbolic link (ENOENT) and a named pipe, which would block `readFile` forever if it were opened.
  it('an unreadable file: a dangling symbolic link', async () => {
    const link = path.join(dir, 'dangling.yaml')
    await symlink(path.join(dir, 'nowhere', 'gone.yaml'), link)
    const { problems } = await readRulesFile(link)
    expect(problems[0]).toMatchObject({
      code: 'KB_FILE_UNREADABLE',
      message: 'Expected a readable file, not one that fails with ENOENT',
    })
  })

  it.skipIf(process.platform === 'win32')('an unreadable file: a named pipe nobody writes to', async () => {
    const fifo = path.join(dir, 'pipe.yaml')
    execFileSync('mkfifo', [fifo])
    const { problems } = await readRulesFile(fifo)
    expect(problems[0]).toMatchObject({
      code: 'KB_FILE_UNREADABLE',
      message: expect.stringContaining('regular file'),
    })
  })

  it('a whole folder with hostile files: every problem at once, nothing loaded', async () => {
    const rules = await copyRules()
    await writeFile(path.join(rules, 'tabs.yaml'), `${header}kind: catalog\nproducts:\n\t- id: a\n`)
    await symlink(path.join(rules, 'gone.yaml'), path.join(rules, 'dangling.yaml'))
    const { problems, model } = await lintRules(rules)
    expect(model).toBeUndefined()
    expect(problems.map((problem) => [path.basename(problem.file), problem.code])).toEqual([
      ['dangling.yaml', 'KB_FILE_UNREADABLE'],
      ['tabs.yaml', 'KB_YAML_SYNTAX'],
    ])
  })

  it('a duplicate product id across files names the first definition', async () => {
    const rules = await copyRules()
    await writeFile(
      path.join(rules, 'more.yaml'),
      `${header}kind: catalog\nproducts:\n${product('wsus-3.0')}`,
    )
    const { problems } = await lintRules(rules)
    const duplicate = problems.find((problem) => problem.code === 'KB_DUPLICATE_ID')
    expect(duplicate).toMatchObject({ file: expect.stringMatching(/more\.yaml$/), line: 4, column: 9 })
    expect(duplicate?.message).toMatch(/products\.yaml:\d+:\d+/)
  })
})

describe('parseYamlSource never throws', () => {
  it('returns problems for input the parser cannot even tokenize', () => {
    for (const text of ['\u0000', '{', '- - - -\n  :', '&a *a', '? ? ?', '%YAML 9.9\n---\n']) {
      const source = parseYamlSource('x.yaml', text)
      expect(Array.isArray(source.problems)).toBe(true)
    }
  })
})
