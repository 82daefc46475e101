#!/usr/bin/env node
// Builds the bundle that bin/enablex.js runs: one small entry (dist/bundle/main.js) and lazy chunks
// per verb and per heavy library (got, conf, inquirer, ora, yaml, the emulator), loaded only by the
// command that needs them. `tsc` still builds dist/ for the library export and its types.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  chunkNames: 'chunks/[name]-[hash]',
  // Whitespace and syntax only: identifiers keep their names, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  plugins: [
    {
      name: 'no-http2',
      setup(b) {
        b.onResolve({ filter: /^http2-wrapper$/ }, () => ({
          path: join(root, 'scripts/stubs/http2-wrapper.mjs'),
        }));
      },
    },
  ],
  logLevel: 'warning',
  // CommonJS dependencies call require(); an ES module has none, so every chunk gets one.
  banner: {
    js: "import { createRequire as __enablexRequire } from 'node:module';\nconst require = __enablexRequire(import.meta.url);",
  },
});

// Marks the folder as ES modules, so Node does not walk up to the project's package.json per chunk.
writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
// What each file holds and imports: test/build/bundle.test.ts checks that start-up loads no heavy module.
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));

const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
const total = outputs.reduce((n, [, o]) => n + o.bytes, 0);
const entry = outputs.find(([f]) => f.endsWith('bundle/main.js'));
process.stdout.write(
  `bundle: ${outputs.length} files, ${Math.round(total / 1024)} KiB; entry ${Math.round((entry?.[1].bytes ?? 0) / 1024)} KiB\n`,
);
