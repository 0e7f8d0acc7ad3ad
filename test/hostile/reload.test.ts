// Hot reload (`kb serve --watch`): a broken change is logged with its position and the last good version
// keeps answering; a good change is swapped in whole, and no request ever sees half of it.
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ReloadOutcome, type RulesWatch, watchKnowledgeBase } from '../../src/cli/watch-rules.ts'
import { createApp } from '../../src/http/app.ts'
import { KnowledgeBaseHolder } from '../../src/http/knowledge-holder.ts'
import { loadKnowledgeBase } from '../../src/knowledge-base.ts'
import { defaultLocalesDir, loadResources } from '../../src/render/i18n.ts'
import { copyRules, removeCopies } from '../helpers/temp-rules.ts'

afterAll(removeCopies)

// With the DLL at exactly the fixed version, the answer flips when the fixed version moves up.
const facts = {
  wsusVersion: '3.0 SP1',
  office2003OnClients: true,
  webServicesClientDllVersion: '3.1.6001.66',
}

let rules: string
let locales: string
let app: ReturnType<typeof createApp>
let watcher: RulesWatch
let logged: string[]
let outcomes: ReloadOutcome[]
let waiters: Array<(outcome: ReloadOutcome) => void>

beforeEach(async () => {
  rules = await copyRules()
  locales = path.join(rules, '..', 'locales')
  await cp(defaultLocalesDir, locales, { recursive: true })
  const holder = new KnowledgeBaseHolder(await loadKnowledgeBase(rules), await loadResources(locales))
  app = createApp({ kb: holder, logger: () => {} })
  logged = []
  outcomes = []
  waiters = []
  watcher = watchKnowledgeBase({
    rules,
    locales,
    holder,
    debounceMs: 100,
    log: (line) => logged.push(line),
    onReload: (outcome) => {
      outcomes.push(outcome)
      for (const waiter of waiters.splice(0)) waiter(outcome)
    },
  })
  // The recursive watch starts asynchronously: touch an ignored dot-file until a reload shows it is live.
  await changeAndWait(() => writeFile(path.join(rules, '.touched'), String(Date.now())), 'reloaded', 10)
  logged = []
})
afterEach(() => watcher.close())

const check = async () => {
  const response = await app.request('/v1/check?article=954960', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(facts),
  })
  expect(response.status).toBe(200)
  return response.text()
}

/** Apply a change and wait for the reload it triggers; idempotent changes may be retried `attempts` times. */
async function changeAndWait(
  change: () => Promise<void>,
  wanted: ReloadOutcome['status'],
  attempts = 1,
): Promise<ReloadOutcome> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const next = new Promise<ReloadOutcome | undefined>((resolve) => {
      waiters.push(resolve)
      // Generous: under eight request loops on a busy machine a reload takes seconds; this bounds a hang.
      setTimeout(() => resolve(undefined), 30_000)
    })
    await change()
    const outcome = await next
    if (outcome?.status === wanted) return outcome
  }
  throw new Error(`Expected a ${wanted} reload after the change, not none`)
}

const edit = async (file: string, search: string, replacement: string) => {
  const text = await readFile(file, 'utf8')
  expect(text).toContain(search)
  await writeFile(file, text.replace(search, replacement))
}

describe('kb serve --watch', () => {
  it('logs a broken change with file:line:column and keeps answering from the last good version', async () => {
    const before = await check()
    const article = path.join(rules, 'articles', '954960', 'article.yaml')
    const outcome = await changeAndWait(
      () => edit(article, 'fixedVersion: 3.1.6001.66', 'fixedVersion: [3.1'),
      'rejected',
    )
    expect(outcome.status === 'rejected' && outcome.problems[0]?.code).toBe('KB_YAML_SYNTAX')
    expect(logged.some((line) => /articles\/954960\/article\.yaml:\d+:\d+ error /.test(line))).toBe(true)
    expect(logged.at(-1)).toMatch(/still serving the last good version$/)
    expect(await check()).toBe(before)

    // A change that parses but fails validation is refused the same way.
    await changeAndWait(() => edit(article, 'fixedVersion: [3.1', 'fixedVersion: not-a-version'), 'rejected')
    expect(await check()).toBe(before)

    // A broken locale file too.
    const strings = path.join(locales, 'en', '954960.yaml')
    await edit(article, 'fixedVersion: not-a-version', 'fixedVersion: 3.1.6001.66')
    await changeAndWait(
      () => edit(strings, 'wsus-3-sp1-unpatched: "', 'wsus-3-sp1-unpatched: "\n\t:'),
      'rejected',
    )
    expect(logged.some((line) => /locales\/en\/954960\.yaml:\d+:\d+ error /.test(line))).toBe(true)
    expect(await check()).toBe(before)
  })

  it('serves a good change atomically: every answer during the swap is all-old or all-new', async () => {
    const before = await check()
    expect(JSON.parse(before).results[0].verdict).not.toBe('affected')

    let stop = false
    const answers: string[] = []
    const hammer = async () => {
      while (!stop) {
        answers.push(await check())
        // An in-process request can complete in microtasks alone; yield so timers and fs events run.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
    const hammers = Array.from({ length: 8 }, hammer)
    const article = path.join(rules, 'articles', '954960', 'article.yaml')
    const strings = path.join(locales, 'en', '954960.yaml')
    await changeAndWait(async () => {
      // Two files, one change: the debounce turns them into one reload.
      await Promise.all([
        edit(article, 'fixedVersion: 3.1.6001.66', 'fixedVersion: 3.1.6001.67'),
        edit(strings, 'is affected until', 'is affected (reloaded) until'),
      ])
    }, 'reloaded')
    const after = await check()
    stop = true
    await Promise.all(hammers)

    const result = JSON.parse(after).results[0]
    expect(result.verdict).toBe('affected')
    expect(result.reasons[0].message).toContain('is affected (reloaded) until')
    expect(result.reasons[0].message).toContain('3.1.6001.67')
    const strays = answers.filter((answer) => answer !== before && answer !== after)
    expect(strays).toEqual([])
    expect(answers).toContain(before)
    expect(logged.some((line) => /^kb serve: reloaded \d+ article\(s\) from /.test(line))).toBe(true)
  })
})
