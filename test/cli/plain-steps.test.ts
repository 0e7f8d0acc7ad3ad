/**
 * The text answer of `kb check` and `kb diagnose` writes each step's Markdown as plain text, parsed once and
 * filed in the cache folder: the text must be the renderer's, whether parsed, read back, or with a damaged file.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { plainStepTexts } from '../../src/cli/plain-steps.ts'
import type { LocalizedCheckResult } from '../../src/render/localize-check.ts'
import { parseUnsanitized } from '../../src/render/markdown.ts'
import { toPlainText } from '../../src/render/plain-text.ts'

let cache: string
beforeAll(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'kb-plain-'))
})
afterEach(() => {
  vi.unstubAllEnvs()
})
afterAll(async () => {
  await rm(cache, { recursive: true, force: true })
})

const texts = [
  'Click **Decline**, then *Approve*.',
  'Run `wuauclt.exe /detectnow` twice.',
  'Open [the console](https://example.org/console) and ~~wait~~ check the log.',
  'A plain sentence.',
  '**Note** Several updates may match:\n\n- the first\n- the second',
]

/** Answers whose one action has the texts as steps, the last two nested under the first. */
function answers(): LocalizedCheckResult[] {
  const [first, ...rest] = texts.map((text) => ({ text }))
  const steps = [{ ...first!, steps: rest.slice(2) }, ...rest.slice(0, 2)]
  return [{ actions: [{ articleStep: { steps } }] } as unknown as LocalizedCheckResult]
}

const rendered = (markdown: string) =>
  toPlainText(parseUnsanitized(markdown))
    .trim()
    .replace(/\s*\n\s*/g, ' ')

describe('plain step texts', () => {
  it('are the renderer plain text, parsed, then read back from the cache folder', async () => {
    vi.stubEnv('KB_CACHE_DIR', cache)
    const parsed = await plainStepTexts(answers())
    expect(texts.map(parsed)).toEqual(texts.map(rendered))
    const filed = (await readdir(cache)).filter((name) => name.startsWith('plain-'))
    expect(filed).toHaveLength(1)
    // Only texts that need the parser are filed.
    const pairs = JSON.parse(await readFile(path.join(cache, filed[0]!), 'utf8')) as Array<[string, string]>
    expect(pairs.map(([text]) => text).sort()).toEqual(
      texts.filter((text) => text !== 'A plain sentence.').sort(),
    )
    const read = await plainStepTexts(answers())
    expect(texts.map(read)).toEqual(texts.map(rendered))
  })

  it('are parsed again when the filed texts are damaged, and without a cache folder', async () => {
    const damaged = await mkdtemp(path.join(cache, 'damaged-'))
    vi.stubEnv('KB_CACHE_DIR', damaged)
    await plainStepTexts(answers())
    const [file] = await readdir(damaged)
    for (const content of ['{"not": "pairs"}', '[["Click **Decline**, then *Approve*.", 5]]', '[[', '']) {
      await writeFile(path.join(damaged, file!), content)
      expect(texts.map(await plainStepTexts(answers()))).toEqual(texts.map(rendered))
    }
    vi.stubEnv('KB_CACHE_DIR', 'off')
    expect(texts.map(await plainStepTexts(answers()))).toEqual(texts.map(rendered))
  })

  it('refuses a Markdown text that was not among the answers', async () => {
    vi.stubEnv('KB_CACHE_DIR', 'off')
    const plain = await plainStepTexts(answers())
    expect(plain('Another sentence.')).toBe('Another sentence.')
    expect(() => plain('Another **bold** one.')).toThrow(/Expected a step text of the answers/)
  })
})
