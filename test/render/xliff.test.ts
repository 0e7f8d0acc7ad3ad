import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultRulesDir } from '../../src/kb/load.ts'
import { defaultLocalesDir } from '../../src/render/i18n.ts'
import { readXliff } from '../../src/render/xliff-read.ts'
import { kb } from './helpers.ts'

/** A copy of the fictional article's rules and locales in a fresh temporary folder. */
async function fictionalCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-xliff-'))
  await cp('test/fixtures/fictional', dir, { recursive: true })
  return dir
}

/** Change the English of the fictional article's `other-versions` reason, making its translations stale. */
async function changeEnglish(dir: string, to: string): Promise<void> {
  const english = path.join(dir, 'locales/en/contoso-1001.yaml')
  const text = await readFile(english, 'utf8')
  await writeFile(english, text.replace('Only Widget Server 4.2 forgets coffee orders.', to))
}

/** The target element of a trans-unit, as `[whole unit, state, target text]`. */
function unit(xliff: string, id: string): { state: string; target: string } {
  const match = new RegExp(
    `<trans-unit id="${id.replace(/\./g, '\\.')}"[^>]*>\\s*<source>[^<]*</source>\\s*<target state="([^"]+)">([^<]*)</target>`,
  ).exec(xliff)
  if (!match) throw new Error(`no trans-unit ${id}`)
  return { state: match[1]!, target: match[2]! }
}

function setTarget(xliff: string, id: string, text: string, state = 'translated'): string {
  const { target } = unit(xliff, id)
  return xliff.replace(
    new RegExp(
      `(<trans-unit id="${id.replace(/\./g, '\\.')}"[^>]*>\\s*<source>[^<]*</source>\\s*)<target state="[^"]+">[^<]*</target>`,
    ),
    `$1<target state="${state}">${text || target}</target>`,
  )
}

/** `kb locale import FILE` into the copy in `dir`, checked against its rules. */
function importInto(dir: string, file: string, ...options: string[]) {
  const folders = ['--rules', path.join(dir, 'rules'), '--locales', path.join(dir, 'locales')]
  return kb(['locale', 'import', file, ...folders, ...options])
}

async function exportPolish(dir: string, out = path.join(dir, 'pl.xlf')): Promise<string> {
  const result = await kb([
    'locale',
    'export',
    '--lang',
    'pl',
    '--locales',
    path.join(dir, 'locales'),
    '--out',
    out,
  ])
  expect(result.status, result.stderr).toBe(0)
  return readFile(out, 'utf8')
}

describe('kb locale export --format xliff', () => {
  it('writes XLIFF 1.2 whose states follow the source hashes: translated, needs-review-translation, new', async () => {
    const dir = await fictionalCopy()
    await changeEnglish(dir, 'Only Widget Server 4.2 forgets coffee orders, and only on Mondays.')
    const polish = path.join(dir, 'locales/pl/contoso-1001.yaml')
    await writeFile(polish, (await readFile(polish, 'utf8')).replace(/^ {4}disconnect: .*\n/m, ''))
    const xliff = await exportPolish(dir)
    expect(xliff).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">/,
    )
    expect(xliff).toContain(
      '<file original="contoso-1001" datatype="plaintext" source-language="en" target-language="pl">',
    )
    expect(unit(xliff, 'verdicts.rules.no-brewer').state).toBe('translated')
    expect(unit(xliff, 'verdicts.rules.other-versions').state).toBe('needs-review-translation')
    expect(unit(xliff, 'verdicts.actions.disconnect')).toEqual({ state: 'new', target: '' })
  })

  it('refuses a language that is not a translation, and a namespace en/ does not have', async () => {
    const dir = await fictionalCopy()
    const locales = path.join(dir, 'locales')
    expect((await kb(['locale', 'export', '--lang', 'en', '--locales', locales])).stderr).toContain(
      'Expected --lang nl|pl|nb, not `en`',
    )
    const unknown = await kb(['locale', 'export', '--lang', 'pl', '--ns', 'nope', '--locales', locales])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('`nope`')
  })
})

describe('kb locale import', () => {
  it('imports a changed target and records its hash, so a stale string becomes clean', async () => {
    const dir = await fictionalCopy()
    await changeEnglish(dir, 'Only Widget Server 4.2 ever forgets coffee orders.')
    const rules = path.join(dir, 'rules')
    const polishProblems = async () =>
      (await kb(['lint', '--rules', rules])).stdout.split('\n').filter((line) => line.includes('/pl/'))
    expect((await polishProblems()).join('\n')).toContain('KB_LOCALE_STALE')
    const file = path.join(dir, 'pl.xlf')
    const xliff = await exportPolish(dir, file)
    await writeFile(
      file,
      setTarget(
        xliff,
        'verdicts.rules.other-versions',
        'Zamówienia kawy gubi zawsze tylko Widget Server 4.2 &amp; nic innego.',
      ),
    )
    const polish = path.join(dir, 'locales/pl/contoso-1001.yaml')
    const before = await readFile(polish, 'utf8')
    const imported = await importInto(dir, file)
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    expect(imported.stdout).toContain('1 string changed, 1 marked reviewed')
    const after = await readFile(polish, 'utf8')
    expect(after).toContain(
      'other-versions: Zamówienia kawy gubi zawsze tylko Widget Server 4.2 & nic innego.',
    )
    // Comments and every other line stay as they were.
    const changedLines = after.split('\n').filter((line, index) => line !== before.split('\n')[index])
    expect(changedLines).toHaveLength(2)
    expect(await polishProblems()).toEqual([])
  })

  it('reports placeholder, Markdown and unknown-id problems at the XLIFF line:column and writes nothing', async () => {
    const dir = await fictionalCopy()
    const file = path.join(dir, 'pl.xlf')
    let xliff = await exportPolish(dir, file)
    xliff = setTarget(xliff, 'verdicts.actions.update-firmware', 'Zainstaluj aktualizację {{fixID}}.')
    xliff = setTarget(xliff, 'verdicts.rules.no-brewer', 'Bez **urządzenia serwer działa.')
    xliff = setTarget(xliff, 'verdicts.rules.other-versions', 'Tylko 4.2.', 'final').replace(
      'id="verdicts.rules.other-versions"',
      'id="verdicts.rules.other-version"',
    )
    await writeFile(file, xliff)
    const locales = path.join(dir, 'locales')
    const before = await readFile(path.join(locales, 'pl/contoso-1001.yaml'), 'utf8')
    const result = await importInto(dir, file)
    expect(result.status).toBe(1)
    const lineOf = (id: string) => xliff.split('\n').findIndex((line) => line.includes(`id="${id}"`)) + 1 + 2
    expect(result.stderr).toContain(
      `pl.xlf:${lineOf('verdicts.actions.update-firmware')}:9 error trans-unit \`verdicts.actions.update-firmware\`: Expected the placeholders`,
    )
    expect(result.stderr).toMatch(
      /trans-unit `verdicts.rules.no-brewer`: Expected balanced Markdown.*\(KB_LOCALE_MARKDOWN\)/,
    )
    expect(result.stderr).toMatch(/trans-unit `verdicts.rules.other-version`: .*\(KB_XLIFF_UNKNOWN_UNIT\)/)
    expect(result.stderr).toContain('nothing was written')
    expect(await readFile(path.join(locales, 'pl/contoso-1001.yaml'), 'utf8')).toBe(before)
    expect((await readdir(path.join(locales, 'pl'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('refuses malformed XML, XLIFF 2.0 and a file of another language, with their position', async () => {
    const dir = await fictionalCopy()
    const file = path.join(dir, 'bad.xlf')
    const cases: Array<[string, RegExp]> = [
      [
        '<xliff version="1.2">\n  <file original="x">\n</xliff>',
        /bad\.xlf:3:\d+ error Expected well-formed XML.*\(KB_XLIFF_SYNTAX\)/,
      ],
      [
        '<xliff version="2.0" srcLang="en" trgLang="pl"></xliff>',
        /bad\.xlf:1:1 error Expected an XLIFF 1\.2 document.*\(KB_XLIFF_VERSION\)/,
      ],
      [
        '<xliff version="1.2"><file original="contoso-1001" source-language="en" target-language="pl-PL"><body/></file></xliff>',
        /Expected target-language `nl` \(--lang\), not `pl`/,
      ],
    ]
    for (const [text, expected] of cases) {
      await writeFile(file, text)
      const result = await importInto(dir, file, '--lang', 'nl')
      expect(result.status, text).toBe(1)
      expect(result.stderr).toMatch(expected)
    }
  })
})

describe('translator round trip on the built-in knowledge base', () => {
  it('export, change a target, import: lint is clean and the rendered document shows the change', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-xliff-'))
    await cp(defaultRulesDir, path.join(dir, 'rules'), { recursive: true })
    await cp(defaultLocalesDir, path.join(dir, 'locales'), { recursive: true })
    const rules = path.join(dir, 'rules')
    const article = '954960'
    const file = path.join(dir, 'pl.xlf')
    expect(
      (
        await kb([
          'locale',
          'export',
          '--lang',
          'pl',
          '--ns',
          article,
          '--locales',
          path.join(dir, 'locales'),
          '--out',
          file,
        ])
      ).status,
    ).toBe(0)
    const xliff = await readFile(file, 'utf8')
    expect(xliff).not.toContain('state="needs-review-translation"')
    await writeFile(file, setTarget(xliff, 'kb.title', 'Tytuł zmieniony w narzędziu CAT'))
    const imported = await importInto(dir, file)
    expect(imported.status, imported.stderr).toBe(0)
    const lint = await kb(['lint', '--rules', rules])
    expect(lint.stdout).toBe('')
    expect(lint.status).toBe(0)
    const rendered = await kb([
      'render',
      article,
      '--doc',
      'kb',
      '--lang',
      'pl',
      '--format',
      'html',
      '--rules',
      rules,
    ])
    expect(rendered.stdout).toContain('<h1>Tytuł zmieniony w narzędziu CAT</h1>')
  }, 60_000)
})

describe('readXliff', () => {
  it('reads units inside groups, <mrk> segments as their text, and approved="yes"', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
      '  <file original="common" source-language="en-US" target-language="nb-NO" datatype="plaintext"><body>',
      '    <group id="g1">',
      '      <trans-unit id="check.or" approved="yes">',
      '        <source>or</source>',
      '        <seg-source><mrk mtype="seg" mid="1">or</mrk></seg-source>',
      '        <target state="final"><mrk mtype="seg" mid="1">eller</mrk></target>',
      '      </trans-unit>',
      '    </group>',
      '    <trans-unit id="check.reasons"><source>Why</source><target>Hvorfor <g id="1">nå</g></target></trans-unit>',
      '  </body></file>',
      '</xliff>',
    ].join('\n')
    const read = readXliff('nb.xlf', text)
    expect(read.language).toBe('nb')
    expect(read.units[0]).toMatchObject({
      namespace: 'common',
      id: 'check.or',
      source: 'or',
      target: 'eller',
      state: 'final',
      approved: true,
      line: 8,
      column: 9,
    })
    expect(read.problems).toMatchObject([
      { code: 'KB_XLIFF_INLINE', line: 11, path: ['common', 'check.reasons'] },
    ])
  })
})
