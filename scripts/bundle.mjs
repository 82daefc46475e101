#!/usr/bin/env node
// Builds the bundle that bin/enablex.js runs: one small entry (dist/bundle/main.js) and lazy chunks
// per verb and per heavy library (got, conf, inquirer, ora, yaml, the emulator), loaded only by the
// command that needs them. `tsc` still builds dist/ for the library export and its types.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

/**
 * Module-level `const name = new Intl.X(...)` lines to build on first use: the file (the copy got and
 * the output layer import; wrap-ansi's older string-width builds nothing at load), the line
 * (capturing the name and the construction), how many such lines it must find, and the one method
 * the module calls on them.
 */
const LAZY_INTL = [
  {
    file: join(root, 'node_modules/@sindresorhus/is/distribution/index.js'),
    eager: /^const (andFormatter|orFormatter) = (new Intl\.ListFormat\([^)]*\));$/gm,
    count: 2,
    method: 'format',
  },
  {
    file: join(root, 'node_modules/string-width/index.js'),
    eager: /^const (segmenter) = (new Intl\.Segmenter\(\));$/gm,
    count: 1,
    method: 'segment',
  },
];

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
      // Two libraries build Intl objects when they load, and the first of each kind initialises ICU
      // data: about 11 ms for a ListFormat (@sindresorhus/is, got's type checks, only for wording got's
      // own messages about wrong option types) and 9 ms for a Segmenter (string-width, only for text
      // that is not plain ASCII). Every command paid both. Here each is built when first used.
      name: 'lazy-intl',
      setup(b) {
        for (const { file, eager, count, method } of LAZY_INTL) {
          const exact = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
          b.onLoad({ filter: exact }, ({ path }) => {
            const source = readFileSync(path, 'utf8');
            const found = source.match(eager) ?? [];
            if (found.length !== count) {
              throw new Error(
                `${path}: expected ${count} Intl constant(s) built at load, found ${found.length}; update LAZY_INTL in scripts/bundle.mjs`,
              );
            }
            const contents = source.replace(eager, (_, name, create) => {
              const made = `${name}Made`;
              return `let ${made};\nconst ${name} = { ${method}: (value) => (${made} ??= ${create}).${method}(value) };`;
            });
            return { contents, loader: 'js' };
          });
        }
      },
    },
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
