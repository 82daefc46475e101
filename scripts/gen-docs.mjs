#!/usr/bin/env node
// Writes the command reference, docs/commands/*.md, from the built command specs and the
// hand-written partials in docs/commands/notes/ (run `npm run docs`, which builds first). Pages of
// commands that no longer exist are removed. A test fails when the pages are stale.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../dist/commands/index.js';
import { GLOBAL_FLAGS } from '../dist/commands/global-flags.js';
import { orphanPartials, readPartials, writePages } from '../dist/reference/files.js';
import { referencePages } from '../dist/reference/markdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'docs', 'commands');
const partials = readPartials(dir);
const pages = referencePages(COMMANDS, GLOBAL_FLAGS, partials);
const { written, removed } = writePages(dir, pages);
for (const file of written) process.stdout.write(`wrote docs/commands/${file}\n`);
for (const file of removed) process.stdout.write(`removed docs/commands/${file}\n`);
process.stdout.write(`${pages.length} pages, ${written.length} changed, ${removed.length} removed\n`);
const orphans = orphanPartials(pages, partials);
if (orphans.length) {
  process.stderr.write(
    `Partials without a page (their command is not declared as a spec, or was renamed): ${orphans
      .map((f) => `docs/commands/notes/${f}`)
      .join(', ')}\n`,
  );
  process.exitCode = 1;
}
