/** The OpenAPI document generates a typed client: openapi-typescript, then tsc over a sample integrator script. */
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import openapiTS, { astToString } from 'openapi-typescript'
import { expect, test } from 'vitest'
import { json, testApp } from './helpers.ts'

const run = promisify(execFile)
const tsc = path.resolve('node_modules/typescript/bin/tsc')

// What an integrator writes against the generated types; every @ts-expect-error must be an error.
const integrator = `
import type { components, operations, paths } from './api.js'

type CheckBody = paths['/v1/check']['post']['requestBody']['content']['application/json']
type CheckAnswer = operations['checkFacts']['responses'][200]['content']['application/json']
type SearchAnswer = operations['searchArticles']['responses'][200]['content']['application/json']
type Problem = components['schemas']['Problem']

export const facts: CheckBody = { wsusVersion: '3.0 SP1', office2003OnClients: true, webServicesClientDllVersion: null }
// @ts-expect-error not a value of the vocabulary
export const wrongVersion: CheckBody = { wsusVersion: '9.9' }
// @ts-expect-error a yes/no fact is a boolean
export const wrongType: CheckBody = { office2003OnClients: 3 }
export const language: components['schemas']['Language'] = 'nb'
// @ts-expect-error not a language of the API
export const wrongLanguage: components['schemas']['Language'] = 'de'
export const code: Problem['code'] = 'KB_HTTP_INVALID_FACTS'

export function firstSubStep(answer: CheckAnswer): string | undefined {
  const [result] = answer.results
  const verdict: 'affected' | 'not_affected' | 'fixed' | 'unknown' | undefined = result?.verdict
  return verdict && result?.actions[0]?.articleStep?.steps?.[0]?.steps?.[0]?.text
}
export function bestArticle(answer: SearchAnswer): string | undefined {
  return answer.results[0]?.article
}
export type Operations = keyof operations
export const everyOperation: Operations[] = [
  'getHealth', 'listArticles', 'getArticle', 'getArticleDocument', 'getArticleCsaf', 'listFacts', 'getFeed',
  'searchArticles', 'checkFacts', 'diagnoseLogs',
]
type FeedHeaders = operations['getFeed']['responses'][200]['headers']
export const etag: FeedHeaders['ETag'] = '"abc"'
export type RateLimited = operations['checkFacts']['responses'][429]['headers']['Retry-After']
`

test('openapi-typescript makes a client whose types accept a correct integrator script and reject mistakes', async () => {
  const app = await testApp()
  const document = await json(app.request('/openapi.json'))
  const operations = Object.values(
    document.paths as Record<string, Record<string, { operationId?: string }>>,
  ).flatMap((methods) => Object.values(methods))
  expect(operations.every((operation) => typeof operation.operationId === 'string')).toBe(true)
  expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(operations.length)

  const dir = await mkdtemp(path.join(tmpdir(), 'kb-openapi-client-'))
  await writeFile(path.join(dir, 'api.ts'), astToString(await openapiTS(document)))
  await writeFile(path.join(dir, 'integrator.ts'), integrator)
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        types: [],
      },
      files: ['integrator.ts'],
    }),
  )
  const result = await run(process.execPath, [tsc, '-p', dir]).catch((error) => error)
  expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('')
}, 60_000)
