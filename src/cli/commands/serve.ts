import type { Command } from 'commander'
import { createApp } from '../../http/app.ts'
import { KnowledgeBaseHolder } from '../../http/knowledge-holder.ts'
import { startServer } from '../../http/server.ts'
import { defaultRulesDir } from '../../kb/paths.ts'
import { defaultLocalesDir, localesBeside } from '../../render/i18n.ts'
import { loadRenderResources } from '../../render/renderer.ts'
import type { CliContext } from '../context.ts'
import { UsageError } from '../io.ts'
import { keepRunningWhenOutputFails } from '../output-errors.ts'
import { watchKnowledgeBase } from '../watch-rules.ts'

interface ServeCommandOptions {
  host: string
  port?: string
  rules?: string
  corsOrigin: string[]
  frameAncestors: string[]
  watch?: boolean
}

/**
 * Register `kb serve` on the program.
 *
 * @example
 * registerServe(new Command('kb'), new CliContext(processIo()))
 */
export function registerServe(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('Serve the HTTP API (docs/http.md) and the "Am I affected?" page.')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (default: $PORT, else 3000; 0 picks a free port)')
    .option('--rules <dir>', 'rules folder (default: the built-in rules/)')
    .option('--watch', 'reload rules and locales when they change; a broken change is logged and not served')
    .option(
      '--cors-origin <origin>',
      'allow cross-origin API calls from ORIGIN (repeatable; * for any)',
      collect,
      [],
    )
    .option(
      '--frame-ancestors <source>',
      'allow pages of SOURCE to embed the page in a frame (sandboxed too) and exchange messages with it, e.g. https://helpdesk.example.com (repeatable; docs/embedding.md)',
      collect,
      [],
    )
    .addHelpText(
      'after',
      `
Examples:
  kb serve
  PORT=8080 kb serve --host 0.0.0.0
  kb serve --cors-origin https://helpdesk.example.com --frame-ancestors https://helpdesk.example.com

Logs one JSON line per request on stderr. Stops on SIGTERM or SIGINT after the requests in flight.`,
    )
    .action((options: ServeCommandOptions) => context.guard(() => runServe(options, context)))
}

async function runServe(options: ServeCommandOptions, context: CliContext): Promise<void> {
  const port = parsePort(options.port ?? context.io.env.PORT ?? '3000')
  // A closed log pipe (`kb serve 2>&1 | head`, a restarted log shipper) costs the log lines, not the server.
  keepRunningWhenOutputFails()
  const kb = await context.knowledgeBase(options.rules)
  // Strings beside a custom rules folder (a fixture's own locales/) are merged in, as `kb render` does.
  const source = options.rules === undefined ? {} : { rules: context.resolve(options.rules) }
  const resources = await loadRenderResources(source)
  const holder = new KnowledgeBaseHolder(kb, resources)
  const app = createApp({
    kb: holder,
    corsOrigins: options.corsOrigin,
    frameAncestors: options.frameAncestors,
    logger: (line) => context.err(JSON.stringify(line)),
  })
  const server = await startServer(app, { host: options.host, port })
  context.out(`kb serve: listening on ${server.url} (API description: ${server.url}openapi.json)`)
  const watcher = options.watch
    ? watchKnowledgeBase({
        rules: source.rules ?? defaultRulesDir,
        locales: [defaultLocalesDir, ...besideLocales(source.rules)],
        loadStrings: () => loadRenderResources(source),
        holder,
        log: (line) => context.err(line),
      })
    : undefined
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop)
      process.off('SIGINT', stop)
      context.err(`kb serve: ${signal}, finishing requests in flight`)
      watcher?.close()
      server.close().then(resolve, resolve)
    }
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value.trim()) || port > 65535) {
    throw new UsageError(`Expected a port number from 0 to 65535, not \`${value}\``)
  }
  return port
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function besideLocales(rules: string | undefined): string[] {
  const beside = rules === undefined ? undefined : localesBeside(rules)
  return beside === undefined ? [] : [beside]
}
