/**
 * @module The file of a compiled model (compiled-model.ts): a header, the model without each article's texts,
 * then the texts as JSON, each read from the file when first needed. An article's texts (`article`, two-thirds
 * of a model) are read by few: a `kb check` or `kb serve` of a thousand articles reads those of the articles a
 * query concerns, `kb diagnose` none. Parsing them all took most of the time of loading a large knowledge base,
 * and their objects most of a server's memory. The other files (`extras`, the signatures) stay in the header:
 * `kb diagnose` reads those of every article, at once.
 */
import path from 'node:path'
import { asciiJson } from './cache-json.ts'
import { indexedFileBytes, openIndexedFile } from './indexed-file.ts'
import type { ArticleModel, KnowledgeBaseModel } from './model.ts'

/** Where a part is in the body: `[offset, length]` in bytes. */
type Place = [number, number]

interface Header extends Omit<KnowledgeBaseModel, 'dir' | 'articles'> {
  articles: Array<Omit<ArticleModel, 'article'> & { article: Place }>
}

// The file stays open while an article's texts may still be read (see `readFiledModel`), and is closed after.
const closing = new FinalizationRegistry<() => void>((close) => close())

/**
 * The file's content for a model, without its folder (the same content elsewhere is the same model: its files
 * are relative to the folder). All ASCII, as `asciiJson` writes.
 *
 * @example
 * writeCacheFile(file, filedModelBytes(model))
 */
export function filedModelBytes(model: KnowledgeBaseModel): Buffer {
  const texts: Buffer[] = []
  let offset = 0
  const place = (value: unknown): Place => {
    const text = Buffer.from(asciiJson(value), 'latin1')
    texts.push(text)
    offset += text.length
    return [offset - text.length, text.length]
  }
  const { dir: _dir, articles, ...rest } = model
  const header: Header = {
    ...rest,
    articles: articles.map((article) => ({ ...article, article: place(article.article) })),
  }
  return indexedFileBytes(asciiJson(header), texts)
}

/**
 * The model filed in `file` for the content of `dir`, as the model of `dir`: each article's `article` is read
 * from the file when first asked for, then kept. Undefined when there is none, or it cannot be read or is not
 * whole (trimmed meanwhile, or cut short by a full disk).
 *
 * @example
 * const model = readFiledModel(entries.file('rules', ''), 'rules')
 */
export function readFiledModel(file: string, dir: string): KnowledgeBaseModel | undefined {
  const opened = openIndexedFile<Header>(file, (header) =>
    header.articles.reduce((sum, { article }) => sum + article[1], 0),
  )
  if (opened === undefined) return undefined
  const { header, read, close } = opened
  // Every article's reader holds the file (not the header); the file is closed once none is left.
  const handle = { part: (place: Place) => JSON.parse(read(...place).toString('latin1')) as unknown }
  closing.register(handle, close)
  // In the order of a model read from the folder.
  return {
    dir: path.resolve(dir),
    ...header,
    articles: header.articles.map((article) => lazyArticle(article, handle)),
  }
}

// The same properties in the same order as the article's model; its texts read when first needed.
function lazyArticle(
  filed: Header['articles'][number],
  handle: { part: (place: Place) => unknown },
): ArticleModel {
  let article: ArticleModel['article'] | undefined
  return {
    id: filed.id,
    get article() {
      article ??= handle.part(filed.article) as ArticleModel['article']
      return article
    },
    verdicts: filed.verdicts,
    extras: filed.extras,
    files: filed.files,
  }
}
