import { describe, expect, it } from 'vitest'
import type { FileReport } from '../../src/logs/diagnose.ts'
import { evidenceToFacts } from '../../src/logs/evidence-facts.ts'
import { type EvidenceLevel, maxLevel } from '../../src/logs/evidence-level.ts'
import { fixtureSignatures } from './helpers.ts'

describe('maxLevel', () => {
  it.each([
    [[], 'none'],
    [['none'], 'none'],
    [['partial'], 'partial'],
    [['confirmed'], 'confirmed'],
    [['none', 'partial', 'none'], 'partial'],
    [['partial', 'none'], 'partial'],
    [['confirmed', 'partial'], 'confirmed'],
    [['partial', 'confirmed', 'none'], 'confirmed'],
  ] as [EvidenceLevel[], EvidenceLevel][])('of %j is %s', (levels, expected) => {
    expect(maxLevel(levels)).toBe(expected)
    expect(maxLevel(new Set(levels))).toBe(expected)
  })
})

describe('evidenceToFacts on fixture signatures', () => {
  const block = (symptomId: string, level: 'confirmed' | 'partial') => ({
    symptomId,
    level,
    matched: [],
    missing: [],
    faultIds: [],
  })
  const files = (...perFile: ReturnType<typeof block>[][]) => ({
    level: 'none' as const,
    files: perFile.map((blocks) => ({ blocks }) as unknown as FileReport),
  })

  it('gives a symptom the highest level of its blocks over every file of its kind', () => {
    const logs = {
      agentlog: files([block('agent-fault', 'partial')], [], [block('agent-fault', 'confirmed')]),
      serverlog: files([block('server-fault', 'partial')]),
    }
    expect(evidenceToFacts(fixtureSignatures, { logs, correlated: true })).toEqual({
      agentFault: 'confirmed',
      serverFault: 'partial',
      faultShared: true,
    })
  })

  it("ignores another symptom's blocks in the same log", () => {
    const logs = { agentlog: files([block('server-fault', 'confirmed')]) }
    expect(evidenceToFacts(fixtureSignatures, { logs, correlated: false })).toEqual({ agentFault: 'none' })
  })

  it('sets the correlation fact only when logs of every correlated kind were given', () => {
    expect(
      evidenceToFacts(fixtureSignatures, {
        logs: { agentlog: files([]), serverlog: files() },
        correlated: false,
      }),
    ).toEqual({
      agentFault: 'none',
      serverFault: 'none',
      faultShared: false,
    })
    expect(evidenceToFacts(fixtureSignatures, { logs: { serverlog: files([]) }, correlated: true })).toEqual({
      serverFault: 'none',
    })
  })

  it('leaves the correlation fact out when it names a symptom the file does not have', () => {
    const odd = structuredClone(fixtureSignatures)
    odd.correlation!.symptoms = ['agent-fault', 'gone']
    const logs = { agentlog: files([]), serverlog: files([]) }
    expect(evidenceToFacts(odd, { logs, correlated: true })).toEqual({
      agentFault: 'none',
      serverFault: 'none',
    })
  })

  it('keeps the higher level when a later symptom with the same fact found less', () => {
    const shared = structuredClone(fixtureSignatures)
    for (const symptom of shared.symptoms) symptom.fact = 'eitherFault'
    delete shared.correlation
    const logs = { agentlog: files([block('agent-fault', 'confirmed')]), serverlog: files([]) }
    expect(evidenceToFacts(shared, { logs, correlated: true })).toEqual({ eitherFault: 'confirmed' })
  })
})
