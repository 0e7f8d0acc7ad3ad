/** @module The custom json-rules-engine operators that compare dotted versions. */
import { type Engine, Operator } from 'json-rules-engine'
import { compareVersions, isVersion } from './version.ts'

const comparisons: Record<string, (order: number) => boolean> = {
  versionEqual: (order) => order === 0,
  versionLessThan: (order) => order < 0,
  versionLessThanInclusive: (order) => order <= 0,
  versionGreaterThan: (order) => order > 0,
  versionGreaterThanInclusive: (order) => order >= 0,
}

/**
 * Register `versionEqual`, `versionLessThan`, `versionLessThanInclusive`, `versionGreaterThan` and
 * `versionGreaterThanInclusive` on an engine. A fact that is not a version makes the leaf false.
 *
 * @example
 * const engine = new Engine([], {allowUndefinedFacts: true})
 * registerVersionOperators(engine)
 */
export function registerVersionOperators(engine: Engine): void {
  for (const [name, test] of Object.entries(comparisons)) {
    engine.addOperator(
      new Operator<string, string>(name, (fact, value) => test(compareVersions(fact, value)), isVersion),
    )
  }
}

/** An engine operator as it is at run time (the published types omit `evaluate`). */
export interface RuntimeOperator {
  name: string
  evaluate(factValue: unknown, jsonValue: unknown): boolean
}

/**
 * The engine's own operator objects, so compiled evaluation calls exactly what `run()` calls.
 *
 * @example
 * engineOperator(engine, 'versionLessThan').evaluate('2.0', '3.0') // true
 */
export function engineOperator(engine: Engine, name: string): RuntimeOperator {
  const operator = (
    engine as unknown as { operators: { get(name: string): RuntimeOperator | null } }
  ).operators.get(name)
  if (!operator) throw new Error(`Expected operator \`${name}\` to be registered on the engine`)
  return operator
}
