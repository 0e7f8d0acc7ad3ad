/** @module One NDJSON input line of `kb check --batch` in, one NDJSON result line out. */
import type { ArticleChecker } from '../engine/article-checker.ts'
import type { FactProblem, Facts } from '../engine/facts.ts'
import type { Verdict } from '../kb/schema/verdicts.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { FactPreparer, presentFacts } from './prepare-facts.ts'

/** Options shared by every evaluator of a batch. */
export interface BatchEvaluationOptions {
  /** Only this article; every article when absent. */
  article?: string
  /** Add `reasons` (affected, unknown) and `missingFacts` (unknown) from the explained path. */
  explain?: boolean
}

/** What a batch line became, besides its output text. */
interface LineOutcome {
  /** The NDJSON output line, without the newline. */
  json: string
  /** The verdict of each article, in order; absent when the line failed. */
  verdicts?: Verdict[]
  /** `line N: <sentence>` for stderr when the line failed. */
  error?: string
}

/**
 * Longest line accepted (bytes); a longer one is reported as failed, never buffered whole.
 *
 * @example
 * if (Buffer.byteLength(line) > maxLineBytes) writer.tooLong(lineNumber)
 */
export const maxLineBytes = 1024 * 1024

/**
 * Turns input lines into result lines. The verdict comes from the compiled fast path; with `explain`,
 * affected and unknown records go through the full `check()` for reasons and missing facts.
 *
 * @example
 * const evaluator = new LineEvaluator(kb, {})
 * evaluator.evaluate('{"id":"pc-1","wsusVersion":"3.0","office2003OnClients":true}', 1).json
 * // {"id":"pc-1","line":1,"results":[{"article":"954960","verdict":"affected"}]}
 */
export class LineEvaluator {
  readonly checkers: ArticleChecker[]
  readonly #preparer: FactPreparer
  readonly #explain: boolean
  // `{"article":"954960","verdict":"affected"}` for each article and verdict, built once.
  readonly #fragments: Array<Map<Verdict, string>>

  constructor(kb: KnowledgeBase, options: BatchEvaluationOptions) {
    const ids = options.article === undefined ? kb.articleIds : [options.article]
    this.checkers = ids.map((id) => {
      const checker = kb.checkers.get(id)
      if (!checker)
        throw new RangeError(
          `Expected an article of the knowledge base (${kb.articleIds.map((known) => `\`${known}\``).join(', ')}), not \`${id}\``,
        )
      return checker
    })
    this.#preparer = new FactPreparer(kb, ['id'])
    this.#explain = options.explain === true
    this.#fragments = this.checkers.map(
      (checker) =>
        new Map(
          (['affected', 'not_affected', 'fixed', 'unknown'] as const).map((verdict) => [
            verdict,
            JSON.stringify({ article: checker.article.id, verdict }),
          ]),
        ),
    )
  }

  /**
   * Evaluate one line (1-based `line` as counted in the input, blank lines included). Synchronous unless
   * `explain` needs the engine for this record.
   */
  evaluate(text: string, line: number): LineOutcome | Promise<LineOutcome> {
    let input: unknown
    try {
      input = JSON.parse(text)
    } catch (error) {
      const message = `Expected a JSON object of facts, not text that fails to parse: ${(error as Error).message}`
      return failed(undefined, line, 'KB_E_BATCH_JSON', message, [])
    }
    const id =
      input !== null && typeof input === 'object' && !Array.isArray(input)
        ? (input as { id?: unknown }).id
        : undefined
    if (id !== undefined && !echoable(id)) {
      const message = `Expected \`id\` to be a string, a number or a value nested at most ${maxIdDepth} levels deep, not one nested deeper`
      return failed(undefined, line, 'KB_E_BATCH_ID', message, [])
    }
    const head = `{${id === undefined ? '' : `"id":${JSON.stringify(id)},`}"line":${line}`
    const prepared = this.#preparer.prepare(input)
    if (!prepared.ok) {
      const message = prepared.errors.map((problem) => problem.message).join('; ')
      return failed(id, line, 'KB_E_INVALID_FACTS', message, prepared.errors)
    }
    const verdicts = this.checkers.map((checker) => checker.verdictOf(prepared.facts))
    const warnings =
      prepared.warnings.length === 0 ? '' : `,"warnings":${JSON.stringify(prepared.warnings.map(brief))}`
    if (!this.#explain || verdicts.every((verdict) => verdict !== 'affected' && verdict !== 'unknown')) {
      const results = verdicts.map((verdict, index) => this.#fragments[index]!.get(verdict)).join(',')
      return { json: `${head},"results":[${results}]${warnings}}`, verdicts }
    }
    return this.#explained(presentFacts(prepared.facts), verdicts, head, warnings)
  }

  async #explained(facts: Facts, verdicts: Verdict[], head: string, warnings: string): Promise<LineOutcome> {
    const results: string[] = []
    for (const [index, checker] of this.checkers.entries()) {
      const verdict = verdicts[index]!
      if (verdict !== 'affected' && verdict !== 'unknown') {
        results.push(this.#fragments[index]!.get(verdict)!)
        continue
      }
      // The closures that explain as json-rules-engine does (engine/explain.ts): the same answer.
      const full = checker.explain(facts)
      results.push(
        JSON.stringify({
          article: full.article,
          verdict: full.verdict,
          ...(full.verdict === 'unknown' ? { missingFacts: full.missingFacts } : {}),
          reasons: full.reasons.map((reason) => ({
            rule: reason.rule,
            verdict: reason.verdict,
            status: reason.status,
          })),
        }),
      )
    }
    return { json: `${head},"results":[${results.join(',')}]${warnings}}`, verdicts }
  }
}

/** Deepest `id` echoed back: JSON.stringify recurses, and a 10 KB line can nest 5,000 levels. */
export const maxIdDepth = 32

/** Whether `value` is nested at most `maxIdDepth` levels, measured without recursion. */
function echoable(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true
  let level: unknown[] = [value]
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > maxIdDepth) return false
    const next: unknown[] = []
    for (const item of level) {
      for (const child of Object.values(item as object)) {
        if (child !== null && typeof child === 'object') next.push(child)
      }
    }
    level = next
  }
  return true
}

/**
 * The result line of a line that is not UTF-8: it is reported, never read with replacement characters
 * (which would turn an id into another id).
 *
 * @example
 * notUtf8Line(3, 0xff, 12).error // 'line 3: Expected UTF-8, not the byte 0xff at byte 12; save the file as UTF-8'
 */
export function notUtf8Line(line: number, byte: number, offset: number): LineOutcome {
  const message = `Expected UTF-8, not the byte 0x${byte.toString(16).padStart(2, '0')} at byte ${offset}; save the file as UTF-8`
  return failed(undefined, line, 'KB_E_BATCH_ENCODING', message, [])
}

/**
 * The result line of a line that could not be read at all (longer than `maxLineBytes`).
 *
 * @example
 * tooLongLine(7).error // 'line 7: Expected a line of at most 1048576 bytes, not a longer one; …'
 */
export function tooLongLine(line: number): LineOutcome {
  const message = `Expected a line of at most ${maxLineBytes} bytes, not a longer one; split the record or remove what is not a fact`
  return failed(undefined, line, 'KB_E_BATCH_LINE_TOO_LONG', message, [])
}

function failed(
  id: unknown,
  line: number,
  code: string,
  message: string,
  problems: FactProblem[],
): LineOutcome {
  const record = {
    ...(id === undefined ? {} : { id }),
    line,
    error: { code, message, ...(problems.length > 0 ? { problems } : {}) },
  }
  return { json: JSON.stringify(record), error: `line ${line}: ${message}` }
}

function brief(problem: FactProblem) {
  return { code: problem.code, fact: problem.fact, message: problem.message }
}
