/** @module A commander option parser for counts (`--limit`, `--rate-limit`). */
import { InvalidArgumentError } from 'commander'

/**
 * A whole number of 1 or more, or commander's usage error.
 *
 * @example
 * program.option('--limit <n>', 'at most N', parsePositive, 10)
 */
export function parsePositive(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('Expected a whole number of 1 or more.')
  return number
}
