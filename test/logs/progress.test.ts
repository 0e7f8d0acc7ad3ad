import { describe, expect, it, vi } from 'vitest'
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

describe('terminalProgress: what it draws', () => {
  it('draws at most every 250 ms while reading, and always the end', () => {
    const tty = sink(true)
    const now = vi.spyOn(Date, 'now')
    try {
      const draw = terminalProgress(tty, 1)
      const event = (bytesRead: number, done = false) => ({
        name: 'a.log',
        bytesRead,
        totalBytes: 3 * 1048576,
        done,
      })
      now.mockReturnValue(10_000)
      draw(event(1048576))
      now.mockReturnValue(10_249)
      draw(event(1.5 * 1048576))
      now.mockReturnValue(10_250)
      draw(event(2 * 1048576))
      now.mockReturnValue(10_251)
      draw(event(3 * 1048576, true))
    } finally {
      now.mockRestore()
    }
    expect(tty.written).toEqual(['\ra.log 33% (1/3 MB)', '\ra.log 66% (2/3 MB)', '\ra.log 100% (3/3 MB)\n'])
  })

  it('shows megabytes read for a stream of unknown size, once it is large', () => {
    const tty = sink(true)
    const draw = terminalProgress(tty, 2 * 1048576)
    draw({ name: 'stdin', bytesRead: 2 * 1048576 - 1, totalBytes: undefined, done: false })
    draw({ name: 'stdin', bytesRead: 2 * 1048576, totalBytes: undefined, done: false })
    draw({ name: 'stdin', bytesRead: 5.6 * 1048576, totalBytes: undefined, done: true })
    expect(tty.written).toEqual(['\rstdin 2 MB', '\rstdin 6 MB\n'])
  })

  it('judges the size by the total, not by what was read so far', () => {
    const tty = sink(true)
    const draw = terminalProgress(tty, 1000)
    draw({ name: 'big.log', bytesRead: 10, totalBytes: 1000, done: false })
    draw({ name: 'small.log', bytesRead: 999, totalBytes: 999, done: true })
    expect(tty.written).toEqual(['\rbig.log 1% (0/0 MB)'])
  })

  it('writes to stderr by default, and only when it is a terminal', () => {
    const write = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
    const wasTTY = process.stderr.isTTY
    try {
      process.stderr.isTTY = true
      terminalProgress(undefined, 1)({ name: 'x.log', bytesRead: 1, totalBytes: undefined, done: true })
      process.stderr.isTTY = false
      terminalProgress(undefined, 1)({ name: 'y.log', bytesRead: 1, totalBytes: undefined, done: true })
      expect(write.mock.calls).toEqual([['\rx.log 0 MB\n']])
    } finally {
      process.stderr.isTTY = wasTTY
      write.mockRestore()
    }
  })

  it('stays silent below 64 MiB by default', () => {
    const tty = sink(true)
    const draw = terminalProgress(tty)
    draw({ name: 'a.log', bytesRead: 64 * 1048576 - 1, totalBytes: 64 * 1048576 - 1, done: true })
    draw({ name: 'b.log', bytesRead: 64 * 1048576, totalBytes: 64 * 1048576, done: true })
    expect(tty.written).toEqual(['\rb.log 100% (64/64 MB)\n'])
  })
})
