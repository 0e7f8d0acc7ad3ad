/** @module The knowledge base and locale strings the app answers from, swappable in one step (hot reload). */
import type { i18n, Resource } from 'i18next'
import type { FactAnswers, ValidateFactsOptions } from '../engine/facts.ts'
import { FactsError } from '../engine/facts-error.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { DefaultAnswerTexts } from '../render/default-answer-texts.ts'
import { factAnswers } from '../render/fact-answers.ts'
import { createI18n, type Language, loadResources } from '../render/i18n.ts'
import { Renderer } from '../render/renderer.ts'
import { SearchIndex } from '../search/search-index.ts'
import { AnswerCache } from './answer-cache.ts'
import type { MemoizedResponse } from './response-memo.ts'

/**
 * One consistent state: a request reads a snapshot once and uses it to the end, whatever is swapped meanwhile.
 *
 * @example
 * const snapshot = new KnowledgeSnapshot(await loadKnowledgeBase(), await loadResources())
 * const t = (await snapshot.i18n('nl')).t
 */
export class KnowledgeSnapshot {
  readonly kb: KnowledgeBase
  readonly resources: Resource
  readonly #translators = new Map<Language, Promise<i18n>>()
  /**
   * Serialized check answers already computed from this snapshot (see `AnswerCache`): at most 1,000, and at
   * most 64 Mi characters in all (an answer about every article of 1,000 is about 7 million).
   */
  readonly answers = new AnswerCache<string>(1000, {
    maxSize: 64 * 1024 * 1024,
    sizeOf: (text) => text.length,
  })
  /** Complete `POST /v1/check` responses by request (see `response-memo.ts`), replayed by `startServer`. */
  readonly responses = new AnswerCache<MemoizedResponse>(256)
  /** Each article's localized answer for the defaults as JSON text, for every query that does not concern it. */
  readonly defaultAnswerTexts = new DefaultAnswerTexts('api')
  #renderer?: Renderer
  #search?: Promise<SearchIndex>
  #factAnswers?: FactAnswers

  constructor(kb: KnowledgeBase, resources: Resource) {
    this.kb = kb
    this.resources = resources
  }

  /** The document renderer over this snapshot's rules and strings (it caches what it renders). */
  get renderer(): Renderer {
    this.#renderer ??= new Renderer(this.kb.model, this.resources)
    return this.#renderer
  }

  /** Localized yes/no and enum labels of every language, accepted as fact values (`factAnswers`). */
  get factAnswers(): FactAnswers {
    this.#factAnswers ??= factAnswers(this.resources, this.kb.model)
    return this.#factAnswers
  }

  /**
   * `kb.prepareFacts(facts)`, accepting the localized answers (`factAnswers`) as well, and the options it took
   * (for `kb.diagnose`). The answers are built and tried only when some fact does not validate without them: they
   * come after the canonical spellings, so they change nothing for facts that do, and building them reads the
   * strings of every article in every language. Throws `FactsError` as `kb.prepareFacts` does.
   *
   * @example
   * snapshot.prepareFacts({office2003OnClients: 'ja'}).prepared.facts.office2003OnClients // true
   */
  prepareFacts(facts: unknown): {
    prepared: ReturnType<KnowledgeBase['prepareFacts']>
    options: ValidateFactsOptions
  } {
    try {
      return { prepared: this.kb.prepareFacts(facts), options: {} }
    } catch (error) {
      if (!(error instanceof FactsError)) throw error
      const options = { answers: this.factAnswers }
      return { prepared: this.kb.prepareFacts(facts, options), options }
    }
  }

  /** The search index of this snapshot, built on first use and kept until the snapshot is swapped out. */
  search(): Promise<SearchIndex> {
    if (!this.#search) {
      this.#search = SearchIndex.build(this.kb.model, this.renderer)
      // A failed build is retried by the next search instead of answering every later one with the error.
      this.#search.catch(() => {
        this.#search = undefined
      })
    }
    return this.#search
  }

  /** A shared i18next instance for a language (its language never changes, so sharing is safe). */
  i18n(language: Language): Promise<i18n> {
    let translator = this.#translators.get(language)
    if (!translator) {
      translator = createI18n(this.resources, language)
      this.#translators.set(language, translator)
    }
    return translator
  }
}

/**
 * Holds the current snapshot. `swap()` replaces knowledge base and strings at once; requests already
 * running keep the snapshot they started with.
 *
 * @example
 * const holder = new KnowledgeBaseHolder(await loadKnowledgeBase())
 * const app = createApp({kb: holder})
 * holder.swap(await loadKnowledgeBase(), await loadResources()) // e.g. on a file change
 */
export class KnowledgeBaseHolder {
  #current: Promise<KnowledgeSnapshot>
  #ready: KnowledgeSnapshot | undefined

  /** Without `resources`, the project's own `locales/` are read on first use. */
  constructor(kb: KnowledgeBase, resources?: Resource) {
    if (resources) {
      this.#ready = new KnowledgeSnapshot(kb, resources)
      this.#current = Promise.resolve(this.#ready)
      return
    }
    // Deferred so a failing read surfaces as a request error, not an unhandled rejection.
    const loading = Promise.resolve().then(async () => new KnowledgeSnapshot(kb, await loadResources()))
    this.#current = loading
    loading.then(
      (snapshot) => {
        if (this.#current === loading) this.#ready = snapshot
      },
      () => undefined,
    )
  }

  /** The state to answer the current request from. */
  snapshot(): Promise<KnowledgeSnapshot> {
    return this.#current
  }

  /** The current snapshot without waiting, or undefined while the first one still loads. */
  get ready(): KnowledgeSnapshot | undefined {
    return this.#ready
  }

  /** Replace the knowledge base and the strings atomically. */
  swap(kb: KnowledgeBase, resources: Resource): void {
    this.#ready = new KnowledgeSnapshot(kb, resources)
    this.#current = Promise.resolve(this.#ready)
  }
}
