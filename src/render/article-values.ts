/** @module The facts of an article, flattened for interpolation into localized strings. */
import type { ArticleFile } from '../kb/schema/article.ts'
import type { Product } from '../kb/schema/catalog.ts'

/** A value a translation may interpolate: text, or a list for i18next's `list` format. */
export type ArticleValue = string | string[]

/**
 * `wsus-3.0-sp1` → `wsus30Sp1`: the interpolation name of a catalog product, revision or reference id.
 *
 * @example
 * camelId('wsus-3.0-sp1') // 'wsus30Sp1'
 */
function camelId(id: string): string {
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
 * revision: `{{revision<R>}}` its date.
 *
 * @example
 * articleValues(article, products).fixedVersion // '3.1.6001.66'
 * articleValues(article, products).wsus30Sp1FullName // 'Microsoft Windows Server Update Services 3.0 Service Pack 1'
 */
export function articleValues(
  article: ArticleFile,
  products: readonly Product[] = [],
): Record<string, ArticleValue> {
  const values: Record<string, ArticleValue> = {
    articleId: article.id,
    kbNumber: article.kb.number,
    kbUrl: article.kb.url,
    kbRevision: article.kb.revision,
    kbLastReview: article.kb.lastReview,
    kbTechnicalUpdate: article.kb.technicalUpdate,
    kbKeywords: article.kb.keywords.join(' '),
    advisoryNumber: article.advisory.number,
    advisoryUrl: article.advisory.url,
    advisoryPublished: article.advisory.published,
    advisoryUpdated: article.advisory.updated,
    fixId: article.fix.id,
    fixUrl: article.fix.url,
    fixReleased: article.fix.released,
    restartedServices: article.fix.restartsServices.join(', '),
    restartedServicesList: [...article.fix.restartsServices],
    updateId: article.workaround.updateId,
    detectCommand: article.workaround.detectCommand,
    dllFile: article.component.file,
    dllFolder: article.component.folder,
    fixedVersion: article.component.fixedVersion,
    unfixedVersion: article.component.unfixedVersion,
    clientLogPath: article.logs.client.path,
    clientLogFile: baseName(article.logs.client.path),
    serverLogPath: article.logs.server.path,
    serverLogFile: baseName(article.logs.server.path),
    clientErrorCode: article.errorCodes.client,
    serverErrorCode: article.errorCodes.server,
    exceptionMessage: article.errorCodes.exception,
  }
  for (const product of products) {
    const key = camelId(product.id)
    values[key] = product.shortName
    values[`${key}Name`] = `${product.name} ${product.version}`
    values[`${key}FullName`] = `${product.vendor} ${product.name} ${product.version}`
    values[`${key}Version`] = product.version
    values[`${key}Product`] = product.name
    values[`${key}Family`] = `${product.vendor} ${product.name}`
  }
  for (const reference of article.references) {
    const key = camelId(reference.id)
    values[`${key}Url`] = reference.url
    if (reference.number !== undefined) values[`${key}Number`] = reference.number
  }
  for (const revision of article.advisory.revisions) {
    const key = camelId(revision.id)
    values[`revision${key.charAt(0).toUpperCase()}${key.slice(1)}`] = revision.date
  }
  return values
}
