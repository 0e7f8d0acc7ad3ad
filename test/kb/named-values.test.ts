import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { lintRules } from '../../src/kb/load.ts'
import { formatProblem } from '../../src/kb/problem.ts'
import { copyRules, patchFile, removeCopies } from '../helpers/temp-rules.ts'

afterAll(removeCopies)

const minimal = 'test/fixtures/minimal/rules'
const verdicts = 'articles/contoso-2001/verdicts.yaml'

/** The errors of a copy of the minimal fixture with one line of its verdicts replaced, as compilers print them. */
async function errorsAfter(search: string, replacement: string, file = verdicts): Promise<string[]> {
  const dir = await copyRules(minimal)
  await patchFile(dir, file, search, replacement)
  const { problems } = await lintRules(dir)
  return problems.map((problem) =>
    formatProblem({ ...problem, file: path.relative(dir, problem.file).split(path.sep).join('/') }),
  )
}

test('the minimal fixture, with only named values and products, lints clean', async () => {
  const { problems, model } = await lintRules(minimal)
  expect(problems).toEqual([])
  expect(model?.articles[0]?.article.values).toEqual({ threshold: '10.0.14393' })
})

test('a literal version in a rule is rejected and names the declared value with the same content', async () => {
  expect(await errorsAfter('valueRef: threshold }', 'value: 10.0.14393 }')).toEqual([
    `${verdicts}:7:63 error Expected \`valueRef\` for the version fact \`hubBuild\`, not the literal \`10.0.14393\`; use \`valueRef: threshold\` (KB_LITERAL_VALUE)`,
  ])
})

test('a literal version no value holds asks the author to declare one under values:', async () => {
  expect(await errorsAfter('valueRef: threshold }', 'value: "9.9" }')).toEqual([
    `${verdicts}:7:63 error Expected \`valueRef\` for the version fact \`hubBuild\`, not the literal \`9.9\`; declare it under \`values:\` in article.yaml and use \`valueRef: <name>\` (KB_LITERAL_VALUE)`,
  ])
})

test('a valueRef to an unknown name is a problem with "did you mean"', async () => {
  expect(await errorsAfter('valueRef: threshold }', 'valueRef: treshold }')).toEqual([
    `${verdicts}:7:66 error Expected \`valueRef\` to name a value of the article's \`values:\`, not \`treshold\`; did you mean \`threshold\`? (KB_UNKNOWN_REFERENCE)`,
  ])
})

test('enum and boolean values stay literal: they are the fact vocabulary', async () => {
  const { problems } = await lintRules('test/fixtures/fictional/rules')
  expect(problems).toEqual([])
})

test('a named value that does not fit the fact it is compared with is an error at the valueRef', async () => {
  const errors = await errorsAfter(
    'threshold: 10.0.14393',
    'threshold: not-a-build',
    'articles/contoso-2001/article.yaml',
  )
  expect(errors).toEqual([
    `${verdicts}:7:66 error Expected \`hubBuild\` to be a dotted version such as \`3.1.6001.66\`, not \`not-a-build\` (KB_INVALID_VALUE)`,
    `${verdicts}:10:78 error Expected \`hubBuild\` to be a dotted version such as \`3.1.6001.66\`, not \`not-a-build\` (KB_INVALID_VALUE)`,
  ])
})

test('the component names its versions among the values, and a wrong name is an error at the component', async () => {
  const dir = await copyRules('test/fixtures/fictional/rules')
  await patchFile(
    dir,
    'articles/contoso-1001/article.yaml',
    '  fixedVersion: fixedVersion',
    '  fixedVersion: fixedVersoin',
  )
  const { problems } = await lintRules(dir)
  expect(
    problems.map((problem) => `${problem.line}:${problem.column} ${problem.code} ${problem.message}`),
  ).toEqual([
    '45:17 KB_UNKNOWN_REFERENCE Expected `component.fixedVersion` to name a value of `values:`, not `fixedVersoin`; did you mean `fixedVersion`?',
  ])
})
