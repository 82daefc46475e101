#!/usr/bin/env node
// Writes completions/enablex.bash, completions/_enablex and completions/enablex.fish from the built
// command tree (run `npm run completions`, which builds first). A test fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../dist/cli.js';
import { COMPLETION_FILES, SHELLS, completionScript } from '../dist/completion/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'completions');
// The tree only: no verb ever runs, so the action factory is a no-op and the version is irrelevant.
const program = buildProgram(() => async () => undefined, '0.0.0');
mkdirSync(outDir, { recursive: true });
for (const shell of SHELLS) {
  const file = join(outDir, COMPLETION_FILES[shell]);
  writeFileSync(file, completionScript(shell, program));
  process.stdout.write(`wrote ${file}\n`);
}
