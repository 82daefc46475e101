import type { Command } from 'commander';
import type { ActionFactory } from './define.js';
import { registerApi } from './api/index.js';
import { registerArchive } from './archive/index.js';
import { registerCdr } from './cdr/index.js';
import { registerCompletion } from './completion/index.js';
import { registerDialin } from './dialin/index.js';
import { registerDoctor } from './doctor/index.js';
import { registerEmulator } from './emulator/index.js';
import { registerProfile } from './profile/index.js';
import { registerRoom } from './room/index.js';
import { registerToken } from './token/index.js';
import { registerUsers } from './users/index.js';

/** Adds every noun to the program, in the order help lists them: the daily work first, set-up last. */
export function registerCommands(program: Command, action: ActionFactory): void {
  registerRoom(program, action);
  registerToken(program, action);
  registerUsers(program, action);
  registerArchive(program, action);
  registerCdr(program, action);
  registerDialin(program, action);
  registerApi(program, action);
  registerProfile(program, action);
  registerDoctor(program, action);
  registerEmulator(program, action);
  registerCompletion(program, action);
}
