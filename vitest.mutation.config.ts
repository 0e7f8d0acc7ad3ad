import { defineConfig } from 'vitest/config'

// `npm run mutation`: only the in-process tests of the mutated folders. Tests that spawn `bin/kb.js` run
// dist/, which never sees a mutant, and would only make every mutant slower to judge.
export default defineConfig({
  test: {
    include: [
      'test/engine/**/*.test.ts',
      'test/kb/**/*.test.ts',
      'test/logs/**/*.test.ts',
      'test/batch/differential.test.ts',
    ],
    exclude: ['test/logs/cli-diagnose.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
