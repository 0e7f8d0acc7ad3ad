/**
 * @module Diagnoses client and server logs against an article's symptom signatures and reports
 * the evidence as data: matched lines with line numbers and timestamps, fault IDs, levels,
 * client/server correlation, and the evidence facts for the rules engine.
 */
import type { SignaturesFile } from '../kb/schema/signatures.ts'
import { LogDecoder, type LogEncoding } from './decode.ts'
import { type EvidenceFacts, evidenceToFacts } from './evidence-facts.ts'
import { type CompiledSymptom, compileSignatures } from './load-signatures.ts'
import { type BlockFinding, type NearMiss, SymptomMatcher } from './matcher.ts'
import { MatcherSet } from './matcher-set.ts'
import type { ProgressCallback } from './progress.ts'
import { RecordAssembler } from './records.ts'
import { isPathLike, type LogInput, openLog } from './sources.ts'

/** How strongly a log shows the symptom. */
export type EvidenceLevel = 'confirmed' | 'partial' | 'none'

/** Which log: the client's WindowsUpdate.log or the server's SoftwareDistribution.log. */
export type LogSide = 'client' | 'server'

/** Findings for one input file. */
export interface FileReport {
  side: LogSide
  /** The path, or the name given, or `client[0]` style for unnamed inputs. */
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
  /** Fault IDs this file shares with the other side's logs. */
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

/** Findings for all inputs of one side. */
interface SideReport {
  level: EvidenceLevel
  files: FileReport[]
}

/** The result of {@link diagnoseLogs}. */
export interface DiagnosisReport {
  article: string
  /** Absent when no client log was given. */
  client?: SideReport
  /** Absent when no server log was given. */
  server?: SideReport
  /** A fault ID found on both sides: the server exception answered that client request. */
  correlated: boolean
  sharedIds: string[]
  facts: EvidenceFacts
}

/** Inputs: one or more logs per side. */
export interface DiagnoseInputs {
  client?: LogInput | LogInput[]
  server?: LogInput | LogInput[]
}

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
}

const RANK: Record<EvidenceLevel, number> = { none: 0, partial: 1, confirmed: 2 }

/**
 * Reads each log as a stream and reports the symptom evidence it holds.
 *
 * @example
 * const signatures = await readSignaturesFile('rules/articles/954960/signatures.yaml')
 * const report = await diagnoseLogs({ client: 'WindowsUpdate.log', server: 'SoftwareDistribution.log' }, { signatures })
 * report.client?.level // 'confirmed'
 * report.facts // { clientSymptom: 'confirmed', serverSymptom: 'confirmed', symptomIdsCorrelated: true }
 */
export async function diagnoseLogs(
  inputs: DiagnoseInputs,
  options: DiagnoseOptions,
): Promise<DiagnosisReport> {
  const symptoms = compileSignatures(options.signatures)
  const sides: Partial<Record<LogSide, SideReport>> = {}
  for (const side of ['client', 'server'] as const) {
    const given = inputs[side]
    if (given === undefined) continue
    const list = Array.isArray(given) ? given : [given]
    const files: FileReport[] = []
    for (const [index, input] of list.entries()) {
      files.push(
        await diagnoseFile(
          input,
          `${side}[${index}]`,
          side,
          symptoms.filter((symptom) => symptom.log === side),
          options,
        ),
      )
    }
    sides[side] = { level: maxLevel(files.map((file) => file.level)), files }
  }
  const clientIds = new Set(sides.client?.files.flatMap((file) => file.faultIds) ?? [])
  const serverIds = new Set(sides.server?.files.flatMap((file) => file.faultIds) ?? [])
  const sharedIds = [...clientIds].filter((id) => serverIds.has(id)).sort()
  for (const [side, other] of [
    [sides.client, serverIds],
    [sides.server, clientIds],
  ] as const) {
    for (const file of side?.files ?? []) file.correlatedIds = file.faultIds.filter((id) => other.has(id))
  }
  const report: DiagnosisReport = {
    article: options.signatures.article,
    ...sides,
    correlated: sharedIds.length > 0,
    sharedIds,
    facts: {},
  }
  report.facts = evidenceToFacts(report)
  return report
}

/**
 * The highest of several levels (`none` for an empty list).
 *
 * @example
 * maxLevel(['none', 'partial']) // 'partial'
 */
function maxLevel(levels: EvidenceLevel[]): EvidenceLevel {
  return levels.reduce<EvidenceLevel>((best, level) => (RANK[level] > RANK[best] ? level : best), 'none')
}

async function diagnoseFile(
  input: LogInput,
  fallbackName: string,
  side: LogSide,
  symptoms: CompiledSymptom[],
  options: DiagnoseOptions,
): Promise<FileReport> {
  const report: FileReport = {
    side,
    name: typeof input === 'string' && isPathLike(input) ? input : fallbackName,
    level: 'none',
    blocks: [],
    nearMisses: [],
    omittedBlocks: 0,
    faultIds: [],
    correlatedIds: [],
    stats: { bytes: 0, lines: 0, records: 0, truncatedRecords: 0, encoding: 'text' },
  }
  const matchers = symptoms.map((symptom) => new SymptomMatcher(symptom, { maxBlocks: options.maxBlocks }))
  // A record with none of the signatures' literals only counts, unless a block is open.
  const dispatch = new MatcherSet(matchers)
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
      if (options.maxBytes !== undefined && report.stats.bytes > options.maxBytes) {
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
  for (const matcher of matchers) {
    matcher.end()
    report.blocks.push(...matcher.blocks)
    report.nearMisses.push(...matcher.nearMisses)
    report.omittedBlocks += matcher.omitted
  }
  report.level = maxLevel(report.blocks.map((block) => block.level))
  report.faultIds = [...new Set(report.blocks.flatMap((block) => block.faultIds))]
  report.stats.lines = assembler.lines
  report.stats.records = assembler.records
  report.stats.truncatedRecords = assembler.truncatedRecords
  return report
}
