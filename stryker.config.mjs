// `npm run mutation`: StrykerJS on the engine, the log reader and the loader. Bounded (2 test runners: the
// machine is shared) and incremental (reports/stryker-incremental.json keeps what earlier runs measured).
// Some files only: `npm run mutation -- --mutate 'src/engine/decide.ts,src/engine/version.ts'` (a comma list).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/engine/**/*.ts', 'src/logs/**/*.ts', 'src/kb/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Module-level code (operator tables, compiled patterns) runs before any test: such a mutant would need
  // the whole suite per run. They are reported as ignored; docs/testing.md counts them.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
