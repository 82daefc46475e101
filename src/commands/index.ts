import type { Command } from 'commander';
import type { ActionFactory } from './define.js';
import { addCommand, type SpecAction } from './adapter.js';
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

/** Adds every noun to the program, in the order help lists them: the daily work first, set-up last. */
export function registerCommands(program: Command, spec: SpecAction, action: ActionFactory): void {
  registerRoom(program, action);
  addCommand(program, token, spec);
  addCommand(program, users, spec);
  addCommand(program, archive, spec);
  addCommand(program, cdr, spec);
  registerDialin(program, action);
  registerApi(program, action);
  registerProfile(program, action);
  registerDoctor(program, action);
  registerEmulator(program, action);
  registerCompletion(program, action);
}
