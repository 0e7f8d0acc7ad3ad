/** @module Three-valued outcomes of json-rules-engine result trees, with the leaves that decided them. */
import type { FactValue } from './facts.ts'
import { FALSE, TRUE, type Tri, triAll, triAny, triNot, UNKNOWN } from './tri-state.ts'

/** One evaluated leaf: which fact, compared how, with what it held. */
export interface LeafOutcome {
  fact: string
  operator: string
  value: unknown
  /** The fact's value in this evaluation; absent when the fact was missing. */
  actual?: FactValue
  result: 'true' | 'false' | 'unknown'
}

interface ResultNode {
  all?: ResultNode[]
  any?: ResultNode[]
  not?: ResultNode
  fact?: string
  operator?: string
  value?: unknown
  result?: boolean
  factResult?: unknown
}

const names = ['false', 'true', 'unknown'] as const

/**
 * Re-evaluate a json-rules-engine condition result with three-valued logic: a leaf whose fact was
 * missing is unknown (json-rules-engine says true for `notEqual`, `notIn` and `not` on a missing fact).
 * Returns the value and the leaves that decided it (for unknown: the leaves still waiting for a fact).
 *
 * @example
 * const {tri, leaves} = outcomeOf(ruleResult.conditions)
 */
export function outcomeOf(node: ResultNode): { tri: Tri; leaves: LeafOutcome[] } {
  if (node.all) return combine(node.all.map(outcomeOf), 'all')
  if (node.any) return combine(node.any.map(outcomeOf), 'any')
  if (node.not) {
    const inner = outcomeOf(node.not)
    return { tri: triNot(inner.tri), leaves: inner.leaves }
  }
  const known = node.factResult !== undefined
  const tri: Tri = !known ? UNKNOWN : node.result ? TRUE : FALSE
  const leaf: LeafOutcome = {
    fact: node.fact!,
    operator: node.operator!,
    value: node.value,
    result: names[tri],
  }
  if (known) leaf.actual = node.factResult as FactValue
  return { tri, leaves: [leaf] }
}

function combine(children: Array<{ tri: Tri; leaves: LeafOutcome[] }>, kind: 'all' | 'any') {
  const tris = children.map((child) => child.tri)
  const tri = kind === 'all' ? triAll(tris) : triAny(tris)
  // The deciding children: for `all` a false child decides false, for `any` a true child decides true;
  // otherwise every child with the same value as the node (all of them for true-all / false-any).
  const decisive = kind === 'all' ? FALSE : TRUE
  const chosen =
    tri === decisive
      ? [children.find((child) => child.tri === decisive)!]
      : children.filter((child) => child.tri === tri)
  return { tri, leaves: chosen.flatMap((child) => child.leaves) }
}
