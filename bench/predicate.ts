/**
 * @module The limit: article 954960's verdict rules (rules/articles/954960/verdicts.yaml) written by hand as
 * a plain three-valued JavaScript function. Kept in step with the YAML by a test (test/batch/predicate.test.ts).
 */
import type { Facts } from '../src/engine/facts.ts'

type Verdict = 'affected' | 'not_affected' | 'fixed' | 'unknown'
const F = 0
const T = 1
const U = 2

const fixedVersion = [3, 1, 6001, 66]

function versionOrder(version: string): number {
  const parts = version.split('.')
  for (let index = 0; index < 4; index++) {
    const part = index < parts.length ? Number(parts[index]) : 0
    if (part !== fixedVersion[index]) return part < fixedVersion[index]! ? -1 : 1
  }
  return 0
}

function is(value: unknown, expected: unknown): number {
  return value === undefined ? U : value === expected ? T : F
}

function and(a: number, b: number): number {
  return a === F || b === F ? F : a === U || b === U ? U : T
}

/**
 * The verdict of article 954960 for validated facts (evidence defaults applied), by hand.
 *
 * @example
 * handWrittenVerdict({wsusVersion: '3.0', office2003OnClients: true, clientSymptom: 'none', serverSymptom: 'none', symptomIdsCorrelated: false}) // 'affected'
 */
export function handWrittenVerdict(facts: Facts): Verdict {
  // The derivation overrides a contradicting input: SBS 2003 without the upgrade runs WSUS 2.0.
  const wsus = facts.product === 'sbs2003' && facts.sbsWsusUpgraded === false ? '2.0' : facts.wsusVersion
  const office = facts.office2003OnClients
  const dll = facts.webServicesClientDllVersion as string | undefined
  const client = is(facts.clientSymptom, 'confirmed')
  const server = is(facts.serverSymptom, 'confirmed')
  const symptom = client === T || server === T ? T : client === U || server === U ? U : F
  const officeTrue = is(office, true)
  const sp1 = and(is(wsus, '3.0 SP1'), officeTrue)
  const order = dll === undefined ? U : versionOrder(dll)
  const below = order === U ? U : order < 0 ? T : F
  const atOrAbove = order === U ? U : order >= 0 ? T : F
  const tris = [
    symptom,
    and(is(wsus, '3.0 SP1'), atOrAbove),
    is(office, false),
    is(wsus, '2.0'),
    is(wsus, '3.0 SP2'),
    and(is(wsus, '3.0'), officeTrue),
    and(sp1, below),
  ]
  return decideByHand(tris)
}

const verdicts: Verdict[] = [
  'affected',
  'fixed',
  'not_affected',
  'not_affected',
  'not_affected',
  'affected',
  'affected',
]

function decideByHand(tris: number[]): Verdict {
  let open: Verdict | undefined
  for (let index = 0; index < tris.length; index++) {
    const tri = tris[index]
    if (tri === T) return open === undefined || open === verdicts[index] ? verdicts[index]! : 'unknown'
    if (tri === U) {
      if (open !== undefined && open !== verdicts[index]) return 'unknown'
      open = verdicts[index]
    }
  }
  return 'unknown'
}
