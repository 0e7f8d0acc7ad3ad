import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { diagnoseLogs } from '../../src/logs/diagnose.ts'
import { fixtureSignatures } from './helpers.ts'

const agent = ['Sync started', 'Fault ABCD in GetData', 'Sync failed'].join('\n')
const server = ['ServerException id=abcd', 'ServerException id=0f0f', 'ServerException id=1234'].join('\n')
const stream = (text: string) => Readable.from([Buffer.from(`${text}\n`)])

describe('diagnoseLogs on the fixture article: counts a user reads', () => {
  it('counts the blocks past maxBlocks and names in each file the fault ids every symptom shares', async () => {
    const report = await diagnoseLogs(
      { agentlog: stream(agent), serverlog: stream(server) },
      { signatures: fixtureSignatures, maxBlocks: 1 },
    )
    const [serverFile] = report.logs.serverlog!.files
    expect(serverFile!.blocks).toHaveLength(1)
    expect(serverFile!.omittedBlocks).toBe(2)
    expect(report.sharedIds).toEqual(['abcd'])
    expect(report.logs.agentlog!.files[0]!.correlatedIds).toEqual(['abcd'])
    expect(serverFile!.correlatedIds).toEqual(['abcd'])
    const all = await diagnoseLogs(
      { agentlog: stream(agent), serverlog: stream(server) },
      { signatures: fixtureSignatures },
    )
    const [everyBlock] = all.logs.serverlog!.files
    expect(everyBlock!.omittedBlocks).toBe(0)
    expect(everyBlock!.faultIds).toEqual(['abcd', '0f0f', '1234'])
    expect(everyBlock!.correlatedIds).toEqual(['abcd'])
  })
})
