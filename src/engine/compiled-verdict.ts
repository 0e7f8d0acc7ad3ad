/**
 * @module An article's decision rules generated into one straight-line JavaScript function: the batch
 * fast path. Same rule JSON, same registered operators, same three-valued logic and decision order as
 * `engine.run()` + `decide()`; a differential test (test/batch/differential.test.ts) holds it to that.
 */
import { type Engine, Operator } from 'json-rules-engine'
import type { Verdict } from '../kb/schema/verdicts.ts'
import type { CompiledRule, EngineCondition } from './engine-rules.ts'
import type { Facts } from './facts.ts'
import { engineOperator, type RuntimeOperator } from './operators.ts'

/** The verdict for validated facts, or `undefined` when a derivation holds (the caller then applies it). */
type VerdictFunction = (facts: Facts) => Verdict | undefined

/** The two generated functions: with the derivation check first, and decisions alone for derived facts. */
export interface VerdictFunctions {
  /** `undefined` when a derivation holds: apply it (`applyDerivations`) and call `decisionsOnly`. */
  verdict: VerdictFunction
  decisionsOnly: (facts: Facts) => Verdict
}

/**
 * Generate the verdict function of an article's rules. Each fact is read once, each distinct leaf is
 * evaluated at most once and only when a rule needs it, and rules stop at the first that decides, as
 * `decide()` does. Records on which a derivation holds are left to the general path (`undefined`), so
 * derivation semantics live in one place (`applyDerivations`).
 *
 * Only numbers and `JSON.stringify`-quoted names reach the generated source; operators and rule values are
 * passed in as arrays, never printed.
 *
 * @example
 * const {verdict} = compileVerdictFunctions(engine, toEngineRules(article))
 * verdict({wsusVersion: '3.0', office2003OnClients: true}) // 'affected'
 */
export function compileVerdictFunctions(engine: Engine, rules: readonly CompiledRule[]): VerdictFunctions {
  return {
    verdict: generate(engine, rules, true) as VerdictFunction,
    decisionsOnly: generate(engine, rules, false) as (facts: Facts) => Verdict,
  }
}

// `Operator.evaluate` is `this.factValueValidator(fact) && this.cb(fact, value)`; calling both from the
// generated code gives every call site one target, which V8 inlines. Anything else keeps `evaluate`.
const plainEvaluate = (new Operator('probe', () => true) as unknown as RuntimeOperator).evaluate

function call(operator: RuntimeOperator, index: number, fact: string, value: string): string {
  const parts = operator as unknown as { cb?: unknown; factValueValidator?: unknown }
  const plain =
    operator.evaluate === plainEvaluate &&
    typeof parts.cb === 'function' &&
    typeof parts.factValueValidator === 'function'
  return plain
    ? `(o${index}.factValueValidator(${fact}) && o${index}.cb(${fact}, ${value}))`
    : `o${index}.evaluate(${fact}, ${value})`
}

function generate(engine: Engine, rules: readonly CompiledRule[], derivations: boolean): VerdictFunction {
  const facts: string[] = []
  const operators: RuntimeOperator[] = []
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
    const operator = operators.push(engineOperator(engine, node.operator)) - 1
    const value = values.push(node.value) - 1
    const test = `f${fact} === undefined ? 2 : ${call(operators[operator]!, operator, `f${fact}`, `v${value}`)} ? 1 : 0`
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
    ...operators.map((_, index) => `const o${index} = operators[${index}];`),
    ...values.map((_, index) => `const v${index} = values[${index}];`),
  ]
  const source = `${header.join('\n')}\nreturn function verdictOf(facts) {\n${[...prologue, ...lines].join('\n')}\n}`
  // biome-ignore lint/complexity/noBannedTypes: the generated function is typed by the cast below
  const factory = new Function('operators', 'values', source) as Function
  return factory(operators, values) as VerdictFunction
}
