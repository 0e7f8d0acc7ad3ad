// 03: validate a rules folder and print its problems. Run: npx tsx docs/examples/03-lint-rules.ts [dir]
import { formatProblem, lintRules } from '../../src/index.ts'

const { problems } = await lintRules(process.argv[2])
for (const problem of problems) console.log(formatProblem(problem))
console.log(problems.length === 0 ? 'no problems' : `${problems.length} problem(s)`)
