import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kb } from '../helpers/run-cli.ts'
import { removeCopies, twoArticleRules } from '../helpers/temp-rules.ts'

describe('kb check', () => {
  it('answers the acceptance question with JSON: affected, with an action to install KB954960', async () => {
    const run = await kb([
      'check',
      '--json',
      '--article',
      '954960',
      '--fact',
      'wsusVersion=3.0 SP1',
      '--fact',
      'office2003OnClients=true',
      '--fact',
      'webServicesClientDllVersion=3.1.6001.65',
    ])
    expect(run.status).toBe(0)
    const { results } = JSON.parse(run.stdout)
    expect(results[0]).toMatchObject({ article: '954960', verdict: 'affected', missingFacts: [] })
    expect(results[0].actions.map((action: { id: string }) => action.id)).toEqual(
      expect.arrayContaining(['install-kb954960-x86', 'install-kb954960-x64']),
    )
    expect(results[0].actions[1].message).toMatch(/Install update KB954960 for x86 systems/)
  })

  it('prints a readable answer by default', async () => {
    const run = await kb([
      'check',
      '--article',
      '954960',
      '--fact',
      'wsusVersion=3.0',
      '--fact',
      'office2003OnClients=yes',
    ])
    expect(run.stdout).toMatch(/^Article 954960\nVerdict: Affected\n/)
    expect(run.stdout).toMatch(/Upgrade to WSUS 3.0 SP1, which receives update KB954960\. \(recommended\)/)
  })

  it("reuses the article's own workaround steps, in the language asked for", async () => {
    const run = await kb([
      'check',
      '--article',
      '954960',
      '--lang',
      'pl',
      '--fact',
      'wsusVersion=3.0',
      '--fact',
      'office2003OnClients=true',
    ])
    const steps = run.stdout.split('\n').filter((line) => /^ {7}[a-g]\. /.test(line))
    // The seven workaround steps, then the three of the detection check.
    expect(steps.map((line) => line.trim().slice(0, 2))).toEqual([
      'a.',
      'b.',
      'c.',
      'd.',
      'e.',
      'f.',
      'g.',
      'a.',
      'b.',
      'c.',
    ])
    expect(run.stdout).toContain('W konsoli administracyjnej programu WSUS')
    expect(run.stdout).toMatch(/^ +D359F493-0AAD-43FA-AF5C-6763326CD98F$/m)
    expect(run.stdout).toMatch(/^ +wuauclt\.exe \/detectnow$/m)
  })

  it('reads facts from a file and from standard input; --fact overrides', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-facts-'))
    const file = path.join(dir, 'facts.json')
    await writeFile(file, JSON.stringify({ wsusVersion: '3.0', office2003OnClients: true }))
    const check = ['check', '--article', '954960', '--json', '--facts']
    expect(JSON.parse((await kb([...check, file])).stdout).results[0].verdict).toBe('affected')
    const piped = await kb([...check, '-', '--fact', 'office2003OnClients=false'], '{"wsusVersion":"3.0"}')
    expect(JSON.parse(piped.stdout).results[0].verdict).toBe('not_affected')
  })

  it.each([
    [
      ['check', '--fact', 'wsusVersion=3.1'],
      'kb: Expected `wsusVersion` to be one of `2.0`, `3.0`, `3.0 SP1`, `3.0 SP2`, not `3.1`',
    ],
    [['check', '--fact', 'wsusVersion'], 'kb: Expected `--fact` as name=value, not `wsusVersion`'],
    [
      ['check', '--facts', '/nonexistent.json'],
      'kb: Expected a readable file at `/nonexistent.json`, not one that fails with ENOENT',
    ],
    [['check', '--lang', 'fr'], 'kb: Expected `--lang` to be one of `en`, `nl`, `pl`, `nb`, not `fr`'],
    [
      ['check', '--article', '1'],
      /^kb: Expected an article of the knowledge base \((`[^`]+`, )*`954960`(, `[^`]+`)*\), not `1`$/,
    ],
  ])('exits 2 on bad input with one clear message: %j', async (args, message) => {
    const run = await kb(args)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    if (typeof message === 'string') expect(run.stderr.trim()).toBe(message)
    else expect(run.stderr.trim()).toMatch(message)
  })

  it('names malformed JSON on standard input', async () => {
    const run = await kb(['check', '--facts', '-'], '{"wsusVersion": ')
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^kb: Expected JSON facts in `standard input`, not text that fails to parse/)
  })

  it('warns about unknown fact names on stderr and still answers', async () => {
    const run = await kb(['check', '--fact', 'wsusVerison=3.0'])
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/did you mean `wsusVersion`\?/)
  })

  it.each([
    [['--fact', 'office2003OnClients=false', '--fact', 'wsusVersion=3.0'], 0],
    [['--fact', 'wsusVersion=3.0', '--fact', 'office2003OnClients=true'], 10],
    [['--fact', 'wsusVersion=3.0 SP1'], 11],
    [
      [
        '--fact',
        'wsusVersion=3.0 SP1',
        '--fact',
        'office2003OnClients=true',
        '--fact',
        'webServicesClientDllVersion=3.1.6001.66',
      ],
      0,
    ],
  ])('--exit-code makes the verdict the exit status: %j → %i', async (facts, status) => {
    expect((await kb(['check', '--article', '954960', '--exit-code', ...facts])).status).toBe(status)
  })

  describe('with two articles', () => {
    let rules: string
    beforeAll(async () => {
      rules = await twoArticleRules()
    })
    afterAll(removeCopies)
    const facts = ['--fact', 'widgetServerVersion=4.2', '--fact', 'brewerConnected=true']

    it('--exit-code ranks affected (10) over unknown (11), whatever the order of the results', async () => {
      const run = await kb([
        'check',
        '--rules',
        rules,
        '--exit-code',
        '--json',
        ...facts,
        '--fact',
        'brewerFirmware=9.0.1',
      ])
      const { results } = JSON.parse(run.stdout)
      expect(
        results.map((result: { article: string; verdict: string }) => [result.article, result.verdict]),
      ).toEqual([
        ['contoso-1001', 'affected'],
        ['contoso-2002', 'unknown'],
      ])
      expect(run.status).toBe(10)
    })

    it('--exit-code is 11 when none is affected and one is unknown, 0 when all are fixed or not affected', async () => {
      const unknown = await kb(['check', '--rules', rules, '--exit-code', ...facts])
      expect(unknown.status).toBe(11)
      const fine = await kb([
        'check',
        '--rules',
        rules,
        '--exit-code',
        ...facts,
        '--fact',
        'brewerFirmware=9.0.2',
      ])
      expect(fine.status).toBe(0)
    })

    it('lists results in article id order, not folder order, and says why an undecided case is unknown', async () => {
      const run = await kb(['check', '--rules', rules, ...facts, '--fact', 'brewerFirmware=9.0.1'])
      expect(run.stdout.match(/^Article .+$/gm)).toEqual(['Article contoso-1001', 'Article contoso-2002'])
      expect(run.stdout).toContain(
        'The rules of article contoso-2002 do not decide widgetServerVersion = 4.2, brewerFirmware = 9.0.1, brewerConnected = true',
      )
    })
  })

  it('evaluates a second, fictional article from --rules with no code change', async () => {
    const rules = 'test/fixtures/fictional/rules'
    const run = await kb([
      'check',
      '--rules',
      rules,
      '--json',
      '--fact',
      'widgetServerVersion=WS42',
      '--fact',
      'brewerConnected=true',
      '--fact',
      'brewerFirmware=9.0.1',
    ])
    const { results } = JSON.parse(run.stdout)
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ article: 'contoso-1001', verdict: 'affected' })
    expect(results[0].reasons[0].message).toBe(
      'Widget Server 4.2 forgets coffee orders while Fabrikam.Brewer.Driver.dll is older than 9.0.2.',
    )
    const unknown = JSON.parse(
      (await kb(['check', '--rules', rules, '--json', '--fact', 'widgetServerVersion=4.2'])).stdout,
    )
    expect(unknown.results[0].missingFacts).toEqual(['brewerConnected', 'brewerFirmware'])
  })

  it('accepts answers in the reader’s words: yes/no of any language and the labels beside --rules', async () => {
    const rules = 'test/fixtures/fictional/rules'
    const run = await kb([
      'check',
      '--rules',
      rules,
      '--json',
      '--fact',
      'widgetServerVersion=Widget Server 4.2',
      '--fact',
      'brewerConnected=tak',
      '--fact',
      'brewerFirmware=9.0.1',
    ])
    expect(run.status).toBe(0)
    const { results } = JSON.parse(run.stdout)
    expect(results[0]).toMatchObject({ verdict: 'affected' })
    expect(results[0].facts).toMatchObject({ widgetServerVersion: '4.2', brewerConnected: true })
    const wrong = await kb(['check', '--rules', rules, '--json', '--fact', 'brewerConnected=maybe'])
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain('Expected `brewerConnected` to be `true` or `false`, not `maybe`')
  })

  it('reports an invalid --rules folder with file:line:column and exits 2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-bad-'))
    await writeFile(path.join(dir, 'facts.yaml'), 'kind: facts\nfacts: 3\n')
    const run = await kb(['check', '--rules', dir])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(
      `${dir}/facts.yaml:2:8 error Expected \`facts\` to be a list, not number \`3\` (KB_WRONG_TYPE)`,
    )
  })
})

describe('kb lint', () => {
  it('passes on the built-in knowledge base', async () => {
    const run = await kb(['lint'])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('')
  })

  it('prints file:line:column per problem and exits 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-lint-'))
    await writeFile(path.join(dir, 'facts.yaml'), 'kind: facts\nfacts:\n  - name: a\n    type: bool\n')
    const run = await kb(['lint', '--rules', dir])
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(`${dir}/facts.yaml:1:1 warning Expected the first line to be`)
    expect(run.stdout).toContain(
      `${dir}/facts.yaml:4:11 error Expected \`type\` to be one of \`enum\`, \`boolean\`, \`version\`, not \`bool\` (KB_INVALID_VALUE)`,
    )
  })

  it('explains itself in --help', async () => {
    const run = await kb(['check', '--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/--exit-code/)
    expect(run.stdout).toMatch(
      /Examples \(fact names and values are the vocabulary's: docs\/facts\.md, GET \/v1\/facts\)/,
    )
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(
      /the most severe wins \(affected over unknown over the rest\)/,
    )
  })

  it('kb --help is not tied to one article', async () => {
    const run = await kb(['--help'])
    expect(run.stdout).not.toMatch(/954960/)
    expect(run.stdout).toMatch(/^ {2}graph \[options\] \[article\]/m)
  })
})
