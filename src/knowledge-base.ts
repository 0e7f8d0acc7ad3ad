/** @module The loaded knowledge base: validated rules plus one checker per article. */
import type { ArticleChecker } from './engine/article-checker.ts'
import type { CheckReport, CheckResult } from './engine/check-result.ts'
import { FactIndex, reuseAnswer, withGivenFacts } from './engine/fact-index.ts'
import {
  type FactAnswers,
  type FactProblem,
  type Facts,
  type ValidateFactsOptions,
  validateFacts,
} from './engine/facts.ts'
import { FactsError } from './engine/facts-error.ts'
import { LazyCheckers } from './engine/lazy-checkers.ts'
import { loadCompiledModel } from './kb/compiled-model.ts'
import type { ArticleModel, KnowledgeBaseModel } from './kb/model.ts'
import { defaultRulesDir } from './kb/paths.ts'
import type { SignaturesFile } from './kb/schema/signatures.ts'
import type { DiagnosisReport } from './logs/diagnose.ts'
import { type DiagnoseInputs, resolveLogInputs } from './logs/log-inputs.ts'
import type { ProgressCallback } from './logs/progress.ts'
import type { SignatureLiterals } from './logs/signature-literals.ts'

/** Options of `diagnose`. */
export interface DiagnoseCheckOptions extends CheckOptions {
  /** Inventory facts to combine with the evidence. */
  facts?: Record<string, unknown>
  /** Called while reading large logs. */
  progress?: ProgressCallback
  /** Stop reading a log after this many bytes; the file then carries a problem (default: no limit). */
  maxBytes?: number
}

/** One article's log evidence and the verdict it leads to. */
export interface DiagnoseResult {
  article: string
  diagnosis: DiagnosisReport
  check: CheckResult
}

/**
 * Files what a caller makes from a knowledge base across runs, under the exact content of its rules folder and
 * this version of the code, with `kind` and `variant`: given `compute`, it returns what an earlier run filed, or
 * computes and files it. What is filed must be plain JSON data.
 */
export type FileAcrossRuns = <T>(kind: string, variant: string, compute: () => Promise<T>) => Promise<T>

/** Options of `KnowledgeBase` and `loadKnowledgeBase`. */
export interface KnowledgeBaseOptions {
  /**
   * How many articles stay compiled for evaluation (their rules as closures, about 35 KB each once used), the
   * least recently used let go first and compiled again when needed (about 0.3 ms each); the answers are the
   * same. Default: all of them. A bound keeps a server's memory where a query about that many articles
   * leaves it, and costs time for queries that concern more: at 1,000 articles, with 667 concerned by each
   * fleet query, a bound of 256 took the explained check's p50 from 45–49 ms to 164–165 ms (p99 89–137 ms to
   * 535–553 ms).
   */
  maxCompiledArticles?: number
}

/** Options of `check`. */
export interface CheckOptions {
  /** Only this article; all articles when absent. */
  article?: string
  /** Localized answers (`ja`, `64-bit (x64)`) accepted as fact values; see `factAnswers`. */
  answers?: FactAnswers
}

/**
 * A validated knowledge base. Create it with `loadKnowledgeBase`; after that nothing reads the rules folder
 * (only the cache: the articles' parts of its compiled copy when first needed, and what an earlier run filed:
 * the answers for the defaults, their localized texts, the analysis of the signatures).
 *
 * @example
 * const kb = await loadKnowledgeBase()
 * const {results} = await kb.check({wsusVersion: '3.0 SP1', office2003OnClients: true, webServicesClientDllVersion: '3.1.6001.65'})
 * results[0].verdict // 'affected'
 */
export class KnowledgeBase {
  readonly model: KnowledgeBaseModel
  readonly checkers: ReadonlyMap<string, ArticleChecker>
  readonly #index: FactIndex
  readonly #articles: Map<string, ArticleModel>
  // The facts of an empty query (the defaults), and each article's answer for them, computed when first needed.
  #defaults: Facts | undefined
  // As JSON text: each use parses its own copy (answers are plain data, see engine/fact-index.ts).
  readonly #defaultAnswers = new Map<string, Promise<string>>()
  readonly #file: FileAcrossRuns | undefined
  #storedAnswers: Promise<Record<string, string>> | undefined
  #signatureLiteralsFiled: Promise<SignatureLiterals | undefined> | undefined
  // The results given as an article's answer for the defaults (see `isDefaultAnswer`).
  readonly #asDefaults = new WeakSet<CheckResult>()

  /** `file`: where what is made from the rules (see `filed`) is filed across runs (`loadKnowledgeBase` passes one). */
  constructor(model: KnowledgeBaseModel, options: KnowledgeBaseOptions & { file?: FileAcrossRuns } = {}) {
    this.model = model
    // Results come in article id order (code-point order), whatever the folder layout: documented and stable.
    const byId = [...model.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    this.#articles = new Map(byId.map((article) => [article.id, article]))
    // Compiled when first asked for: start-up does not grow with the number of articles.
    this.checkers = new LazyCheckers(byId, model.facts, {
      maxCompiled: options.maxCompiledArticles ?? Number.POSITIVE_INFINITY,
    })
    this.#index = new FactIndex(byId)
    this.#file = options.file
  }

  /**
   * Whether `result`, as this knowledge base gave it, is its article's answer for the defaults with the caller's
   * facts: the query did not concern the article, so from one such answer to the next only `facts` differs. A
   * caller may keep what it makes of the rest (a localized text) per article.
   *
   * @example
   * const {results} = await kb.check({wsusVersion: '3.0 SP1'})
   * kb.isDefaultAnswer(results[0]) // false: the article reads `wsusVersion`
   */
  isDefaultAnswer(result: CheckResult): boolean {
    return this.#asDefaults.has(result)
  }

  /**
   * Each article's answer for the defaults (the facts of an empty query), in article id order: what every query
   * that does not concern an article answers, but for `facts` (see `isDefaultAnswer`).
   *
   * @example
   * const answers = await kb.defaultAnswers()
   * answers[0].verdict // 'unknown'
   */
  async defaultAnswers(): Promise<CheckResult[]> {
    const answers: CheckResult[] = []
    for (const id of this.#articles.keys()) answers.push(reuseAnswer(await this.#defaultAnswer(id), {}))
    return answers
  }

  /**
   * What `compute` makes from this knowledge base, filed across runs under the exact content of its rules folder
   * (the cache `loadKnowledgeBase` found for it) and this version of the code, with `kind` and `variant`; or
   * undefined when nothing can be filed (the built-in rules, a model given directly, the cache turned off), for
   * the caller to compute what it needs itself. `variant` must name everything else the data depends on.
   *
   * @example
   * // Counted by the first run of this content, read back by every later one:
   * await kb.filed('unknown-count', '', async () =>
   *   (await kb.defaultAnswers()).filter((answer) => answer.verdict === 'unknown').length,
   * ) // the same count in every run of this content, computed once
   */
  filed<T>(kind: string, variant: string, compute: () => Promise<T>): Promise<T> | undefined {
    return this.#file?.(kind, variant, compute)
  }

  /** The validated article with this id, without compiling it. */
  article(id: string): ArticleModel | undefined {
    return this.#articles.get(id)
  }

  /** The article ids, in id order: the order of every list of results. */
  get articleIds(): string[] {
    return [...this.checkers.keys()]
  }

  /**
   * Validate raw facts and fill in the defaults of absent evidence facts (`facts`); `given` is the validated
   * facts as sent, without the defaults. Throws `FactsError` on a wrong type or value; unknown names come back
   * as warnings.
   */
  prepareFacts(input: unknown, options: ValidateFactsOptions = {}) {
    const { facts, errors, warnings } = validateFacts(input, this.model.facts, options)
    if (errors.length > 0) throw new FactsError(errors)
    const given: Facts = { ...facts }
    for (const definition of this.model.facts) {
      if (definition.default !== undefined && facts[definition.name] === undefined)
        facts[definition.name] = definition.default
    }
    return { facts, given, warnings }
  }

  // `prepareFacts` without the defaults: a knowledge base of many articles has thousands of them.
  #validated(input: Facts): Facts {
    const { facts, errors } = validateFacts(input, this.model.facts)
    if (errors.length > 0) throw new FactsError(errors)
    return facts
  }

  /**
   * Answer "am I affected?" for every article (or one): a verdict, the reasons, the next actions and, when the
   * verdict is `unknown`, the facts still missing. Results come in article id order.
   */
  async check(input: unknown, options: CheckOptions = {}): Promise<CheckReport> {
    const { results, warnings } = this.checkEach(input, options)
    const list: CheckResult[] = []
    for await (const result of results) list.push(result)
    return { results: list, warnings }
  }

  /**
   * `check`, one result at a time: the facts are validated now (throwing as `check` does), each article is
   * answered when the caller asks for the next result. A caller that is done with each result before asking
   * for the next (writing it out) never holds a thousand of them.
   *
   * @example
   * const {results, warnings} = kb.checkEach({wsusVersion: '3.0 SP1'})
   * for await (const result of results) write(JSON.stringify(result))
   */
  checkEach(
    input: unknown,
    options: CheckOptions = {},
  ): { results: AsyncGenerator<CheckResult, void, undefined>; warnings: FactProblem[] } {
    return this.checkPrepared(
      this.prepareFacts(input, options.answers ? { answers: options.answers } : {}),
      options,
    )
  }

  /**
   * `checkEach` on facts `prepareFacts` already gave: for a caller that validates first (to key a cache of
   * answers), so that the facts are not validated twice.
   *
   * @example
   * const prepared = kb.prepareFacts({wsusVersion: '3.0 SP1'})
   * const {results} = kb.checkPrepared(prepared, {article: '954960'})
   */
  checkPrepared(
    prepared: ReturnType<KnowledgeBase['prepareFacts']>,
    options: Pick<CheckOptions, 'article'> = {},
  ): { results: AsyncGenerator<CheckResult, void, undefined>; warnings: FactProblem[] } {
    const { facts, given, warnings } = prepared
    return { results: this.#results(this.#selected(options), facts, given), warnings }
  }

  async *#results(selected: ArticleModel[], facts: Facts, given: Facts) {
    if (selected.length === 1) {
      yield withGivenFacts(await this.#checker(selected[0]!.id).check(facts), given)
      return
    }
    // Only the articles the query concerns are evaluated; the others answer as for the defaults (engine/fact-index.ts).
    const concerned = this.#index.concerned(facts, this.#defaultFacts())
    // One article at a time: each is compiled, evaluated and done with before the next (see maxCompiledArticles).
    for (const article of selected)
      yield await this.#answer(article.id, facts, given, concerned.has(article.id))
  }

  /** The facts of an empty query (the defaults), computed once. */
  #defaultFacts(): Facts {
    this.#defaults ??= this.prepareFacts({}).facts
    return this.#defaults
  }

  /**
   * The article's answer: evaluated when `facts` differ from the defaults in a fact it reads (`concerned`),
   * otherwise its answer for the defaults, copied (engine/fact-index.ts), with the facts the caller gave.
   */
  async #answer(id: string, facts: Facts, given: Facts, concerned: boolean) {
    // Closures, not json-rules-engine: a query about many articles (engine/explain.ts); the same answer.
    if (concerned) return withGivenFacts(this.#checker(id).explain(facts), given)
    let answer = this.#defaultAnswers.get(id)
    if (answer === undefined) {
      answer = this.#defaultAnswer(id)
      this.#defaultAnswers.set(id, answer)
    }
    const reused = reuseAnswer(await answer, given)
    this.#asDefaults.add(reused)
    return reused
  }

  // Filed by an earlier run when there is a store (nothing compiled), otherwise evaluated.
  async #defaultAnswer(id: string): Promise<string> {
    const evaluate = (article: string) => JSON.stringify(this.#checker(article).explain(this.#defaultFacts()))
    if (this.#file) {
      this.#storedAnswers ??= this.#file('answers', '', async () => {
        const answers: Record<string, string> = {}
        for (const article of this.#articles.keys()) answers[article] = evaluate(article)
        return answers
      })
      // A failure while computing them all is left to the one article it concerns.
      const stored = (await this.#storedAnswers.catch(() => undefined))?.[id]
      if (typeof stored === 'string') return stored
    }
    return evaluate(id)
  }

  #checker(id: string): ArticleChecker {
    return this.checkers.get(id)!
  }

  /**
   * Read logs of any registered kind (paths, strings, Buffers or streams; arrays for several files), find the
   * articles' symptom signatures, and turn each article's evidence into its own evidence facts for the same
   * rules as `check`. Each log is read once. Only articles whose signatures read a kind of the given logs are
   * answered (none: an empty list). Throws `RangeError` for a log kind the registry does not have.
   *
   * @example
   * const [result] = await kb.diagnose({logs: {windowsupdate: 'WindowsUpdate.log'}})
   * // the same with the shortcut of the kind marked `shortcut: client`:
   * await kb.diagnose({client: 'WindowsUpdate.log'})
   * result.diagnosis.logs.windowsupdate?.level // 'confirmed'
   * result.check.verdict                       // 'affected'
   */
  async diagnose(inputs: DiagnoseInputs, options: DiagnoseCheckOptions = {}): Promise<DiagnoseResult[]> {
    const { facts, given } = this.prepareFacts(
      options.facts ?? {},
      options.answers ? { answers: options.answers } : {},
    )
    const logs = resolveLogInputs(inputs, this.model.logKinds)
    const { diagnoseArticles, kindsRead } = await import('./logs/diagnose.ts')
    const readers = this.#selected(options).flatMap((article) => {
      const signatures = article.extras.signatures as SignaturesFile | undefined
      return signatures && kindsRead(signatures).some((kind) => logs[kind]) ? [{ article, signatures }] : []
    })
    const literals = readers.length > 0 ? await this.#signatureLiterals() : undefined
    const diagnoses = await diagnoseArticles(logs, {
      articles: readers.map((reader) => reader.signatures),
      ...(literals ? { literals } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    })
    return Promise.all(
      readers.map(async ({ article }, index) => {
        const diagnosis = diagnoses[index]!
        // The article's own evidence facts override what the caller sent under the same names.
        const found = this.#validated(diagnosis.facts)
        // A log that shows nothing of the article leaves its facts at the defaults: its default answer holds.
        const concerned = this.#index.concerns(article.id, facts, this.#defaultFacts(), found)
        const evidence = concerned ? { ...facts, ...found } : facts
        return {
          article: article.id,
          diagnosis,
          check: await this.#answer(article.id, evidence, { ...given, ...found }, concerned),
        }
      }),
    )
  }

  // The analysis of every article's patterns, filed across runs where there is a store (with a thousand
  // articles it took longer than the pass over a small log) and kept. Undefined (analysed during the pass)
  // without one.
  #signatureLiterals(): Promise<SignatureLiterals | undefined> {
    this.#signatureLiteralsFiled ??= import('./logs/signature-literals.ts')
      .then(({ signatureLiterals }) =>
        this.filed('signature-literals', '', async () =>
          signatureLiterals(
            [...this.#articles.values()].flatMap((article) => {
              const signatures = article.extras.signatures as SignaturesFile | undefined
              return signatures ? [signatures] : []
            }),
          ),
        ),
      )
      .catch(() => undefined)
    return this.#signatureLiteralsFiled
  }

  /** Verdicts only, synchronously, from the compiled rules: the batch fast path. */
  verdicts(facts: Facts, options: CheckOptions = {}): Array<Pick<CheckResult, 'article' | 'verdict'>> {
    return this.#selected(options).map((article) => ({
      article: article.id,
      verdict: this.#checker(article.id).verdictOf(facts),
    }))
  }

  // The articles asked for, not compiled.
  #selected(options: CheckOptions): ArticleModel[] {
    if (options.article === undefined) return [...this.#articles.values()]
    const article = this.#articles.get(options.article)
    if (!article) {
      throw new RangeError(
        `Expected an article of the knowledge base (${this.articleIds.map((id) => `\`${id}\``).join(', ')}), not \`${options.article}\``,
      )
    }
    return [article]
  }
}

/**
 * Load and validate a rules folder (default: the project's own `rules/`). Throws `KnowledgeBaseError`
 * with every problem when anything is wrong: nothing is half-loaded. A folder with exactly the files of the
 * built-in rules comes from the build's snapshot, already validated.
 *
 * @example
 * const kb = await loadKnowledgeBase('test/fixtures/fictional/rules')
 */
export async function loadKnowledgeBase(
  dir: string = defaultRulesDir,
  options: KnowledgeBaseOptions = {},
): Promise<KnowledgeBase> {
  // Any folder other than the built-in one comes with the cache's entries for its content, where the articles'
  // answers for the defaults are filed next to the compiled rules.
  const { model, entries } = await loadCompiledModel(dir)
  return new KnowledgeBase(model, entries ? { ...options, file: entries.get.bind(entries) } : options)
}
