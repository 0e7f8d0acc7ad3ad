/**
 * @module An article's decision rules generated into one straight-line JavaScript function: the batch
 * fast path. Same rule JSON, same registered operators, same three-valued logic and decision order as
 * `engine.run()` + `decide()`; a differential test (test/batch/differential.test.ts) holds it to that.
 * Where code generation is forbidden (`node --disallow-code-generation-from-strings`, a CSP), the same
 * decisions run as the closures of `compileArticle`.
 */
import type { Verdict } from '../kb/schema/verdicts.ts'
import { type CompiledArticle, compileArticle } from './compiled.ts'
import type { CompiledRule, EngineCondition } from './engine-rules.ts'
import type { Facts } from './facts.ts'
import { operatorDefinition } from './operators.ts'
import { TRUE, UNKNOWN } from './tri-state.ts'

/** The verdict for validated facts, or `undefined` when a derivation holds (the caller then applies it). */
type VerdictFunction = (facts: Facts) => Verdict | undefined

/** The two verdict functions: with the derivation check first, and decisions alone for derived facts. */
export interface VerdictFunctions {
  /** `undefined` when a derivation holds: apply it (`applyDerivations`) and call `decisionsOnly`. */
  verdict: VerdictFunction
  decisionsOnly: (facts: Facts) => Verdict
  /** `generated` (one function per article) or `closures` (code generation is not allowed here). */
  kind: 'generated' | 'closures'
}

/** How to build the verdict functions: `auto` generates code where the runtime allows it. */
export type VerdictStrategy = 'auto' | 'generated' | 'closures'

/**
 * True when this process may compile code from strings (false under
 * `--disallow-code-generation-from-strings`).
 *
 * @example
 * codeGenerationAllowed() // true in a default Node process
 */
export function codeGenerationAllowed(): boolean {
  try {
    return new Function('return true')() === true
  } catch {
    return false
  }
}

/**
 * Build the verdict functions of an article's rules. Generated code reads each fact once, evaluates each
 * distinct leaf at most once and only when a rule needs it, and stops at the first rule that decides, as
 * `decide()` does. Records on which a derivation holds are left to the general path (`undefined`), so
 * derivation semantics live in one place (`applyDerivations`).
 *
 * Only numbers and `JSON.stringify`-quoted names reach the generated source; operators and rule values are
 * passed in as arrays, never printed.
 *
 * @example
 * const {verdict} = compileVerdictFunctions(toEngineRules(article), 'auto')
 * verdict({wsusVersion: '3.0', office2003OnClients: true}) // 'affected'
 */
export function compileVerdictFunctions(
  rules: readonly CompiledRule[],
  strategy: VerdictStrategy,
): VerdictFunctions {
  if (strategy === 'closures' || (strategy === 'auto' && !codeGenerationAllowed()))
    return closureVerdicts(compileArticle(rules))
  return {
    verdict: generate(rules, true) as VerdictFunction,
    decisionsOnly: generate(rules, false) as (facts: Facts) => Verdict,
    kind: 'generated',
  }
}

/** The same decisions without generated code: the first rule that holds decides, as in `decide()`. */
function closureVerdicts(compiled: CompiledArticle): VerdictFunctions {
  const decisionsOnly = (facts: Facts): Verdict => {
    let open: string | undefined
    for (const { verdict, when } of compiled.decisions) {
      const value = when(facts)
      if (value === TRUE) return (open === undefined || open === verdict ? verdict : 'unknown') as Verdict
      if (value === UNKNOWN) {
        if (open !== undefined && open !== verdict) return 'unknown'
        open = verdict
      }
    }
    return 'unknown'
  }
  const verdict = (facts: Facts): Verdict | undefined =>
    compiled.derivations.some((derivation) => derivation.when(facts) === TRUE)
      ? undefined
      : decisionsOnly(facts)
  return { verdict, decisionsOnly, kind: 'closures' }
}

function generate(rules: readonly CompiledRule[], derivations: boolean): VerdictFunction {
  const facts: string[] = []
  const operators: string[] = []
  const values: unknown[] = []
  const leafKeys = new Map<string, number>()
  const lines: string[] = []
  let temporaries = 0

  const factIndex = (name: string) => {
    const at = facts.indexOf(name)
    return at >= 0 ? at : facts.push(name) - 1
  }
  // Emits statements that leave the node's tri-state value (0 false, 1 true, 2 unknown) in `target`.
  const emit = (node: EngineCondition, target: string, memo: boolean): void => {
    if ('all' in node || 'any' in node) {
      const children = 'all' in node ? node.all : node.any
      const [decisive, neutral] = 'all' in node ? [0, 1] : [1, 0]
      const label = `b${temporaries++}`
      lines.push(`${target} = ${neutral}; ${label}: {`)
      for (const child of children) {
        const value = `t${temporaries++}`
        lines.push(`let ${value};`)
        emit(child, value, memo)
        lines.push(`if (${value} === ${decisive}) { ${target} = ${decisive}; break ${label} }`)
        lines.push(`if (${value} === 2) ${target} = 2;`)
      }
      lines.push('}')
      return
    }
    if ('not' in node) {
      const inner = `t${temporaries++}`
      lines.push(`let ${inner};`)
      emit(node.not, inner, memo)
      lines.push(`${target} = ${inner} === 2 ? 2 : 1 - ${inner};`)
      return
    }
    const fact = factIndex(node.fact)
    const known = operators.indexOf(node.operator)
    const operator = known >= 0 ? known : operators.push(node.operator) - 1
    const value = values.push(node.value) - 1
    // The operator's own two functions, called directly: every call site has one target, which V8 inlines.
    const test = `f${fact} === undefined ? 2 : accept${operator}(f${fact}) && test${operator}(f${fact}, v${value}) ? 1 : 0`
    if (!memo) {
      lines.push(`${target} = ${test};`)
      return
    }
    // Leaves repeat across rules (wsusVersion = 3.0 SP1 in three of them): evaluate each once per record.
    const key = JSON.stringify([node.fact, node.operator, node.value])
    let leaf = leafKeys.get(key)
    if (leaf === undefined) {
      leaf = leafKeys.size
      leafKeys.set(key, leaf)
    }
    lines.push(`if (l${leaf} === -1) l${leaf} = ${test};`, `${target} = l${leaf};`)
  }

  for (const rule of rules.filter((candidate) => derivations && candidate.role === 'derive')) {
    const value = `t${temporaries++}`
    lines.push(`let ${value};`)
    emit(rule.json.conditions as EngineCondition, value, false)
    lines.push(`if (${value} === 1) return undefined;`)
  }
  lines.push('let open;')
  for (const rule of rules.filter((candidate) => candidate.role === 'decide')) {
    const verdict = JSON.stringify((rule.json.event.params as { verdict: string }).verdict)
    const value = `t${temporaries++}`
    lines.push(`let ${value};`)
    emit(rule.json.conditions as EngineCondition, value, true)
    // The first rule that holds decides, unless an earlier unknown rule could still give another verdict.
    lines.push(
      `if (${value} === 1) return open === undefined || open === ${verdict} ? ${verdict} : 'unknown';`,
    )
    lines.push(
      `if (${value} === 2) { if (open !== undefined && open !== ${verdict}) return 'unknown'; open = ${verdict} }`,
    )
  }
  lines.push(`return 'unknown';`)

  const prologue = [
    ...facts.map((name, index) => `const f${index} = facts[${JSON.stringify(name)}];`),
    ...[...leafKeys.values()].map((index) => `let l${index} = -1;`),
  ]
  const header = [
    ...operators.map(
      (_, index) => `const accept${index} = accepts[${index}], test${index} = tests[${index}];`,
    ),
    ...values.map((_, index) => `const v${index} = values[${index}];`),
  ]
  const source = `${header.join('\n')}\nreturn function verdictOf(facts) {\n${[...prologue, ...lines].join('\n')}\n}`
  // biome-ignore lint/complexity/noBannedTypes: the generated function is typed by the cast below
  const factory = new Function('accepts', 'tests', 'values', source) as Function
  const definitions = operators.map(operatorDefinition)
  return factory(
    definitions.map((definition) => definition.accepts),
    definitions.map((definition) => definition.test),
    values,
  ) as VerdictFunction
}
