/** @module Shared test helpers: the real 954960 signatures, fictional fixture signatures and fixture paths. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { parseSignatures } from '../../src/logs/load-signatures.ts'

export const signaturesPath = fileURLToPath(
  new URL('../../rules/articles/954960/signatures.yaml', import.meta.url),
)
export const signatures = parseSignatures(parse(readFileSync(signaturesPath, 'utf8')), signaturesPath)

/** A fictional article's signatures (`contoso-1001`, log kinds `agentlog` and `serverlog`) for tests of the machinery. */
export const fixtureSignatures = parseSignatures(
  parse(readFileSync(fixture('signatures/contoso-agent.yaml'), 'utf8')),
  'contoso-agent.yaml',
)

/** Absolute path of a fixture under test/fixtures/logs/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/logs/${name}`, import.meta.url))
}

/** Text of a fixture. */
export function fixtureText(name: string): string {
  return readFileSync(fixture(name), 'utf8')
}
