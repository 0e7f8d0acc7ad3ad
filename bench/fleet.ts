/** @module A synthetic fleet: inventory records as an SCCM or WSUS export would give them, reproducibly. */

/** A small fast PRNG (mulberry32) so every run generates the same fleet. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const products = [
  'wsus',
  'wsus',
  'wsus',
  'sbs2003',
  'sce2007',
  'sccm2007',
  'Windows SBS 2003',
  'ConfigMgr 2007',
]
const wsusVersions = [
  '2.0',
  '3.0',
  '3.0 SP1',
  '3.0 SP1',
  '3.0 SP1',
  '3.0 SP2',
  'WSUS 3.0 SP1',
  '3',
  '2.0 RTM',
]
const dllVersions = [
  '3.1.6001.65',
  '3.1.6001.66',
  '3.1.6001.100',
  '3.1.6001.7',
  '3.1.6000.1',
  '3.2',
  '3.1.6001.066',
]
const booleans = [true, false, true, 'yes', 'no', 'true']
const symptoms = ['none', 'none', 'none', 'none', 'none', 'none', 'partial', 'confirmed']
const roles = ['standalone', 'upstream', 'replica', 'autonomous']

/**
 * One raw inventory record (aliases and yes/no spellings included, about 8% of each fact missing), or
 * with `badEvery`, every n-th record a malformed or invalid line.
 *
 * @example
 * const next = fleetRecords(42)
 * JSON.stringify(next(0)) // {"id":"host-000000", "product":"wsus", …}
 */
export function fleetRecords(
  seed: number,
  badEvery = 0,
): (index: number) => Record<string, unknown> | string {
  const next = random(seed)
  const pick = <T>(values: readonly T[]): T | undefined =>
    next() < 0.08 ? undefined : values[Math.floor(next() * values.length)]
  return (index) => {
    if (badEvery > 0 && index % badEvery === badEvery - 1) {
      return index % (2 * badEvery) === badEvery - 1
        ? '{"id": "broken", "wsusVersion": '
        : { wsusVersion: '3.1' }
    }
    const record: Record<string, unknown> = { id: `host-${String(index).padStart(6, '0')}` }
    const fields: Array<[string, unknown]> = [
      ['product', pick(products)],
      ['wsusVersion', pick(wsusVersions)],
      ['office2003OnClients', pick(booleans)],
      ['webServicesClientDllVersion', pick(dllVersions)],
      ['sbsWsusUpgraded', pick(booleans)],
      ['serverArchitecture', pick(['x86', 'x64', 'amd64'])],
      ['serverLocaleMatchesInstall', pick(booleans)],
      ['serverRole', pick(roles)],
      ['clientSymptom', pick(symptoms)],
      ['serverSymptom', pick(symptoms)],
    ]
    for (const [name, value] of fields) if (value !== undefined) record[name] = value
    return record
  }
}

/** The record as one NDJSON line (without the newline). */
export function fleetLine(record: Record<string, unknown> | string): string {
  return typeof record === 'string' ? record : JSON.stringify(record)
}
