/** @module Read every YAML file of a rules folder, check its encoding and syntax, and validate it by kind. */
import { readFileSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { displayPath } from './display-path.ts'
import { type FileKind, fileKinds, kindNames } from './kinds.ts'
import type { Problem } from './problem.ts'
import { maxFileBytes, parseYamlSource, type YamlSource } from './yaml-source.ts'
import { issuesToProblems } from './zod-problems.ts'

/** A rules file that parsed and matched the schema of its kind. */
export interface ValidFile {
  file: string
  kind: FileKind
  data: unknown
  source: YamlSource
}

/**
 * List `*.yaml` and `*.yml` files below `dir`, sorted, skipping dot-folders.
 *
 * @example
 * await listYamlFiles('rules') // ['rules/articles/954960/article.yaml', …, 'rules/facts.yaml']
 */
export async function listYamlFiles(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (current: string) => {
    const entries = await readdir(current, { withFileTypes: true })
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(current, entry.name)
      // A folder named like a rules file is listed so that it is reported, not silently walked.
      if (/\.ya?ml$/i.test(entry.name)) found.push(full)
      else if (entry.isDirectory()) await walk(full)
    }
  }
  await walk(dir)
  return found.sort()
}

/**
 * Read and validate one file. Problems come back as data; `file` is undefined when the file is unusable.
 *
 * @example
 * const {file, problems} = await readRulesFile('/abs/rules/facts.yaml')
 */
export async function readRulesFile(absolute: string): Promise<{ file?: ValidFile; problems: Problem[] }> {
  const name = displayPath(absolute)
  const whole = (code: Problem['code'], message: string): { problems: Problem[] } => ({
    problems: [{ code, severity: 'error', message, file: name, line: 0, column: 0, path: [] }],
  })

  let bytes: Buffer
  try {
    // Synchronous: a promise's read is four round trips to the thread pool, and lint reads thousands of
    // small files one after another (a tenth of its time went waiting).
    const info = statSync(absolute)
    if (info.isDirectory())
      return whole(
        'KB_FILE_UNREADABLE',
        'Expected a file, not a directory; rename it so it does not end in `.yaml`',
      )
    // A named pipe or device would block `readFile` until someone writes to it: possibly forever.
    if (!info.isFile())
      return whole(
        'KB_FILE_UNREADABLE',
        'Expected a regular file, not a pipe, socket or device; replace it with a file',
      )
    if (info.size > maxFileBytes) {
      return whole(
        'KB_FILE_TOO_LARGE',
        `Expected a rules file of at most ${maxFileBytes} bytes, not ${info.size}; split it`,
      )
    }
    bytes = readFileSync(absolute)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    return whole('KB_FILE_UNREADABLE', `Expected a readable file, not one that fails with ${code}`)
  }

  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    const offset = firstInvalidUtf8(bytes)
    const before = bytes.subarray(0, offset).toString('utf8').split('\n')
    return {
      problems: [
        {
          code: 'KB_FILE_ENCODING',
          severity: 'error',
          message: `Expected UTF-8, not the byte 0x${bytes[offset]?.toString(16).padStart(2, '0')}; save the file as UTF-8`,
          file: name,
          line: before.length,
          column: (before.at(-1)?.length ?? 0) + 1,
          path: [],
        },
      ],
    }
  }

  const source = parseYamlSource(name, text)
  const problems = [...source.problems]
  if (problems.length > 0) return { problems }

  if (!/^# yaml-language-server: \$schema=\S+/.test(text)) {
    problems.push({
      code: 'KB_SCHEMA_COMMENT',
      severity: 'warning',
      message:
        'Expected the first line to be `# yaml-language-server: $schema=<path to schema/<kind>.schema.json>` so editors check the file',
      file: name,
      line: 1,
      column: 1,
      path: [],
    })
  }

  const data = source.data
  const kind =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as { kind?: unknown }).kind
      : undefined
  if (typeof kind !== 'string' || !(kind in fileKinds)) {
    problems.push({
      code: 'KB_UNKNOWN_KIND',
      severity: 'error',
      message: `Expected \`kind\` to be one of ${kindNames.map((k) => `\`${k}\``).join(', ')}, not ${kind === undefined ? 'nothing' : `\`${String(kind)}\``}`,
      file: name,
      ...source.locate(['kind']),
      path: ['kind'],
    })
    return { problems }
  }

  const result = fileKinds[kind as FileKind].safeParse(data)
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, source))
    return { problems }
  }
  return { file: { file: name, kind: kind as FileKind, data: result.data, source }, problems }
}

/**
 * Offset of the first byte that does not start or continue a valid UTF-8 sequence.
 *
 * @example
 * firstInvalidUtf8(Uint8Array.of(0x61, 0x62, 0x80)) // 2
 * firstInvalidUtf8(new TextEncoder().encode('zażółć')) // 10: the byte length, as all of it is valid
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0
    if (length === 0 || index + length > bytes.length) return index
    for (let next = 1; next < length; next++) if ((bytes[index + next]! & 0xc0) !== 0x80) return index
    // Overlong forms, surrogates and code points above U+10FFFF are invalid too.
    const second = bytes[index + 1] ?? 0
    if (
      (lead === 0xe0 && second < 0xa0) ||
      (lead === 0xed && second > 0x9f) ||
      (lead === 0xf0 && second < 0x90) ||
      (lead === 0xf4 && second > 0x8f)
    ) {
      return index
    }
    index += length
  }
  return bytes.length
}
