/** @module Load a rules folder: all of it, validated, or nothing. */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { checkDecidability } from './check-decidability.ts'
import { crossCheck } from './cross-check.ts'
import { KnowledgeBaseError } from './errors.ts'
import type { KnowledgeBaseModel } from './model.ts'
import { defaultRulesDir } from './paths.ts'
import { type Problem, sortProblems } from './problem.ts'
import { listYamlFiles, readRulesFile, type ValidFile } from './read-files.ts'

export { defaultRulesDir } from './paths.ts'

/** What `lintRules` found. */
export interface RulesLint {
  problems: Problem[]
  /** The validated model, when no problem is an error. */
  model?: KnowledgeBaseModel
  /**
   * With a model: its problems (all warnings) without those of the decidability checks, as `lintRules(dir)`
   * gives them, which `kb check` files for a later `kb lint` (kb/filed-rules-lint.ts).
   */
  warnings?: Problem[]
}

/**
 * Validate a rules folder and return every problem (errors and warnings), sorted by position.
 * Never throws for content problems; `model` is set when there is no error. With `decidability`, also warn
 * about fact values some article's rules cannot decide (what `kb lint` reports).
 *
 * @example
 * const {problems} = await lintRules('rules')
 * for (const p of problems) console.log(formatProblem(p))
 */
export async function lintRules(
  dir: string = defaultRulesDir,
  options: { decidability?: boolean } = {},
): Promise<RulesLint> {
  const absolute = path.resolve(dir)
  try {
    const info = await stat(absolute)
    if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    return {
      problems: [
        {
          code: 'KB_FILE_UNREADABLE',
          severity: 'error',
          message: `Expected a rules folder, not a path that fails with ${code}; pass \`--rules DIR\` with a folder of YAML files`,
          file: dir,
          line: 0,
          column: 0,
          path: [],
        },
      ],
    }
  }

  const { problems, files } = await readFolder(absolute)
  // Checks across files run only on valid files: a broken catalog would otherwise make every product
  // reference look unknown.
  if (problems.some((problem) => problem.severity === 'error')) return { problems: sortProblems(problems) }
  const checked = crossCheck(files)
  problems.push(...checked.problems)
  const sorted = sortProblems(problems)
  if (sorted.some((problem) => problem.severity === 'error')) return { problems: sorted }
  const model = {
    dir: absolute,
    products: checked.products,
    facts: checked.facts,
    logKinds: checked.logKinds,
    // Relative to the folder, so that a compiled copy of the same content serves any copy of the folder.
    articles: checked.articles.map((article) => ({
      ...article,
      files: article.files.map((file) =>
        path.relative(absolute, path.resolve(file)).split(path.sep).join('/'),
      ),
    })),
  }
  // Searches every completion of every article's facts: for `kb lint`, not for each start-up.
  if (options.decidability)
    return {
      problems: sortProblems([...sorted, ...checkDecidability(model, files)]),
      model,
      warnings: sorted,
    }
  return { problems: sorted, model, warnings: sorted }
}

/** Every YAML file of a rules folder read and validated on its own: the problems, and the files without any. */
async function readFolder(absolute: string): Promise<{ problems: Problem[]; files: ValidFile[] }> {
  const problems: Problem[] = []
  const files: ValidFile[] = []
  for (const file of await listYamlFiles(absolute)) {
    const read = await readRulesFile(file)
    problems.push(...read.problems)
    if (read.file) files.push(read.file)
  }
  return { problems, files }
}

/**
 * The files of a rules folder that read and validated, each on its own (the others are left out): for placing
 * warnings about a model that was filed (`decidabilityProblems`).
 *
 * @example
 * const files = await validFiles(model.dir)
 */
export async function validFiles(dir: string): Promise<ValidFile[]> {
  return (await readFolder(path.resolve(dir))).files
}

/**
 * Load and validate a rules folder. Throws `KnowledgeBaseError` listing every problem when any file has an error.
 *
 * @example
 * const model = await loadRules() // the built-in rules/
 */
export async function loadRules(dir: string = defaultRulesDir): Promise<KnowledgeBaseModel> {
  const { problems, model } = await lintRules(dir)
  if (!model) throw new KnowledgeBaseError(problems)
  return model
}
