import { describe, expect, it } from 'vitest'
import { Serial } from '../../src/engine/serial.ts'

describe('Serial', () => {
  it('runs jobs one at a time, in the order they came, and passes each result back', async () => {
    const serial = new Serial()
    const log: string[] = []
    let running = 0
    const job = (name: string, ms: number) => async () => {
      running++
      log.push(`start ${name} (${running} running)`)
      await new Promise((resolve) => setTimeout(resolve, ms))
      running--
      log.push(`end ${name}`)
      return name
    }
    const results = await Promise.all([
      serial.run(job('a', 20)),
      serial.run(job('b', 1)),
      serial.run(job('c', 5)),
    ])
    expect(results).toEqual(['a', 'b', 'c'])
    expect(log).toEqual([
      'start a (1 running)',
      'end a',
      'start b (1 running)',
      'end b',
      'start c (1 running)',
      'end c',
    ])
  })

  it('rejects only the caller of a failing job; later jobs still run', async () => {
    const serial = new Serial()
    const failing = serial.run(async () => {
      throw new Error('broken rule')
    })
    const next = serial.run(async () => 'still answered')
    await expect(failing).rejects.toThrow('broken rule')
    await expect(next).resolves.toBe('still answered')
  })
})
