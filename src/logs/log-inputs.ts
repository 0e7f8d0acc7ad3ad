/**
 * @module Which log is which: inputs named by log kind (`{logs: {cbs: 'CBS.log'}}`) or by the `client` and
 * `server` shortcuts, resolved against the log-kind registry before anything is read.
 */

import type { LogKind } from '../kb/schema/log-kinds.ts'
import { suggest } from '../kb/suggest.ts'
import type { LogsByKind } from './diagnose.ts'
import type { LogInput } from './sources.ts'

/** The logs to diagnose: by kind, and through the shortcuts of the kinds marked `shortcut: client|server`. */
export interface DiagnoseInputs {
  /** Logs by kind id of the registry (`rules/logs.yaml`), one or several per kind. */
  logs?: LogsByKind
  /** The log kind marked `shortcut: client` (a client's WindowsUpdate.log in the built-in registry). */
  client?: LogInput | LogInput[]
  /** The log kind marked `shortcut: server` (a WSUS server's SoftwareDistribution.log in the built-in registry). */
  server?: LogInput | LogInput[]
}

/** The shortcuts a log kind may carry, in the order they are resolved. */
export const logShortcuts = ['client', 'server'] as const

/**
 * The inputs by kind id, each a list, shortcut inputs after those named by kind. Throws a `RangeError` that
 * lists the registry's kinds for an unknown kind or a shortcut that no kind carries.
 *
 * @example
 * resolveLogInputs({client: 'pc1.log', logs: {cbs: 'CBS.log'}}, model.logKinds)
 * // {cbs: ['CBS.log'], windowsupdate: ['pc1.log']}
 */
export function resolveLogInputs(
  inputs: DiagnoseInputs,
  logKinds: readonly LogKind[],
): Record<string, LogInput[]> {
  const ids = logKinds.map((kind) => kind.id)
  const resolved: Record<string, LogInput[]> = {}
  const add = (kind: string, given: LogInput | LogInput[] | undefined) => {
    if (given === undefined) return
    resolved[kind] = [...(resolved[kind] ?? []), ...(Array.isArray(given) ? given : [given])]
  }
  for (const [kind, given] of Object.entries(inputs.logs ?? {})) {
    if (!ids.includes(kind)) throw new RangeError(unknownKind(kind, ids))
    add(kind, given)
  }
  for (const shortcut of logShortcuts) {
    if (inputs[shortcut] === undefined) continue
    const kind = logKinds.find((candidate) => candidate.shortcut === shortcut)
    if (!kind) {
      throw new RangeError(
        `Expected a log kind marked \`shortcut: ${shortcut}\` in the registry, not none: name the kind instead (${ids.map((id) => `\`${id}\``).join(', ')})`,
      )
    }
    add(kind.id, inputs[shortcut])
  }
  return resolved
}

/**
 * The message for a log kind the registry does not have.
 *
 * @example
 * unknownKind('cbs.log', ['windowsupdate', 'cbs']) // 'Expected a log kind of the knowledge base (…), not `cbs.log`; did you mean `cbs`?'
 */
export function unknownKind(kind: string, ids: readonly string[]): string {
  return `Expected a log kind of the knowledge base (${ids.map((id) => `\`${id}\``).join(', ')}), not \`${kind}\`${suggest(kind, [...ids])}`
}
