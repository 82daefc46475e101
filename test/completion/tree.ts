import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { COMPLETION_FILES } from '../../src/completion/index.js';
import type { Shell } from '../../src/completion/shells.js';
import { allSpecs, completionModel, type CommandSpec } from '../../src/completion/model.js';

/** The real command tree, built as `npm run completions` builds it (no verb can run). */
export function realProgram(): Command {
  return buildProgram(() => async () => undefined, '0.0.0');
}

/** The repository root (tests run from it). */
export const REPO = join(import.meta.dirname, '..', '..');

/** Path of a committed completion script. */
export function committedPath(shell: Shell): string {
  return join(REPO, 'completions', COMPLETION_FILES[shell]);
}

/** A committed completion script, or undefined when it was never generated. */
export function committed(shell: Shell): string | undefined {
  try {
    return readFileSync(committedPath(shell), 'utf8');
  } catch {
    return undefined;
  }
}

/** One command of the real tree by its path. */
export function specAt(path: string[]): CommandSpec {
  const spec = allSpecs(completionModel(realProgram()).root).find((s) => s.path.join(' ') === path.join(' '));
  if (!spec) throw new Error(`no command "${path.join(' ')}" in the tree`);
  return spec;
}
