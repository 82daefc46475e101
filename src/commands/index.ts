import type { Command } from 'commander';
import type { ActionFactory } from './define.js';
import { addCommand, type SpecAction } from './adapter.js';
import type { CommandSpec } from './spec.js';
import { registerApi } from './api/index.js';
import archive from './archive/index.js';
import cdr from './cdr/index.js';
import { registerCompletion } from './completion/index.js';
import { registerDialin } from './dialin/index.js';
import { registerDoctor } from './doctor/index.js';
import { registerEmulator } from './emulator/index.js';
import { registerProfile } from './profile/index.js';
import { registerRoom } from './room/index.js';
import token from './token/token.verb.js';
import users from './users/users.verb.js';

/** A noun not yet declared as a spec: it adds itself to the program. */
type Register = (program: Command, action: ActionFactory) => void;

/** Every noun in the order help lists them: the daily work first, set-up last. */
const TREE: readonly (CommandSpec | Register)[] = [
  registerRoom,
  token,
  users,
  archive,
  cdr,
  registerDialin,
  registerApi,
  registerProfile,
  registerDoctor,
  registerEmulator,
  registerCompletion,
];

/** The top-level commands declared as specs, in help order: what the command reference is made from. */
export const COMMANDS: readonly CommandSpec[] = TREE.filter((c): c is CommandSpec => typeof c !== 'function');

/** Adds every noun to the program, in the order help lists them. */
export function registerCommands(program: Command, spec: SpecAction, action: ActionFactory): void {
  for (const c of TREE) {
    if (typeof c === 'function') c(program, action);
    else addCommand(program, c, spec);
  }
}
