/** @module Schema of `kind: logs`: the shared registry of log kinds that signatures read. */
import { z } from 'zod'
import { Id } from './common.ts'

/** Schema of one log kind; its label is `logKinds.<id>` in `locales/<lang>/common.yaml`. */
export const LogKind = z.strictObject({
  /** What signatures write in `log:` and users in `--log KIND=FILE` (`windowsupdate`, `cbs`). */
  id: Id,
  /** The file name as Windows writes it, for messages and help (`WindowsUpdate.log`). */
  file: z.string().min(1),
  /** Where the file usually lives, with its environment variable (`%windir%\Logs\CBS\CBS.log`). */
  path: z.string().min(1),
  /**
   * How Windows usually encodes the file (`utf-8`, `utf-16le`, `ansi`); the reader detects the encoding
   * anyway, this tells a user what to expect when a copy looks wrong.
   */
  encoding: z.enum(['utf-8', 'utf-16le', 'ansi']).default('utf-8'),
  /** The command that writes the file when Windows keeps the log in another form (`Get-WindowsUpdateLog`). */
  command: z.string().min(1).optional(),
  /** The short option that names this kind: `client` for `--client FILE` and the `client` form field. */
  shortcut: z.enum(['client', 'server']).optional(),
})

/** Schema of `kind: logs`. */
export const LogKindsFile = z
  .strictObject({
    kind: z.literal('logs'),
    logs: z.array(LogKind).min(1),
  })
  .superRefine((file, context) => {
    const seen = new Map<string, string>()
    file.logs.forEach((log, index) => {
      for (const [field, value] of [
        ['id', log.id],
        ['shortcut', log.shortcut],
      ] as const) {
        if (value === undefined) continue
        const key = `${field}:${value}`
        if (seen.has(key)) {
          context.addIssue({
            code: 'custom',
            path: ['logs', index, field],
            message: `Expected ${field} \`${value}\` once, not again (first on ${seen.get(key)})`,
          })
        } else seen.set(key, `\`${log.id}\``)
      }
    })
  })

/** A validated log kind. */
export type LogKind = z.infer<typeof LogKind>
/** A validated `kind: logs` file. */
export type LogKindsFile = z.infer<typeof LogKindsFile>
