import { describe, expect, it } from 'vitest'
import { diagnoseLogs } from '../../src/logs/diagnose.ts'
import { type ProgressEvent, terminalProgress } from '../../src/logs/progress.ts'
import { fixture, signatures } from './helpers.ts'

function sink(isTTY: boolean) {
  const written: string[] = []
  return { isTTY, written, write: (text: string) => written.push(text) }
}

describe('progress', () => {
  it('draws on a terminal for a large input only', () => {
    const tty = sink(true)
    const draw = terminalProgress(tty, 1000)
    draw({ name: 'small.log', bytesRead: 10, totalBytes: 10, done: true })
    draw({ name: 'big.log', bytesRead: 2000, totalBytes: 4000, done: false })
    draw({ name: 'big.log', bytesRead: 4000, totalBytes: 4000, done: true })
    expect(tty.written).toEqual(['\rbig.log 50% (0/0 MB)', '\rbig.log 100% (0/0 MB)\n'])
  })

  it('stays silent when stderr is not a terminal', () => {
    const pipe = sink(false)
    terminalProgress(pipe, 0)({ name: 'big.log', bytesRead: 4000, totalBytes: 4000, done: true })
    expect(pipe.written).toEqual([])
  })

  it('is called by diagnoseLogs with the bytes read, ending with done', async () => {
    const events: ProgressEvent[] = []
    await diagnoseLogs(
      { windowsupdate: fixture('server-954960.log') },
      { signatures, progress: (event) => events.push(event) },
    )
    expect(events.at(-1)).toMatchObject({ bytesRead: events.at(-1)!.totalBytes, done: true })
  })
})
