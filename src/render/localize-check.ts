/** @module Put localized sentences next to the machine codes of a check result. */
import type { i18n } from 'i18next'
import { deepFreeze } from '../deep-freeze.ts'
import type { ActionResult, CheckResult, Reason, ReasonFact } from '../engine/check-result.ts'
import { resolveArticlePath } from '../kb/article-path.ts'
import type { ArticleFile, Step } from '../kb/schema/article.ts'
import type { Product } from '../kb/schema/catalog.ts'
import type { KnowledgeBase } from '../knowledge-base.ts'
import { memoBounded, memoOf, memoPerPair } from '../memo-per.ts'
import { articleValues, layeredArticleValues } from './article-values.ts'
import { factNamesIn } from './lazy-resources.ts'
import { productsIn } from './localized-catalog.ts'
import { interpolated, keyExists, nestsKeys, plainString } from './plain-lookup.ts'

/** A reason of a check result with its sentence in the reader's language. */
export interface LocalizedReason extends Reason {
  message: string
  /** The verdict this rule leads to, in words. */
  verdictLabel: string
  details: string[]
}
/** An action of a check result with its sentence, and the article step it points to, in the reader's language. */
export interface LocalizedAction extends ActionResult {
  message: string
  /** "If …" sentence for a conditional action. */
  condition?: string
  /**
   * The article step the action reuses (`action.step` is `procedure/step/…`), in the same language: the
   * procedure's heading and, for a step, its Markdown text as the KB article prints it.
   */
  articleStep?: {
    path: string
    procedure: string
    heading: string
    text?: string
    /** The steps inside it (a whole procedure's steps, or a step's sub-steps), as the KB article has them. */
    steps?: ArticleStepText[]
  }
}

/** One step of an article procedure in the reader's language, with the verbatim value it shows. */
export interface ArticleStepText {
  text: string
  /** An update id or a command, shown as code under the step. */
  code?: string
  steps?: ArticleStepText[]
}
/** A check result with every code also said in words, as `kb check` prints it and the API returns it. */
export interface LocalizedCheckResult extends Omit<CheckResult, 'reasons' | 'actions' | 'conflicts'> {
  verdictLabel: string
  reasons: LocalizedReason[]
  actions: LocalizedAction[]
  conflicts: LocalizedReason[]
  /** Questions for the missing facts, in the same order. */
  questions: Array<{ fact: string; question: string }>
}

/**
 * Add `message` (and `details`, `condition`, `verdictLabel`, `questions`) in the instance's language.
 * Reasons and article steps are localized once per instance and knowledge base and shared between answers,
 * so they are frozen: copy one before changing it.
 *
 * @example
 * const localized = localizeCheckResult(result, i18n, kb)
 * localized.actions[0].message
 */
export function localizeCheckResult(
  result: CheckResult,
  i18n: i18n,
  kb: KnowledgeBase,
): LocalizedCheckResult {
  const t = translator(i18n, kb, result.article)
  // A fact's strings live in `common` or, for a fact only one article uses, in that article's namespace.
  const factNs = (name: string, key: string) => namespacesOfKey(i18n, kb, result.article, name, key)
  const factT = (name: string, key: string, defaultValue?: string) =>
    t(key, defaultValue === undefined ? { ns: factNs(name, key) } : { ns: factNs(name, key), defaultValue })
  const factLabel = (name: string) => factT(name, `facts.${name}.label`, name)
  const valueLabel = (name: string, value: unknown): string => {
    if (Array.isArray(value))
      return value.map((item) => valueLabel(name, item)).join(` ${t('check.or', { ns: 'common' })} `)
    if (typeof value === 'boolean') return t(`value.${value}`, { ns: 'common' })
    return factT(name, `facts.${name}.values.${String(value)}`, String(value))
  }
  // "the server is a 64-bit (x64) system": a phrase per fact value reads better than "Server architecture is x64".
  const phrase = (name: string, value: unknown): string | undefined => {
    const keys = (Array.isArray(value) ? value : [value]).map((item) => `facts.${name}.is.${String(item)}`)
    const exists = (key: string) =>
      keyExists(i18n, key, factNs(name, key)) ?? i18n.exists(key, { ns: factNs(name, key) })
    if (!keys.every(exists)) return undefined
    return keys.map((key) => factT(name, key)).join(` ${t('check.or', { ns: 'common' })} `)
  }
  const leafSentence = (leaf: ReasonFact): string => {
    if (leaf.result === 'unknown') return t('check.unknownFact', { ns: 'common', fact: factLabel(leaf.fact) })
    const derived = leaf.derivedBy ? ` ${t('check.derived', { ns: 'common', rule: leaf.derivedBy })}` : ''
    const described =
      leaf.operator === 'equal' || leaf.operator === 'in' ? phrase(leaf.fact, leaf.value) : undefined
    if (described !== undefined) return described + derived
    const base = t(`operator.${leaf.operator}`, {
      ns: 'common',
      fact: factLabel(leaf.fact),
      value: valueLabel(leaf.fact, leaf.value),
    })
    const actual =
      leaf.actual !== undefined && leaf.operator.startsWith('version')
        ? ` ${t('actual', { ns: 'common', actual: leaf.actual })}`
        : ''
    return base + actual + derived
  }
  // A reason's sentences depend on nothing but the reason, the article and the language: localized once per
  // instance, shared, frozen. Its facts carry values from requests (a DLL version): kept up to a bound. The
  // shared one is made from a copy, so that freezing it leaves the caller's result as it was.
  const reasonsHeld = memoPerPair(reasonsByInstance, i18n, kb, () => new Map<string, LocalizedReason>())
  const reason = (entry: Reason): LocalizedReason =>
    memoBounded(reasonsHeld, `${result.article}\u0000${JSON.stringify(entry)}`, maxReasonsHeld, () =>
      deepFreeze(localizedReason(structuredClone(entry))),
    )
  const localizedReason = (entry: Reason): LocalizedReason => ({
    ...entry,
    message:
      entry.status === 'undecided'
        ? t(entry.messageKey, {
            ns: 'common',
            article: result.article,
            facts: entry.facts.map((leaf) => `${leaf.fact} = ${String(leaf.actual)}`).join(', '),
          })
        : t(entry.messageKey, { ns: result.article }),
    verdictLabel: t(`verdict.${entry.verdict}`, { ns: 'common' }),
    details: entry.facts.map(leafSentence),
  })
  // An article step is the same for every answer of the article in this language: made once, shared, frozen.
  const stepsHeld = memoPerPair(stepsByInstance, i18n, kb, () => new Map<string, ArticleStepOfAction>())
  const action = (entry: ActionResult): LocalizedAction => {
    const localized: LocalizedAction = { ...entry, message: t(entry.messageKey, { ns: result.article }) }
    const stepPath = actionStep(kb, result.article, entry.id)
    if (stepPath !== undefined) {
      localized.articleStep = memoBounded(stepsHeld, `${result.article}\u0000${stepPath}`, maxStepsHeld, () =>
        deepFreeze(
          articleStep(stepPath, (key) => t(key, { ns: result.article }), kb.article(result.article)!.article),
        ),
      )
    }
    if (entry.conditional) {
      const definition = kb
        .article(result.article)!
        .verdicts.actions.find((candidate) => candidate.id === entry.id)
      const leaves = collectLeaves(definition?.when).filter((leaf) => entry.waitingFor.includes(leaf.fact))
      const condition = leaves.map((leaf) => leafSentence({ ...leaf, result: 'true' })).join('; ')
      localized.condition = t('check.conditional', { ns: 'common', condition })
    }
    return localized
  }
  return {
    ...result,
    verdictLabel: t(`verdict.${result.verdict}`, { ns: 'common' }),
    reasons: result.reasons.map(reason),
    actions: result.actions.map(action),
    conflicts: result.conflicts.map(reason),
    questions: result.missingFacts.map((fact) => ({
      fact,
      question: factT(fact, `facts.${fact}.question`, fact),
    })),
  }
}

/**
 * The namespaces that hold a fact's `label`, `question`, `values.<value>` and `is.<value>`, in lookup order:
 * `common`, then the article being answered, then every other article (a fact declared for one article keeps
 * its strings in that article's file).
 *
 * @example
 * factNamespaces(kb, 'contoso-1001') // ['common', 'contoso-1001', '954960']
 */
export function factNamespaces(kb: KnowledgeBase, article?: string): string[] {
  const others = kb.model.articles.map((candidate) => candidate.id).filter((id) => id !== article)
  return ['common', ...(article === undefined ? [] : [article]), ...others]
}

/**
 * The namespaces that can hold a fact's strings, in `factNamespaces` order: `common` and the article being
 * answered, then only the other articles whose strings in some loaded language name the fact. i18next tries
 * namespaces one by one, so with a thousand articles the full list makes every missing key cost a thousand
 * look-ups; the namespaces left out hold no key of the fact, so the strings found are the same.
 *
 * @example
 * namespacesOfFact(i18n, kb, 'contoso-1001', 'brewerFirmware') // ['common', 'contoso-1001']
 */
export function namespacesOfFact(i18n: i18n, kb: KnowledgeBase, article: string, fact: string): string[] {
  const holders = factHolders(i18n, kb).get(fact) ?? []
  return ['common', article, ...holders.filter((ns) => ns !== article)]
}

/**
 * `namespacesOfFact` for one key of the fact: without the other articles that do not hold `key` in a language
 * of the instance. i18next tries the namespaces in turn and gives the first that holds the key, so the string
 * is the same; a key that only `common` or no article holds no longer costs a look-up in every article that
 * names the fact (with a thousand copies of an article, hundreds). Which articles hold a key is found once per
 * instance and knowledge base.
 *
 * @example
 * namespacesOfKey(i18n, kb, 'contoso-1001', 'brewerFirmware', 'facts.brewerFirmware.label') // ['common', 'contoso-1001']
 */
export function namespacesOfKey(
  i18n: i18n,
  kb: KnowledgeBase,
  article: string,
  fact: string,
  key: string,
): string[] {
  const holding = keyHolders(i18n, kb, fact, key)
  // A key i18next must read itself (a namespace separator in it), or a string that nests other keys, which
  // i18next looks up in the same namespaces: every holder of the fact, as before.
  if (holding === undefined || nestsKeys(i18n, key, ['common', article]) !== false)
    return namespacesOfFact(i18n, kb, article, fact)
  const other = holding.find((ns) => ns !== article)
  return other === undefined ? ['common', article] : ['common', article, other]
}

const maxReasonsHeld = 16_384
const reasonsByInstance = new WeakMap<i18n, WeakMap<KnowledgeBase, Map<string, LocalizedReason>>>()

type ArticleStepOfAction = NonNullable<LocalizedAction['articleStep']>
// Paths come from the rules, not from requests; bounded all the same.
const maxStepsHeld = 10_000
const stepsByInstance = new WeakMap<i18n, WeakMap<KnowledgeBase, Map<string, ArticleStepOfAction>>>()

const maxKeysHeld = 10_000
const keysHeld = new WeakMap<i18n, WeakMap<KnowledgeBase, Map<string, string[] | undefined>>>()

// The first two articles (in article order) among the fact's holders that hold `key`: whichever article is
// answered, one of them is the first other article that does.
function keyHolders(i18n: i18n, kb: KnowledgeBase, fact: string, key: string): string[] | undefined {
  const held = memoPerPair(keysHeld, i18n, kb, () => new Map<string, string[] | undefined>())
  // Keys come from the rules (fact names and rule values), not from the facts sent; bounded all the same.
  return memoBounded(held, `${fact}\u0000${key}`, maxKeysHeld, () => {
    const holding: string[] = []
    for (const ns of factHolders(i18n, kb).get(fact) ?? []) {
      const exists = keyExists(i18n, key, ns)
      if (exists === undefined || (exists && nestsKeys(i18n, key, ns))) return undefined
      if (exists) holding.push(ns)
      if (holding.length === 2) break
    }
    return holding
  })
}

const holdersByResources = new WeakMap<object, WeakMap<KnowledgeBase, Map<string, string[]>>>()

// Fact name → the article namespaces with `facts.<name>` in any language the instance has, in article order.
function factHolders(i18n: i18n, kb: KnowledgeBase): Map<string, string[]> {
  const data = i18n.store.data
  return memoPerPair(holdersByResources, data, kb, () => {
    const holders = new Map<string, string[]>()
    for (const { id } of kb.model.articles) {
      for (const language of Object.values(data)) {
        // From the compiled index when the strings are lazy: a thousand articles' strings stay unparsed.
        for (const name of factNamesIn(language, id)) {
          const list = holders.get(name) ?? []
          if (list.at(-1) !== id) list.push(id)
          holders.set(name, list)
        }
      }
    }
    return holders
  })
}

type Translate = (key: string, options?: Record<string, unknown>) => string

// The options of i18next's `t` that change which key is looked up or what comes back.
const i18nextOptions = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'defaultValue',
  'keySeparator',
  'nsSeparator',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'replace',
  'interpolation',
  'skipInterpolation',
  'nest',
  'applyPostProcessor',
  'appendNamespaceToCIMode',
  'appendNamespaceToMissingKey',
  'missingKeyNoValueFallbackToKey',
  'formatParams',
])
// `defaultValue_one`, `defaultValue_other`…: the plural forms of the default value.
const isI18nextOption = (name: string) => i18nextOptions.has(name) || name.startsWith('defaultValue')

// The strings depend only on the language, the article and the key with its few parameters, so each
// i18next instance keeps its translations: the HTTP server localizes thousands of results per second.
const maxCachedStrings = 10_000
const translators = new WeakMap<i18n, WeakMap<KnowledgeBase, Map<string, Translate>>>()
const localProducts = new WeakMap<i18n, WeakMap<KnowledgeBase, Product[]>>()
const optionNamed = new WeakMap<object, boolean>()

// Whether one of the names is an i18next option: asked of the shared product values once, not per article.
function namesAnOption(values: Readonly<Record<string, unknown>>): boolean {
  return memoOf(optionNamed, values, () => Object.keys(values).some(isI18nextOption))
}

function translator(i18n: i18n, kb: KnowledgeBase, articleId: string): Translate {
  const perArticle = memoPerPair(translators, i18n, kb, () => new Map<string, Translate>())
  const known = perArticle.get(articleId)
  if (known) return known
  const article = kb.article(articleId)!
  // Product names as the reader's language writes them (`products.<id>` of its common.yaml): one list for
  // every article, whose values every article shares (layeredArticleValues) instead of holding a copy.
  const products = memoPerPair(localProducts, i18n, kb, () => productsIn(kb.model.products, i18n))
  const { own, products: shared } = layeredArticleValues(article.article, products, i18n.language)
  const articleValue = (name: string) =>
    Object.hasOwn(own, name) ? own[name] : Object.hasOwn(shared, name) ? shared[name] : undefined
  // All the values in one object, as i18next takes them: made only for a string that i18next must fill (built
  // as articleValues builds it, so that the articles share its shape; a spread of the layers makes a larger
  // dictionary for each).
  let values: Record<string, unknown> | undefined
  const allValues = () => {
    values ??= articleValues(article.article, products, i18n.language)
    return values
  }
  const cache = new Map<string, string>()
  // Named values that are also i18next options (`count`, `context`…) would change what `t` looks up.
  const direct = !Object.keys(own).some(isI18nextOption) && !namesAnOption(shared)
  const translate: Translate = (key, options = {}) => {
    if (direct) {
      const names = Object.keys(options)
      const ns = (options.ns as string | string[] | undefined) ?? 'common'
      if (names.every((name) => name === 'ns' || name === 'defaultValue')) {
        const plain = plainString(i18n, key, ns)
        if (plain !== undefined) return plain
      }
      // No option that changes which string is found (`count`, `context`…): fill its placeholders here.
      if (names.every((name) => name === 'ns' || name === 'defaultValue' || !isI18nextOption(name))) {
        // A name of the call's options, else of the article's values, as `withValues` hands them to i18next.
        const filled = interpolated(i18n, key, ns, (name) =>
          Object.hasOwn(options, name) ? options[name] : articleValue(name),
        )
        if (filled !== undefined) return filled
      }
    }
    const cacheKey = `${key}\u0000${JSON.stringify(options)}`
    let text = cache.get(cacheKey)
    if (text === undefined) {
      text = direct
        ? withValues(allValues(), options, key, i18n)
        : (i18n.t(key, { ...allValues(), ...options }) as string)
      // Parameters can carry user input (a DLL version): keep memory bounded.
      if (cache.size >= maxCachedStrings) cache.clear()
      cache.set(cacheKey, text)
    }
    return text
  }
  perArticle.set(articleId, translate)
  return translate
}

/**
 * `i18n.t(key, {...values, ...options})` without copying the article's values (a few hundred) into the options
 * of each call, which i18next copies again twice: the values go as `replace`, i18next's interpolation data,
 * with the call's options set on them for the call (the options win, as in the spread) and set back after. A
 * name the values did not have is set back to `undefined`, which interpolation takes as absent (deleting it
 * would turn the object into a slower, larger dictionary). Only for values none of which i18next reads as an
 * option (`direct`), which the spread would have passed.
 */
function withValues(
  values: Record<string, unknown>,
  options: Record<string, unknown>,
  key: string,
  i18n: i18n,
): string {
  const names = Object.keys(options)
  const saved = names.map((name) => values[name])
  for (const name of names) values[name] = options[name]
  try {
    return i18n.t(key, { ...options, replace: values }) as string
  } finally {
    names.forEach((name, index) => {
      values[name] = saved[index]
    })
  }
}

/** The `step` of an action definition (`workaround/detect`), if it has one. */
function actionStep(kb: KnowledgeBase, article: string, action: string): string | undefined {
  const definition = kb.article(article)?.verdicts.actions.find((candidate) => candidate.id === action)
  return definition?.step
}

/** The heading of the step's procedure, the step's own text (the last id of the path) and the steps inside it. */
function articleStep(
  path: string,
  t: (key: string) => string,
  article: ArticleFile,
): NonNullable<LocalizedAction['articleStep']> {
  const ids = path.split('/')
  const procedure = ids[0]!
  const step: NonNullable<LocalizedAction['articleStep']> = {
    path,
    procedure,
    heading: t(`procedures.${procedure}.heading`),
  }
  if (ids.length > 1) step.text = t(`procedures.${procedure}.steps.${ids[ids.length - 1]}`)
  let children = article.procedures.find((candidate) => candidate.id === procedure)?.steps
  for (const id of ids.slice(1)) children = children?.find((candidate) => candidate.id === id)?.steps
  const texts = (steps: Step[]): ArticleStepText[] =>
    steps.map((child) => {
      const entry: ArticleStepText = { text: t(`procedures.${procedure}.steps.${child.id}`) }
      const code = child.code === undefined ? undefined : resolveArticlePath(article, child.code)
      if (typeof code === 'string') entry.code = code
      if (child.steps) entry.steps = texts(child.steps)
      return entry
    })
  if (children) step.steps = texts(children)
  return step
}

type Leaf = { fact: string; operator: string; value: unknown }
function collectLeaves(condition: unknown): Leaf[] {
  if (!condition || typeof condition !== 'object') return []
  const node = condition as Record<string, unknown>
  if (Array.isArray(node.all)) return node.all.flatMap(collectLeaves)
  if (Array.isArray(node.any)) return node.any.flatMap(collectLeaves)
  if (node.not) return collectLeaves(node.not)
  return [{ fact: node.fact as string, operator: node.operator as string, value: node.value }]
}
