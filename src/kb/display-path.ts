/**
 * @module How a file is named in problems. A module of its own: the translation QA names files too, and a worker
 * thread linting translations would otherwise load the rules' schemas (zod) with the rules reader.
 */
import path from 'node:path'

/**
 * How a file is named in problems: relative to the working folder when it is inside it, with `/` between
 * folders; absolute otherwise.
 *
 * @example
 * displayPath(path.resolve('rules/facts.yaml')) // 'rules/facts.yaml' (absolute outside the working folder)
 */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative.split(path.sep).join('/')
    : absolute
}
