import type { Command } from 'commander';
import { completionScript, type Shell } from '../../completion/index.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';

/** `enablex completion <shell>`: the script for the tree this very run was built from. */
export async function run({ args, command }: CommandInput, rt: Runtime): Promise<void> {
  let root: Command = command;
  while (root.parent) root = root.parent;
  // Commander has already refused any shell outside the argument's choices.
  rt.out.raw(completionScript(args[0] as Shell, root));
}
