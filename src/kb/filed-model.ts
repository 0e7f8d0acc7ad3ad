/**
 * @module The file of a compiled model (compiled-model.ts): a header, the model without each article's parts,
 * then the parts as JSON, read from the file when first needed. An article's texts (`article`) and rules
 * (`verdicts`) are read by few: a `kb check` or `kb serve` of a thousand articles reads those of the articles a
 * query concerns. The other files (`extras`, the signatures) are one part for all articles: `kb diagnose` reads
 * those of every article, at once, and a check none. Parsing everything took most of the time of loading a
 * large knowledge base, and its objects most of a server's memory. The header keeps what every load needs:
 * ids, files, and the facts each article's answer depends on (`factsConcerning`), which the fact index reads.
 */
import path from 'node:path'
import { asciiJson } from './cache-json.ts'
import { factsConcerning, rememberFactsConcerning } from './facts-concerning.ts'
import { indexedFileBytes, openIndexedFile } from './indexed-file.ts'
import type { ArticleModel, KnowledgeBaseModel } from './model.ts'

/** Where a part is in the body: `[offset, length]` in bytes. */
type Place = [number, number]

/** An article in the header: its texts and rules placed in the body. */
interface FiledArticle {
  id: string
  files: string[]
  concerning: readonly string[]
  article: Place
  verdicts: Place
}

interface Header extends Omit<KnowledgeBaseModel, 'dir' | 'articles'> {
  articles: FiledArticle[]
  /** Every article's `extras`, in the order of `articles`, as one part. */
  extras: Place
}

// The file stays open while an article's parts may still be read (see `readFiledModel`), and is closed after.
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
    articles: articles.map((article) => ({
      id: article.id,
      files: article.files,
      concerning: factsConcerning(article),
      article: place(article.article),
      verdicts: place(article.verdicts),
    })),
    extras: place(articles.map((article) => article.extras)),
  }
  return indexedFileBytes(asciiJson(header), texts)
}

/**
 * The model filed in `file` for the content of `dir`, as the model of `dir`: each article's `article` and
 * `verdicts`, and the `extras` of all articles, are read from the file when first asked for, then kept.
 * Undefined when there is none, or it cannot be read or is not whole (trimmed meanwhile, or cut short by a full
 * disk).
 *
 * @example
 * const model = readFiledModel(entries.file('rules', ''), 'rules')
 */
export function readFiledModel(file: string, dir: string): KnowledgeBaseModel | undefined {
  const opened = openIndexedFile<Header>(file, (header) =>
    header.articles.reduce((sum, { article, verdicts }) => sum + article[1] + verdicts[1], header.extras[1]),
  )
  if (opened === undefined) return undefined
  const { header, read, close } = opened
  // Every article's reader holds the file (not the header); the file is closed once none is left.
  const { extras: extrasPlace, articles, ...rest } = header
  let extras: Array<ArticleModel['extras']> | undefined
  const handle = {
    part: (place: Place) => JSON.parse(read(...place).toString('latin1')) as unknown,
    extras: (index: number) => {
      extras ??= handle.part(extrasPlace) as Array<ArticleModel['extras']>
      return extras[index]!
    },
  }
  closing.register(handle, close)
  // In the order of a model read from the folder.
  return {
    dir: path.resolve(dir),
    ...rest,
    articles: articles.map((article, index) => lazyArticle(article, index, handle)),
  }
}

// The same properties in the same order as the article's model; its parts read when first needed.
function lazyArticle(
  filed: FiledArticle,
  index: number,
  handle: { part: (place: Place) => unknown; extras: (index: number) => ArticleModel['extras'] },
): ArticleModel {
  let article: ArticleModel['article'] | undefined
  let verdicts: ArticleModel['verdicts'] | undefined
  const lazy: ArticleModel = {
    id: filed.id,
    get article() {
      article ??= handle.part(filed.article) as ArticleModel['article']
      return article
    },
    get verdicts() {
      verdicts ??= handle.part(filed.verdicts) as ArticleModel['verdicts']
      return verdicts
    },
    get extras() {
      return handle.extras(index)
    },
    files: filed.files,
  }
  rememberFactsConcerning(lazy, filed.concerning)
  return lazy
}
