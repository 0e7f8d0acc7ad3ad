/** @module The facts of an article, flattened for interpolation into localized strings. */
import type { ArticleFile } from '../kb/schema/article.ts'
import type { Product } from '../kb/schema/catalog.ts'
import { memoOf } from '../memo-per.ts'

/** A value a translation may interpolate: text, or a list for i18next's `list` format. */
export type ArticleValue = string | string[]

/**
 * `wsus-3.0-sp1` → `wsus30Sp1`: the interpolation name of a catalog product, revision or reference id.
 *
 * @example
 * camelId('wsus-3.0-sp1') // 'wsus30Sp1'
 */
export function camelId(id: string): string {
  const [first = '', ...rest] = id.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return first + rest.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')
}

/** The file name at the end of a Windows path. */
function baseName(windowsPath: string): string {
  return windowsPath.split('\\').filter(Boolean).pop() ?? windowsPath
}

/**
 * Every value a translation may interpolate. Translations never spell these out, so a fact changed in
 * `rules/` changes every language. Per catalog product `<p>` (camel-cased id, `wsus30Sp1`): `{{p}}` short
 * name, `{{pName}}` name and version, `{{pFullName}}` with the vendor, `{{pVersion}}`, `{{pProduct}}` the
 * name alone, `{{pFamily}}` vendor and name. Per reference `<r>`: `{{rUrl}}` and `{{rNumber}}`. Per advisory
 * revision: `{{revision<R>}}` its date. With a `language`, `{{kbLastReview}}` and `{{kbRevision}}` are that
 * language's (`kb.pages`), and so is `{{rUrl}}` of a reference with its own page in that language (`urls`). Per named value: `{{name}}`. Per log excerpt `<l>`: `{{lLogPath}}`,
 * `{{lLogFile}}`; per error code `<e>`: `{{eErrorCode}}`. A value the article does not have is absent.
 *
 * @example
 * articleValues(article, products).fixedVersion // '3.1.6001.66'
 * articleValues(article, products).wsus30Sp1FullName // 'Microsoft Windows Server Update Services 3.0 Service Pack 1'
 */
export function articleValues(
  article: ArticleFile,
  products: readonly Product[] = [],
  language?: string,
): Record<string, ArticleValue> {
  const values = valuesBeforeProducts(article, language)
  for (const [name, value] of productValues(products)) values[name] = value
  addValuesAfterProducts(article, language, values)
  return values
}

/**
 * `articleValues` in two layers: the article's own values, and the values of the catalog products in one object
 * per list of products, shared by every article. A name looked up in `own`, then in `products`, has the value
 * `articleValues` gives it; a knowledge base of a thousand articles keeps one copy of the product names instead
 * of one per article and language.
 *
 * @example
 * const {own, products: shared} = layeredArticleValues(article, products, 'nl')
 * own.fixedVersion // '3.1.6001.66'
 * shared.wsus30Sp1Name // 'Windows Server Update Services 3.0 Service Pack 1'
 */
export function layeredArticleValues(
  article: ArticleFile,
  products: readonly Product[],
  language?: string,
): { own: Record<string, ArticleValue>; products: Readonly<Record<string, string>> } {
  const shared = memoOf(productRecords, products, () => Object.fromEntries(productValues(products)))
  const own = valuesBeforeProducts(article, language)
  // A product value replaces an article value of the same name set before it, as in `articleValues`.
  for (const name of Object.keys(own)) if (Object.hasOwn(shared, name)) delete own[name]
  addValuesAfterProducts(article, language, own)
  return { own, products: shared }
}

const productRecords = new WeakMap<readonly Product[], Record<string, string>>()

function valuesBeforeProducts(
  article: ArticleFile,
  language: string | undefined,
): Record<string, ArticleValue> {
  const { kb, advisory, fix, workaround, component } = article
  const values: Record<string, ArticleValue> = {}
  // Only values the article has: a placeholder without a value is an error at lint, never `undefined`.
  const put = (name: string, value: ArticleValue | undefined) => {
    if (value !== undefined) values[name] = value
  }
  put('articleId', article.id)
  for (const [name, value] of Object.entries(article.values)) put(name, String(value))
  put('kbNumber', kb?.number)
  put('kbUrl', kb?.url)
  // Each language's KB page keeps its own last review and revision.
  const page = language === undefined ? undefined : kb?.pages[language as keyof typeof kb.pages]
  put('kbRevision', page?.revision ?? kb?.revision)
  put('kbLastReview', page?.lastReview ?? kb?.lastReview)
  put('kbTechnicalUpdate', kb?.technicalUpdate)
  put('kbKeywords', kb?.keywords.join(' '))
  put('advisoryNumber', advisory?.number)
  put('advisoryUrl', advisory?.url)
  put('advisoryPublished', advisory?.published)
  put('advisoryUpdated', advisory?.updated)
  put('fixId', fix?.id)
  put('fixUrl', fix?.url)
  put('fixReleased', fix?.released)
  put('restartedServices', fix?.restartsServices?.join(', '))
  put('restartedServicesList', fix?.restartsServices && [...fix.restartsServices])
  put('updateId', workaround?.updateId)
  put('detectCommand', workaround?.detectCommand)
  put('dllFile', component?.file)
  put('dllFolder', component?.folder)
  for (const [id, excerpt] of Object.entries(article.logs)) {
    const key = camelId(id)
    put(`${key}LogPath`, excerpt.path)
    put(`${key}LogFile`, excerpt.path && baseName(excerpt.path))
  }
  for (const [id, code] of Object.entries(article.errorCodes)) put(`${camelId(id)}ErrorCode`, code)
  return values
}

function addValuesAfterProducts(
  article: ArticleFile,
  language: string | undefined,
  values: Record<string, ArticleValue>,
): void {
  for (const reference of article.references) {
    const key = camelId(reference.id)
    values[`${key}Url`] = reference.urls?.[language as keyof typeof reference.urls] ?? reference.url
    if (reference.number !== undefined) values[`${key}Number`] = reference.number
  }
  for (const revision of article.advisory?.revisions ?? []) {
    const key = camelId(revision.id)
    values[`revision${key.charAt(0).toUpperCase()}${key.slice(1)}`] = revision.date
  }
}

/**
 * The values of the catalog products, made once per list of products: a knowledge base of a thousand articles
 * would otherwise hold a thousand copies of every product name.
 */
function productValues(products: readonly Product[]): ReadonlyArray<[string, string]> {
  let entries = productEntries.get(products)
  if (entries === undefined) {
    entries = products.flatMap((product): Array<[string, string]> => {
      const key = camelId(product.id)
      return [
        [key, product.shortName],
        [`${key}Name`, `${product.name} ${product.version}`],
        [`${key}FullName`, `${product.vendor} ${product.name} ${product.version}`],
        [`${key}Version`, product.version],
        [`${key}Product`, product.name],
        [`${key}Family`, `${product.vendor} ${product.name}`],
      ]
    })
    productEntries.set(products, entries)
  }
  return entries
}

const productEntries = new WeakMap<readonly Product[], Array<[string, string]>>()
