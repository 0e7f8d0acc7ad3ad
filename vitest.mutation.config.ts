import { defineConfig } from 'vitest/config'

// `npm run mutation`: only the in-process tests of the mutated folders (MUTATION_TESTS, a comma list of
// globs, narrows them for a run on one folder). Tests that spawn `bin/kb.js` run dist/, which never sees a
// mutant, and would only make every mutant slower to judge.
const tests = process.env.MUTATION_TESTS?.split(',') ?? [
  'test/engine/**/*.test.ts',
  'test/kb/**/*.test.ts',
  'test/logs/**/*.test.ts',
]

export default defineConfig({
  test: {
    include: tests,
    exclude: ['test/logs/cli-diagnose.test.ts', 'test/engine/no-code-generation.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
