/**
 * @module Every operator a rule may use, defined once here and registered on the engine under its own name,
 * so `engine.run()`, the compiled closures and the generated verdict function call the very same functions
 * (nothing is read back out of json-rules-engine's internals).
 */
import { type Engine, Operator } from 'json-rules-engine'
import { compareVersions, isVersion } from './version.ts'

/** One operator: `accepts` the fact's type, then `test`s it against the rule's value (false when not accepted). */
export interface OperatorDefinition {
  name: string
  accepts(fact: unknown): boolean
  test(fact: unknown, value: unknown): boolean
}

const anything = () => true
// json-rules-engine's own check for its numeric operators; kept so the built-in names behave as documented.
const numeric = (fact: unknown) => Number.parseFloat(fact as string).toString() !== 'NaN'
const version = (order: (sign: number) => boolean) => (fact: unknown, value: unknown) =>
  order(compareVersions(fact as string, value as string))

const definitions: OperatorDefinition[] = [
  { name: 'equal', accepts: anything, test: (fact, value) => fact === value },
  { name: 'notEqual', accepts: anything, test: (fact, value) => fact !== value },
  { name: 'in', accepts: anything, test: (fact, value) => (value as unknown[]).indexOf(fact) > -1 },
  { name: 'notIn', accepts: anything, test: (fact, value) => (value as unknown[]).indexOf(fact) === -1 },
  { name: 'lessThan', accepts: numeric, test: (fact, value) => (fact as number) < (value as number) },
  {
    name: 'lessThanInclusive',
    accepts: numeric,
    test: (fact, value) => (fact as number) <= (value as number),
  },
  { name: 'greaterThan', accepts: numeric, test: (fact, value) => (fact as number) > (value as number) },
  {
    name: 'greaterThanInclusive',
    accepts: numeric,
    test: (fact, value) => (fact as number) >= (value as number),
  },
  { name: 'versionEqual', accepts: isVersion, test: version((sign) => sign === 0) },
  { name: 'versionLessThan', accepts: isVersion, test: version((sign) => sign < 0) },
  { name: 'versionLessThanInclusive', accepts: isVersion, test: version((sign) => sign <= 0) },
  { name: 'versionGreaterThan', accepts: isVersion, test: version((sign) => sign > 0) },
  { name: 'versionGreaterThanInclusive', accepts: isVersion, test: version((sign) => sign >= 0) },
]

/**
 * The operators by name. The first eight keep json-rules-engine's built-in semantics (a test compares them
 * with the engine's own); the `version*` ones compare dotted versions, and a fact that is not a version
 * makes the leaf false.
 *
 * @example
 * operators.get('versionLessThan')?.test('2.0', '3.0') // true
 */
export const operators: ReadonlyMap<string, OperatorDefinition> = new Map(
  definitions.map((definition) => [definition.name, definition]),
)

/**
 * The definition of one operator; throws for a name no rule may use.
 *
 * @example
 * const {accepts, test} = operatorDefinition('in')
 */
export function operatorDefinition(name: string): OperatorDefinition {
  const definition = operators.get(name)
  if (!definition) throw new Error(`Expected an operator of the rule language, not \`${name}\``)
  return definition
}

/**
 * Register every operator on an engine, replacing the built-ins of the same name by the same functions the
 * compiled paths call.
 *
 * @example
 * const engine = new Engine([], {allowUndefinedFacts: true})
 * registerOperators(engine)
 */
export function registerOperators(engine: Engine): void {
  for (const { name, accepts, test } of definitions) engine.addOperator(new Operator(name, test, accepts))
}

/**
 * One leaf evaluated as every path does: not accepted is false, else the test.
 *
 * @example
 * evaluateOperator(operatorDefinition('versionEqual'), '3.0 SP1', '3.0') // false: not a dotted version
 */
export function evaluateOperator(definition: OperatorDefinition, fact: unknown, value: unknown): boolean {
  return definition.accepts(fact) && definition.test(fact, value)
}
