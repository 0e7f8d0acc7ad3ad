import type { Command } from 'commander'
import { type AccessOptions, parseApiKeyHashes } from '../../http/access.ts'
import { createApp } from '../../http/app.ts'
import { KnowledgeBaseHolder } from '../../http/knowledge-holder.ts'
import { batchedLogger } from '../../http/request-log.ts'
import { startServer } from '../../http/server.ts'
import { defaultRulesDir } from '../../kb/paths.ts'
import { defaultLocalesDir, localesBeside } from '../../render/i18n.ts'
import { loadRenderResources } from '../../render/renderer.ts'
import type { CliContext } from '../context.ts'
import { UsageError } from '../io.ts'
import { keepRunningWhenOutputFails } from '../output-errors.ts'
import { parsePositive } from '../parse-positive.ts'
import { escapeControls } from '../terminal-text.ts'
import { watchKnowledgeBase } from '../watch-rules.ts'

interface ServeCommandOptions {
  host: string
  port?: string
  rules?: string
  corsOrigin: string[]
  frameAncestors: string[]
  watch?: boolean
  apiKeys?: string
  rateLimit?: number
  trustProxy?: boolean
  maxCompiledArticles?: number
  stringsMemory?: number
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
    .option(
      '--api-keys <file>',
      'require an API key on /v1/*: FILE holds SHA-256 hashes of the keys, one per line (or set $KB_API_KEYS)',
    )
    .option(
      '--rate-limit <n>',
      'at most N requests a minute per API key, or per address without one',
      parsePositive,
    )
    .option('--trust-proxy', 'take the client address from X-Forwarded-For (behind a reverse proxy)')
    .option(
      '--max-compiled-articles <n>',
      `keep at most N articles compiled for evaluation, the least recently used let go and compiled again when asked about (default: all; same answers, less memory for a lower N, more time for queries about more articles)`,
      parsePositive,
    )
    .option(
      '--strings-memory <MiB>',
      `keep up to N MiB of the translations parsed, per locales folder, the least recently used let go and read again when needed (default: 0.25; a check of a thousand articles reads the strings of every article it concerns: more memory makes such checks faster)`,
      parsePositive,
    )
    .addHelpText(
      'after',
      `
Examples:
  kb serve
  PORT=8080 kb serve --host 0.0.0.0
  kb serve --cors-origin https://helpdesk.example.com --frame-ancestors https://helpdesk.example.com
  printf %s "$KEY" | sha256sum | cut -d' ' -f1 > keys.txt; kb serve --host 0.0.0.0 --api-keys keys.txt --rate-limit 600

Logs one JSON line per request on stderr. Stops on SIGTERM or SIGINT after the requests in flight.`,
    )
    .action((options: ServeCommandOptions) => context.guard(() => runServe(options, context)))
}

async function runServe(options: ServeCommandOptions, context: CliContext): Promise<void> {
  const port = parsePort(options.port ?? context.io.env.PORT ?? '3000')
  // A closed log pipe (`kb serve 2>&1 | head`, a restarted log shipper) costs the log lines, not the server.
  keepRunningWhenOutputFails()
  const kbOptions =
    options.maxCompiledArticles === undefined ? {} : { maxCompiledArticles: options.maxCompiledArticles }
  const kb = await context.knowledgeBase(options.rules, kbOptions)
  // Strings beside a custom rules folder (a fixture's own locales/) are merged in, as `kb render` does.
  const source = options.rules === undefined ? {} : { rules: context.resolve(options.rules) }
  const strings =
    options.stringsMemory === undefined ? {} : { keepBytes: options.stringsMemory * 1024 * 1024 }
  const resources = await loadRenderResources(source, strings)
  const holder = new KnowledgeBaseHolder(kb, resources)
  // Request lines in batches (a write per request would cost about as much as answering it); any other
  // line writes the waiting ones first, so stderr keeps the order things happened in.
  const logger = batchedLogger((text) => context.io.stderr.write(text), {
    format: (line) => escapeControls(JSON.stringify(line)),
  })
  const say = (line: string) => {
    logger.flush()
    context.err(line)
  }
  const app = createApp({
    kb: holder,
    corsOrigins: options.corsOrigin,
    frameAncestors: options.frameAncestors,
    logger,
    access: await accessOptions(options, context),
  })
  const server = await startServer(app, { host: options.host, port })
  context.out(`kb serve: listening on ${server.url} (API description: ${server.url}openapi.json)`)
  // The search index is built on the first search, not now: at a thousand articles it holds every document
  // in four languages (gigabytes), which a server that only answers checks never needs.
  const watcher = options.watch
    ? watchKnowledgeBase({
        rules: source.rules ?? defaultRulesDir,
        locales: [defaultLocalesDir, ...besideLocales(source.rules)],
        loadStrings: () => loadRenderResources(source, strings),
        holder,
        log: say,
        knowledgeBase: kbOptions,
      })
    : undefined
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop)
      process.off('SIGINT', stop)
      say(`kb serve: ${signal}, finishing requests in flight`)
      watcher?.close()
      server.close().then(resolve, resolve)
    }
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
}

async function accessOptions(options: ServeCommandOptions, context: CliContext): Promise<AccessOptions> {
  const fromEnv = context.io.env.KB_API_KEYS
  let apiKeyHashes: string[] | undefined
  try {
    if (options.apiKeys !== undefined)
      apiKeyHashes = parseApiKeyHashes(await context.readInput(options.apiKeys), options.apiKeys)
    else if (fromEnv) apiKeyHashes = parseApiKeyHashes(fromEnv, '$KB_API_KEYS')
  } catch (error) {
    throw error instanceof RangeError ? new UsageError(error.message) : error
  }
  if (!apiKeyHashes && !['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    context.err(
      `kb serve: warning: listening on ${options.host} without API keys; anyone who reaches it can use the API`,
    )
  }
  return {
    ...(apiKeyHashes ? { apiKeyHashes } : {}),
    ...(options.rateLimit ? { rateLimit: { limit: options.rateLimit, windowMs: 60_000 } } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
  }
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
