/* global module -- dependency-cruiser reads its configuration as CommonJS */
/**
 * The layers of src/, checked by `npm run lint` (dependency-cruiser). Type-only imports are left out
 * (they vanish when compiled); dynamic imports count, so a lazily loaded module cannot close a cycle.
 * See docs/architecture.md for what each layer is for.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle, dynamic imports included: break it by moving the shared part down a layer.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'lib-is-a-leaf',
      severity: 'error',
      comment: 'src/lib/ holds leaf utilities: they import nothing of the app, only each other and Node.',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'emulator-stands-alone',
      severity: 'error',
      comment: "The emulator is shipped for users' tests: it imports nothing of the CLI but src/lib/.",
      from: { path: '^src/emulator/' },
      to: { path: '^src/', pathNot: '^src/(emulator|lib)/' },
    },
    {
      name: 'output-below-commands',
      severity: 'error',
      comment:
        'src/output/ formats values for the terminal: it imports only itself, src/lib/ and src/context.ts (the stream types), nothing of commands, options, prompts, the API or the transport.',
      from: { path: '^src/output/' },
      to: { path: '^src/', pathNot: '^src/(output|lib)/|^src/context\\.ts$' },
    },
    {
      name: 'api-below-commands',
      severity: 'error',
      comment:
        'src/api/ is one function per EnableX route on the transport: it imports only itself, src/http/, src/lib/ and src/context.ts, never commands, downloads, output, config or the entry modules (cli, factory, globals, prompt…).',
      from: { path: '^src/api/' },
      to: { path: '^src/', pathNot: '^src/(api|http|lib)/|^src/context\\.ts$' },
    },
    {
      name: 'transport-below-api',
      severity: 'error',
      comment:
        'src/http/ is the transport: it knows nothing of EnableX routes, commands, downloads or the top-level modules but src/context.ts.',
      from: { path: '^src/http/' },
      to: {
        path: '^src/(api|commands|download|config|completion|reference|watch|emulator)/|^src/[^/]+\\.ts$',
        pathNot: '^src/context\\.ts$',
      },
    },
    {
      name: 'downloads-use-the-transport',
      severity: 'error',
      comment:
        'src/download/ reaches the network through src/http/ only, never the API client, commands or the top-level modules but src/context.ts.',
      from: { path: '^src/download/' },
      to: {
        path: '^src/(api|commands|config|completion|reference|watch|emulator)/|^src/[^/]+\\.ts$',
        pathNot: '^src/context\\.ts$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
