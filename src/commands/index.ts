import type { Command } from 'commander';
import { addCommand, type SpecAction } from './adapter.js';
import api from './api/api.verb.js';
import archive from './archive/index.js';
import cdr from './cdr/index.js';
import completion from './completion/completion.verb.js';
import complete from './completion/complete.verb.js';
import dialin from './dialin/dialin.verb.js';
import doctor from './doctor/doctor.verb.js';
import emulator from './emulator/index.js';
import profile from './profile/index.js';
import room from './room/index.js';
import type { CommandSpec } from './spec.js';
import token from './token/token.verb.js';
import users from './users/users.verb.js';

/**
 * Every top-level command, in the order help lists them: the daily work first, set-up last, and
 * the hidden `__complete` the completion scripts call at TAB time for profile names and room ids.
 * @public Used by scripts/gen-docs.mjs through dist/ (knip cannot follow dist/ imports before a build).
 */
export const COMMANDS: readonly CommandSpec[] = [
  room,
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
  complete,
];

/** Adds every command to the program. */
export function registerCommands(program: Command, action: SpecAction): void {
  for (const command of COMMANDS) addCommand(program, command, action);
}
