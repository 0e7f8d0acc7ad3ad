/**
 * @module The HTTP app on a free port in its own process, for the autocannon part of the benchmark.
 * Prints the URL on stdout once listening; stops on SIGTERM. Run: `node --import tsx bench/http-server.ts`.
 */
import { createApp } from '../src/http/app.ts'
import { startServer } from '../src/http/server.ts'
import { loadKnowledgeBase } from '../src/knowledge-base.ts'

const server = await startServer(createApp({ kb: await loadKnowledgeBase() }), { host: '127.0.0.1', port: 0 })
process.stdout.write(`${server.url}\n`)
process.once('SIGTERM', () => {
  server.close().then(() => process.exit(0))
})
