/** @module Serve the app on Node's HTTP server, with a graceful shutdown. */

import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { flushRequestLog, replayingListener } from './replay.ts'

/** A listening server. */
export interface RunningServer {
  /** `http://host:port/`, with the port actually bound (useful with port 0). */
  url: string
  port: number
  /**
   * Stop accepting connections, let requests in flight finish, close idle keep-alive sockets, then write
   * the request-log lines still held back.
   */
  close(): Promise<void>
}

/**
 * Listen on `host:port` (port 0 picks a free one) and resolve once the socket is bound. `close()` waits
 * for requests in flight up to `graceMs` (10 s by default), then drops what is left.
 * A request whose headers and body take longer than `requestTimeoutMs` (300 s by default) gets 408.
 * An app from `createApp` answers a repeated `POST /v1/check` from its memo of complete responses
 * (`replay.ts`); any other app is served as it is.
 *
 * @example
 * const server = await startServer(createApp({kb}), {host: '127.0.0.1', port: 0})
 * console.log(server.url)
 * await server.close()
 */
export function startServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { host: string; port: number; graceMs?: number; requestTimeoutMs?: number },
): Promise<RunningServer> {
  // A client that trickles its headers or body gets 408 after this long (Node's default, made explicit
  // and checked often enough that a short value in tests takes effect).
  const requestTimeout = options.requestTimeoutMs ?? 300_000
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      hostname: options.host,
      port: options.port,
      serverOptions: {
        requestTimeout,
        headersTimeout: Math.min(60_000, requestTimeout),
        connectionsCheckingInterval: Math.min(30_000, Math.max(100, requestTimeout / 4)),
      },
      createServer: ((serverOptions: ServerOptions, listener: RequestListener) =>
        createServer(serverOptions, replayingListener(app, listener))) as typeof createServer,
    }) as Server
    server.once('error', reject)
    server.once('listening', () => {
      server.off('error', reject)
      const { port } = server.address() as AddressInfo
      const host = options.host.includes(':') ? `[${options.host}]` : options.host
      resolve({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => {
              flushRequestLog(app)
              if (error) fail(error)
              else done()
            })
            // Idle keep-alive sockets would hold close() open; busy ones finish their response first,
            // unless they take longer than the grace period.
            server.closeIdleConnections()
            setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000).unref()
          }),
      })
    })
  })
}
