import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileSignatures, parseSignatures, readSignaturesFile } from '../../src/logs/load-signatures.ts'
import { fixture, fixtureSignatures } from './helpers.ts'

describe('readSignaturesFile', () => {
  it('reads and validates a signatures file, with the schema defaults', async () => {
    const file = await readSignaturesFile(fixture('signatures/contoso-agent.yaml'))
    expect(file).toEqual(fixtureSignatures)
    expect(file.article).toBe('contoso-1001')
    expect(file.symptoms[0]!.lines.map((line) => [line.id, line.required, line.distinctive])).toEqual([
      ['begin', true, false],
      ['fault', true, true],
      ['detail', false, false],
      ['finish', true, false],
    ])
    expect(file.symptoms[1]!.vetoes).toEqual([])
  })

  it('names the file and every problem when it is not valid', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kb-signatures-')), 'signatures.yaml')
    writeFileSync(path, 'kind: signatures\narticle: contoso-1001\n')
    await expect(readSignaturesFile(path)).rejects.toThrow(
      new RegExp(`^Expected a valid signatures file in ${path}, not one with 1 problem\\(s\\): symptoms: `),
    )
    rmSync(dirname(path), { recursive: true })
  })
})

describe('parseSignatures', () => {
  it('lists every problem with its path, counted', () => {
    const broken = structuredClone(fixtureSignatures) as unknown as Record<string, unknown>
    broken.kind = 'facts'
    ;(broken.symptoms as { window: unknown }[])[0]!.window = -1
    expect(() => parseSignatures(broken, 'a.yaml')).toThrow(
      /^Expected a valid signatures file in a\.yaml, not one with 2 problem\(s\): kind: .+; symptoms\.0\.window: .+$/,
    )
    expect(() => parseSignatures(null)).toThrow(
      /^Expected a valid signatures file in signatures, not one with 1 problem\(s\): \(root\): /,
    )
  })
})

describe('compileSignatures', () => {
  it('compiles every line and veto with its captures, in block order', () => {
    const [agent, server] = compileSignatures(fixtureSignatures)
    expect(agent).toMatchObject({ id: 'agent-fault', log: 'agentlog', window: 3 })
    expect(agent!.lines.map((line) => [line.id, line.required, line.distinctive, line.captures])).toEqual([
      ['begin', true, false, []],
      ['fault', true, true, ['faultId']],
      ['detail', false, false, ['code']],
      ['finish', true, false, []],
    ])
    expect(agent!.vetoes.map((veto) => [veto.id, veto.required, veto.distinctive])).toEqual([
      ['bad-input', false, false],
    ])
    expect(agent!.lines[1]!.regex.exec('Fault 0A0B in GetData')?.groups).toEqual({ faultId: '0A0B' })
    expect(agent!.vetoes[0]!.regex.test('a BadInput b')).toBe(true)
    expect(server).toMatchObject({ id: 'server-fault', log: 'serverlog', window: 0, vetoes: [] })
  })

  it('compiles only the symptoms of one log kind when asked, sharing the patterns files have in common', () => {
    const patterns = new Map()
    const [agent] = compileSignatures(fixtureSignatures, { kind: 'agentlog', patterns })
    expect(compileSignatures(fixtureSignatures, { kind: 'agentlog' }).map((symptom) => symptom.id)).toEqual([
      'agent-fault',
    ])
    const [again] = compileSignatures(structuredClone(fixtureSignatures), { kind: 'agentlog', patterns })
    expect(again!.lines[1]!.regex).toBe(agent!.lines[1]!.regex)
    expect(again!.lines[1]!.regex.exec('Fault 0A0B in GetData')?.groups).toEqual({ faultId: '0A0B' })
  })
})
