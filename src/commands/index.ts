import type { Command } from 'commander';
import type { ActionFactory } from './define.js';
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
import { registerRoom } from './room/index.js';
import token from './token/token.verb.js';
import users from './users/users.verb.js';

/** Adds every noun to the program, in the order help lists them: the daily work first, set-up last. */
export function registerCommands(program: Command, spec: SpecAction, action: ActionFactory): void {
  registerRoom(program, action);
  addCommand(program, token, spec);
  addCommand(program, users, spec);
  addCommand(program, archive, spec);
  addCommand(program, cdr, spec);
  addCommand(program, dialin, spec);
  addCommand(program, api, spec);
  addCommand(program, profile, spec);
  addCommand(program, doctor, spec);
  addCommand(program, emulator, spec);
  addCommand(program, completion, spec);
  // What the completion scripts call at TAB time for profile names and room ids (hidden).
  addCommand(program, complete, spec);
}
