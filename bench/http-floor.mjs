// The floor of the HTTP stack for `POST /v1/check`: a bare node:http server that reads the request body and
// answers with the bytes the app answered for the same body, precomputed. Plain JavaScript, no framework.
// Usage: node bench/http-floor.mjs ANSWER_FILE; prints its URL, stops on SIGTERM.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const answer = readFileSync(process.argv[2])
const server = createServer((request, response) => {
  request.on('data', () => {})
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': answer.length,
    })
    response.end(answer)
  })
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}/\n`))
process.once('SIGTERM', () => server.close(() => process.exit(0)))
