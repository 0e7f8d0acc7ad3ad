/**
 * Model-based: `SymptomMatcher`, fed every record or only the records a `MatcherSet` hands it, finds exactly
 * the blocks and near misses of the rules in docs/signatures.md written out plainly (open, extend, close by
 * window or by an earlier line, report when no required line is missing or a distinctive line was found).
 * The matcher leaves out work the plain rules do (blocks that can never be reported, records that match none
 * of its patterns); over dense generated symptoms and records, that must never change a finding.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { compileSignatures, parseSignatures } from '../../src/logs/load-signatures.ts'
import { SymptomMatcher } from '../../src/logs/matcher.ts'
import { MatcherSet } from '../../src/logs/matcher-set.ts'
import type { LogRecord } from '../../src/logs/records.ts'

const letters = ['a', 'b', 'c', 'd', 'e']

interface Spec {
  lines: Array<{ letter: string; required: boolean; distinctive: boolean }>
  vetoes: string[]
  window: number
}

const spec = fc.record({
  lines: fc.array(
    fc.record({ letter: fc.constantFrom(...letters), required: fc.boolean(), distinctive: fc.boolean() }),
    { minLength: 1, maxLength: 5 },
  ),
  vetoes: fc.array(fc.constantFrom('v', 'w', 'a'), { maxLength: 2 }),
  window: fc.nat(5),
})

// Records of a few letters each; `gap` records left out before it (they count towards windows).
const records = fc.array(
  fc.record({ gap: fc.nat({ max: 2 }), letters: fc.subarray([...letters, 'v', 'w', 'x']) }),
  { maxLength: 40 },
)

const hasLetter = (text: string, letter: string) => text.split(' ').includes(letter)

function compile({ lines, vetoes, window }: Spec) {
  const [symptom] = compileSignatures(
    parseSignatures({
      kind: 'signatures',
      article: 'a',
      symptoms: [
        {
          id: 's',
          log: 'cbs',
          fact: 'f',
          description: 'd',
          window,
          // Each line matches one letter as a word; at least one line is required.
          lines: lines.map((line, index) => ({
            id: `l${index}`,
            pattern: `\\b${line.letter}\\b`,
            required: line.required || index === lines.length - 1,
            distinctive: line.distinctive,
          })),
          vetoes: vetoes.map((letter, index) => ({ id: `v${index}`, pattern: `\\b${letter}\\b` })),
        },
      ],
    }),
  )
  return symptom!
}

/** The rules, plainly: every record, every line and veto tried, every block kept until it closes. */
function reference(input: Spec, stream: LogRecord[], maxBlocks: number) {
  const lines = input.lines.map((line, index) => ({
    id: `l${index}`,
    letter: line.letter,
    required: line.required || index === input.lines.length - 1,
    distinctive: line.distinctive,
  }))
  const blocks: Array<{ level: string; matched: string[]; missing: string[] }> = []
  const nearMisses: Array<{ veto: string; matched: string[] }> = []
  let omitted = 0
  let open: { first: number; next: number; matched: string[]; veto?: string } | undefined
  const close = () => {
    const block = open
    open = undefined
    if (!block) return
    const found = new Set(block.matched.map((item) => item.split('@')[0]))
    const distinctive = lines.some((line) => line.distinctive && found.has(line.id))
    const missing = lines.filter((line) => line.required && !found.has(line.id)).map((line) => line.id)
    if (missing.length > 0 && !distinctive) return
    if (blocks.length + nearMisses.length >= maxBlocks) omitted++
    else if (block.veto) nearMisses.push({ veto: block.veto, matched: block.matched })
    else blocks.push({ level: missing.length > 0 ? 'partial' : 'confirmed', matched: block.matched, missing })
  }
  for (const record of stream) {
    if (open && record.index - open.first > input.window) close()
    lines.forEach((line, index) => {
      if (!hasLetter(record.text, line.letter)) return
      if (open && index < open.next) close()
      open ??= { first: record.index, next: 0, matched: [] }
      open.matched.push(`${line.id}@${record.index}`)
      open.next = index + 1
    })
    if (open && open.veto === undefined) {
      const veto = input.vetoes.findIndex((letter) => hasLetter(record.text, letter))
      if (veto !== -1) open.veto = `v${veto}@${record.index}`
    }
    if (open && open.next >= lines.length) close()
  }
  close()
  return { blocks, nearMisses, omitted }
}

function findings(matcher: SymptomMatcher) {
  const at = (item: { lineId: string; line: number }) => `${item.lineId}@${item.line - 1}`
  return {
    blocks: matcher.blocks.map((block) => ({
      level: block.level,
      matched: block.matched.map(at),
      missing: block.missing,
    })),
    nearMisses: matcher.nearMisses.map((miss) => ({ veto: at(miss.veto), matched: miss.matched.map(at) })),
    omitted: matcher.omitted,
  }
}

function stream(items: Array<{ gap: number; letters: string[] }>): LogRecord[] {
  let index = 0
  return items.map((item) => {
    index += item.gap
    const record = {
      index,
      line: index + 1,
      timestamp: null,
      text: item.letters.join(' '),
      truncatedChars: 0,
    }
    index++
    return record
  })
}

describe('SymptomMatcher against the plain rules', () => {
  test.prop([spec, spec, records, fc.integer({ min: 1, max: 4 })], { numRuns: 400 })(
    'finds the same blocks and near misses, fed every record or through a MatcherSet',
    (first, second, items, maxBlocks) => {
      const records = stream(items)
      const expected = reference(first, records, maxBlocks)
      const alone = new SymptomMatcher(compile(first), { maxBlocks })
      for (const record of records) alone.push(record)
      alone.end()
      expect(findings(alone)).toEqual(expected)
      // Beside a matcher that shares its letters, each seeing only the records routed to it.
      const routed = new SymptomMatcher(compile(first), { maxBlocks })
      const other = new SymptomMatcher(compile(second), { maxBlocks })
      const set = new MatcherSet([routed, other])
      for (const record of records) set.record(record)
      routed.end()
      other.end()
      expect(findings(routed)).toEqual(expected)
      expect(findings(other)).toEqual(reference(second, records, maxBlocks))
    },
  )
})
