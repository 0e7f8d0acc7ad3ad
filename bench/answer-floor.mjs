// The floor of a cold `kb check --json` that answers for every article: a Node.js process that makes the
// same answer's objects the cheapest way there is (JSON.parse of the answer `kb check` printed) and prints
// them as `kb check --json` does. No rules, no strings, no cache: what printing the answer alone costs.
// Usage: node bench/answer-floor.mjs ANSWER.json (the answer goes to stdout)
import { readFileSync } from 'node:fs'

const answer = JSON.parse(readFileSync(process.argv[2], 'utf8'))
process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`)
