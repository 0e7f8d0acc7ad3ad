// The floor of a Node.js NDJSON pipeline on one core, the anchor of the end-to-end batch figure: read the
// file, JSON.parse every line, write one small JSON line per record. No validation, no rules.
// Usage: node bench/ndjson-floor.mjs IN.ndjson OUT.ndjson
import { closeSync, openSync, readSync, writeSync } from 'node:fs'

const input = openSync(process.argv[2], 'r')
const output = openSync(process.argv[3], 'w')
const buffer = Buffer.allocUnsafe(1 << 20)
let carry = ''
let line = 0
let position = 0
for (;;) {
  const read = readSync(input, buffer, 0, buffer.length, position)
  if (read === 0) break
  position += read
  const text = carry + buffer.toString('utf8', 0, read)
  const last = text.lastIndexOf('\n')
  carry = text.slice(last + 1)
  const parts = []
  for (const content of text.slice(0, last).split('\n')) {
    line++
    let id
    try {
      id = JSON.parse(content).id
    } catch {}
    parts.push(`{"id":${JSON.stringify(id ?? null)},"line":${line}}`)
  }
  writeSync(output, `${parts.join('\n')}\n`)
}
closeSync(input)
closeSync(output)
