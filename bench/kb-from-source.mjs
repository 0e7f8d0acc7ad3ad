// `kb` from the TypeScript sources through tsx, as bin/kb.js runs when there is no dist/: the cold-start
// benchmark measures this path next to the compiled one. Usage: node bench/kb-from-source.mjs check …
const { register } = await import('tsx/esm/api')
register()
const cli = await import(new URL('../src/cli/main.ts', import.meta.url).href)
await cli.main()
