import { describe, expect, it } from 'vitest'
import type { LogKind } from '../../src/kb/schema/log-kinds.ts'
import { resolveLogInputs, unknownKind } from '../../src/logs/log-inputs.ts'

// A fictional registry: the shortcuts sit on kinds that are not first, so "the first kind" is never right.
const kinds: LogKind[] = [
  { id: 'setupapi', file: 'setupapi.log', path: '%windir%\\inf\\setupapi.log', encoding: 'utf-8' },
  { id: 'agentlog', file: 'Agent.log', path: 'C:\\Agent.log', encoding: 'utf-8', shortcut: 'client' },
  { id: 'serverlog', file: 'Server.log', path: 'C:\\Server.log', encoding: 'utf-16le', shortcut: 'server' },
]

describe('resolveLogInputs', () => {
  it('lists inputs by kind id, one or several per kind, shortcut inputs after those named by kind', () => {
    expect(
      resolveLogInputs(
        {
          logs: { agentlog: 'named.log', setupapi: ['a.log', 'b.log'] },
          client: ['pc1.log', 'pc2.log'],
          server: 's.log',
        },
        kinds,
      ),
    ).toEqual({
      agentlog: ['named.log', 'pc1.log', 'pc2.log'],
      setupapi: ['a.log', 'b.log'],
      serverlog: ['s.log'],
    })
  })

  it('gives no entry for a shortcut or kind that was not given', () => {
    expect(resolveLogInputs({ server: { text: 'x' } }, kinds)).toEqual({ serverlog: [{ text: 'x' }] })
    expect(resolveLogInputs({ logs: { setupapi: undefined as unknown as string } }, kinds)).toEqual({})
    expect(resolveLogInputs({}, kinds)).toEqual({})
  })

  it('refuses an unknown kind, listing the kinds and suggesting the close one', () => {
    expect(() => resolveLogInputs({ logs: { agentlgo: 'a.log' } }, kinds)).toThrow(
      new RangeError(
        'Expected a log kind of the knowledge base (`setupapi`, `agentlog`, `serverlog`), not `agentlgo`; did you mean `agentlog`?',
      ),
    )
  })

  it('refuses a shortcut that no kind carries, naming the kinds to use instead', () => {
    const withoutServer = kinds.filter((kind) => kind.shortcut !== 'server')
    expect(() => resolveLogInputs({ client: 'pc.log', server: 's.log' }, withoutServer)).toThrow(
      new RangeError(
        'Expected a log kind marked `shortcut: server` in the registry, not none: name the kind instead (`setupapi`, `agentlog`)',
      ),
    )
    expect(() => resolveLogInputs({ client: 'pc.log' }, [kinds[0]!])).toThrow(/`shortcut: client`/)
    // A shortcut that was not given needs no kind.
    expect(resolveLogInputs({ client: 'pc.log' }, withoutServer)).toEqual({ agentlog: ['pc.log'] })
  })
})

describe('unknownKind', () => {
  it('adds no suggestion when nothing is close', () => {
    expect(unknownKind('zzzzzz', ['setupapi'])).toBe(
      'Expected a log kind of the knowledge base (`setupapi`), not `zzzzzz`',
    )
  })
})
