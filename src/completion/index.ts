import type { Command } from 'commander';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { completionModel } from './model.js';
import type { Shell } from './shells.js';
import { zshScript } from './zsh.js';

/**
 * Where each script is committed in the package (completions/), by shell.
 * @public Used by scripts/gen-completions.mjs through dist/ (knip cannot follow dist/ imports before a build).
 */
export const COMPLETION_FILES: Readonly<Record<Shell, string>> = {
  bash: 'enablex.bash',
  zsh: '_enablex',
  fish: 'enablex.fish',
};

/** The completion script for a shell, generated from the command tree (pure: tree in, text out). */
export function completionScript(shell: Shell, program: Command): string {
  const model = completionModel(program);
  switch (shell) {
    case 'bash':
      return bashScript(model);
    case 'zsh':
      return zshScript(model);
    case 'fish':
      return fishScript(model);
  }
}
