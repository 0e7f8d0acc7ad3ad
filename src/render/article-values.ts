/** @module The facts of an article, flattened for interpolation into localized strings. */
import type { ArticleFile } from '../kb/schema/article.ts'

/**
 * Every value a translation may interpolate. Translations never spell these out, so a fact changed in
 * `rules/` changes every language.
 *
 * @example
 * articleValues(article).fixedVersion // '3.1.6001.66'
 */
export function articleValues(article: ArticleFile): Record<string, string> {
  return {
    articleId: article.id,
    kbNumber: article.kb.number,
    kbUrl: article.kb.url,
    kbRevision: article.kb.revision,
    kbLastReview: article.kb.lastReview,
    kbTechnicalUpdate: article.kb.technicalUpdate,
    advisoryNumber: article.advisory.number,
    advisoryUrl: article.advisory.url,
    advisoryPublished: article.advisory.published,
    advisoryUpdated: article.advisory.updated,
    fixId: article.fix.id,
    fixUrl: article.fix.url,
    fixReleased: article.fix.released,
    restartedServices: article.fix.restartsServices.join(', '),
    updateId: article.workaround.updateId,
    detectCommand: article.workaround.detectCommand,
    dllFile: article.component.file,
    dllFolder: article.component.folder,
    fixedVersion: article.component.fixedVersion,
    unfixedVersion: article.component.unfixedVersion,
    clientLogPath: article.logs.client.path,
    serverLogPath: article.logs.server.path,
    clientErrorCode: article.errorCodes.client,
    serverErrorCode: article.errorCodes.server,
    exceptionMessage: article.errorCodes.exception,
  }
}
