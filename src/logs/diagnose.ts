/**
 * @module Diagnoses logs of any registered kind against one article's symptom signatures and reports
 * the evidence as data: matched lines with line numbers and timestamps, fault IDs, levels, the
 * correlation of fault IDs across logs, and the article's evidence facts for the rules engine.
 */
import type { SignaturesFile } from '../kb/schema/signatures.ts'
import { type CompiledPattern, type CompiledSymptom, compileSignatures } from './compile-signatures.ts'
import { LogDecoder, type LogEncoding } from './decode.ts'
import { type EvidenceFacts, evidenceToFacts } from './evidence-facts.ts'
import { type EvidenceLevel, maxLevel } from './evidence-level.ts'
import { type BlockFinding, type NearMiss, SymptomMatcher } from './matcher.ts'
import { MatcherSet } from './matcher-set.ts'
import type { ProgressCallback } from './progress.ts'
import { RecordAssembler } from './records.ts'
import type { SignatureLiterals } from './signature-literals.ts'
import { type LogInput, openLog } from './sources.ts'

export type { EvidenceLevel } from './evidence-level.ts'

/** Findings for one input file. */
export interface FileReport {
  /** The log kind it was given as (an id of the registry, `windowsupdate`). */
  kind: string
  /** The path, or the name given, or `windowsupdate[0]` style for unnamed inputs. */
  name: string
  /** Highest level among the blocks found; `none` when the file could not be read. */
  level: EvidenceLevel
  blocks: BlockFinding[]
  /** Blocks that share lines with the symptom but were vetoed (another error code or web method). */
  nearMisses: NearMiss[]
  /** Blocks and near misses past `maxBlocks`, counted only. */
  omittedBlocks: number
  /** Fault IDs of this file's blocks, lower-case. */
  faultIds: string[]
  /** Fault IDs of this file that the blocks of every correlated symptom share (see `sharedIds`). */
  correlatedIds: string[]
  stats: {
    bytes: number
    lines: number
    records: number
    /** Records longer than `maxRecordChars`, matched on their first `maxRecordChars` characters. */
    truncatedRecords: number
    encoding: LogEncoding | 'text'
  }
  /** Why the file could not be read, as one sentence; absent when it was read. */
  problem?: string
}

/** Findings for all inputs of one log kind. */
export interface KindReport {
  level: EvidenceLevel
  files: FileReport[]
}

/** The result of {@link diagnoseLogs}: one article's evidence. */
export interface DiagnosisReport {
  article: string
  /** By log kind: the kinds the article's signatures read that a log was given for. */
  logs: Record<string, KindReport>
  /** A fault ID found in the blocks of every symptom of the article's `correlation`. */
  correlated: boolean
  sharedIds: string[]
  /** The article's evidence facts (named by its signatures); they count for this article alone. */
  facts: EvidenceFacts
}

/** Logs by log kind (`{windowsupdate: 'WindowsUpdate.log', cbs: [a, b]}`), one or several per kind. */
export type LogsByKind = Record<string, LogInput | LogInput[]>

/** What `diagnoseLogs` needs besides the logs, and its memory bounds. */
export interface DiagnoseOptions {
  /** The validated `kind: signatures` document of the article. */
  signatures: SignaturesFile
  /** Kept characters per record (default 64 KiB); the rest is counted. */
  maxRecordChars?: number
  /** Kept blocks per file and symptom (default 100); the rest is counted. */
  maxBlocks?: number
  /** Called while reading; see `terminalProgress()` for a stderr bar. Quiet by default. */
  progress?: ProgressCallback
  /**
   * Bytes read per file before it is refused with `problem` (unlimited by default): bounds the time an
   * endless stream such as a pipe left open can take.
   */
  maxBytes?: number
  /** The patterns' required literals as `signatureLiterals` gave them (filed by an earlier run); the findings are the same without. */
  literals?: Readonly<SignatureLiterals>
}

/**
 * Which log kinds an article's signatures read, in the order of its symptoms.
 *
 * @example
 * kindsRead(signatures) // ['windowsupdate', 'softwaredistribution']
 */
export function kindsRead(signatures: SignaturesFile): string[] {
  return [...new Set(signatures.symptoms.map((symptom) => symptom.log))]
}

/**
 * Reads each log as a stream and reports the symptom evidence it holds for one article. Only logs of the
 * kinds its signatures read are read; the others are not this article's evidence.
 *
 * @example
 * const signatures = await readSignaturesFile('rules/articles/954960/signatures.yaml')
 * const report = await diagnoseLogs({ windowsupdate: 'WindowsUpdate.log', softwaredistribution: 'SoftwareDistribution.log' }, { signatures })
 * report.logs.windowsupdate?.level // 'confirmed'
 * report.facts // { clientSymptom: 'confirmed', serverSymptom: 'confirmed', symptomIdsCorrelated: true }
 */
export async function diagnoseLogs(inputs: LogsByKind, options: DiagnoseOptions): Promise<DiagnosisReport> {
  const { signatures, ...bounds } = options
  const [report] = await diagnoseArticles(inputs, { ...bounds, articles: [signatures] })
  return report!
}

/**
 * {@link diagnoseLogs} for several articles at once: each log is read once (a stream can only be read once,
 * and a large file should be), every article's symptoms search its records, and each article gets a report
 * of its own evidence, in the order of `articles`.
 *
 * @example
 * const [a, b] = await diagnoseArticles({ windowsupdate: 'WindowsUpdate.log' }, { articles: [first, second] })
 */
export async function diagnoseArticles(
  inputs: LogsByKind,
  options: Omit<DiagnoseOptions, 'signatures'> & { articles: SignaturesFile[] },
): Promise<DiagnosisReport[]> {
  const { articles } = options
  const logs = articles.map((): Record<string, KindReport> => ({}))
  // Articles share many patterns: each is compiled once.
  const patterns = new Map<string, CompiledPattern>()
  for (const kind of new Set(articles.flatMap((signatures) => kindsRead(signatures)))) {
    const given = Object.hasOwn(inputs, kind) ? inputs[kind] : undefined
    if (given === undefined) continue
    // Only the symptoms of the logs given are compiled.
    const readers = articles.flatMap((signatures, index) => {
      const own = compileSignatures(signatures, { kind, patterns })
      return own.length > 0 ? [{ index, symptoms: own }] : []
    })
    const list = Array.isArray(given) ? given : [given]
    for (const [position, input] of list.entries()) {
      const reports = await diagnoseFile(
        input,
        `${kind}[${position}]`,
        kind,
        readers.map((reader) => reader.symptoms),
        options,
      )
      readers.forEach((reader, index) => {
        const byKind = logs[reader.index]!
        byKind[kind] ??= { level: 'none', files: [] }
        byKind[kind].files.push(reports[index]!)
      })
    }
  }
  return articles.map((signatures, index) => {
    const byKind = logs[index]!
    for (const report of Object.values(byKind))
      report.level = maxLevel(report.files.map((file) => file.level))
    const sharedIds = correlate(signatures, byKind)
    for (const file of Object.values(byKind).flatMap((report) => report.files))
      file.correlatedIds = file.faultIds.filter((id) => sharedIds.includes(id))
    const report: DiagnosisReport = {
      article: signatures.article,
      logs: byKind,
      correlated: sharedIds.length > 0,
      sharedIds,
      facts: {},
    }
    report.facts = evidenceToFacts(signatures, report)
    return report
  })
}

/** The fault IDs found in blocks of every symptom of the correlation, sorted. */
function correlate(signatures: SignaturesFile, logs: Record<string, KindReport>): string[] {
  const symptoms = signatures.correlation?.symptoms
  if (!symptoms) return []
  const blocks = Object.values(logs).flatMap((report) => report.files.flatMap((file) => file.blocks))
  const idsOf = (symptom: string) =>
    new Set(blocks.filter((block) => block.symptomId === symptom).flatMap((block) => block.faultIds))
  const [first, ...rest] = symptoms.map(idsOf)
  return [...first!].filter((id) => rest.every((ids) => ids.has(id))).sort()
}

/** Reads one input once for several articles: `groups` holds each article's symptoms of this kind. */
async function diagnoseFile(
  input: LogInput,
  fallbackName: string,
  kind: string,
  groups: CompiledSymptom[][],
  options: Omit<DiagnoseOptions, 'signatures'>,
): Promise<FileReport[]> {
  const report: FileReport = {
    kind,
    // Kept only when the input fails to open, which only a path does: the report names that path.
    name: typeof input === 'string' ? input : 'path' in input ? input.path : fallbackName,
    level: 'none',
    blocks: [],
    nearMisses: [],
    omittedBlocks: 0,
    faultIds: [],
    correlatedIds: [],
    stats: { bytes: 0, lines: 0, records: 0, truncatedRecords: 0, encoding: 'text' },
  }
  // Articles that declare the same symptom (same id, patterns and window) share one matcher: its findings
  // depend on nothing else.
  const shared = new Map<string, SymptomMatcher>()
  const grouped = groups.map((symptoms) =>
    symptoms.map((symptom) => {
      const key = symptomKey(symptom)
      const matcher = shared.get(key) ?? new SymptomMatcher(symptom, { maxBlocks: options.maxBlocks })
      shared.set(key, matcher)
      return matcher
    }),
  )
  const uses = new Map<SymptomMatcher, number>()
  for (const matcher of grouped.flat()) uses.set(matcher, (uses.get(matcher) ?? 0) + 1)
  // A record with none of the signatures' literals only counts, unless a block is open.
  const dispatch = new MatcherSet([...shared.values()], options.literals)
  const assembler = new RecordAssembler({
    maxRecordChars: options.maxRecordChars,
    anchors: dispatch.anchors,
    sink: dispatch,
  })
  const decoder = new LogDecoder()
  let sawBytes = false
  const feed = (text: string) => assembler.push(text)
  try {
    const log = await openLog(input, fallbackName)
    report.name = log.name
    for await (const chunk of log.chunks) {
      if (typeof chunk === 'string') {
        report.stats.bytes += Buffer.byteLength(chunk)
        // A string may start with the BOM of the file it was read from.
        feed(
          report.stats.bytes === Buffer.byteLength(chunk) && chunk.charCodeAt(0) === 0xfeff
            ? chunk.slice(1)
            : chunk,
        )
      } else {
        sawBytes = true
        report.stats.bytes += chunk.length
        feed(decoder.write(chunk))
      }
      if (report.stats.bytes > (options.maxBytes ?? Number.POSITIVE_INFINITY)) {
        // Leaving the loop by throwing closes the stream: nothing more is read.
        throw new Error(
          `Expected a log of at most ${options.maxBytes} bytes, not more; pass a shorter excerpt or raise the limit (--max-bytes)`,
        )
      }
      options.progress?.({ name: log.name, bytesRead: report.stats.bytes, totalBytes: log.size, done: false })
    }
    options.progress?.({ name: log.name, bytesRead: report.stats.bytes, totalBytes: log.size, done: true })
  } catch (error) {
    report.problem = (error as Error).message
  }
  if (sawBytes) {
    feed(decoder.end())
    report.stats.encoding = decoder.encoding ?? 'utf-8'
  }
  assembler.end()
  report.stats.lines = assembler.lines
  report.stats.records = assembler.records
  report.stats.truncatedRecords = assembler.truncatedRecords
  for (const matcher of shared.values()) matcher.end()
  return grouped.map((group) => {
    const own: FileReport = { ...report, stats: { ...report.stats }, blocks: [], nearMisses: [] }
    for (const matcher of group) {
      // Each report owns its findings, also when articles share the matcher.
      const copy = uses.get(matcher)! > 1 ? structuredClone : <T>(value: T) => value
      own.blocks.push(...copy(matcher.blocks))
      own.nearMisses.push(...copy(matcher.nearMisses))
      own.omittedBlocks += matcher.omitted
    }
    own.level = maxLevel(own.blocks.map((block) => block.level))
    own.faultIds = [...new Set(own.blocks.flatMap((block) => block.faultIds))]
    return own
  })
}

/** What a matcher's findings depend on: the symptom's id, lines, vetoes and window. */
function symptomKey(symptom: CompiledSymptom): string {
  const line = ({ id, regex, required, distinctive }: CompiledSymptom['lines'][number]) => [
    id,
    regex.source,
    required,
    distinctive,
  ]
  return JSON.stringify([symptom.id, symptom.window, symptom.lines.map(line), symptom.vetoes.map(line)])
}
