import type { Command } from 'commander';
import type { ActionFactory } from './define.js';
import { addCommand, type SpecAction } from './adapter.js';
import type { CommandSpec } from './spec.js';
import api from './api/api.verb.js';
import archive from './archive/index.js';
import cdr from './cdr/index.js';
import completion from './completion/completion.verb.js';
import complete from './completion/complete.verb.js';
import dialin from './dialin/dialin.verb.js';
import doctor from './doctor/doctor.verb.js';
import emulator from './emulator/index.js';
import profile from './profile/index.js';
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
  dialin,
  api,
  profile,
  doctor,
  emulator,
  completion,
  // What the completion scripts call at TAB time for profile names and room ids (hidden).
  complete,
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
