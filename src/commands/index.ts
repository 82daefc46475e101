import type { Command } from 'commander';
import type { ActionFactory } from './define.js';
import { registerTokenUsersDialinApi } from './api/register.js';
import { registerArchive } from './archive/index.js';
import { registerCdr } from './cdr/index.js';
import { registerCompletion } from './completion/index.js';
import { registerDoctor } from './doctor/index.js';
import { registerEmulator } from './emulator/index.js';
import { registerProfile } from './profile/index.js';
import { registerRoom } from './room/index.js';

/** Adds every noun to the program, in the order help lists them. */
export function registerCommands(program: Command, action: ActionFactory): void {
  registerRoom(program, action);
  registerProfile(program, action);
  registerTokenUsersDialinApi(program, action);
  registerArchive(program, action);
  registerCdr(program, action);
  registerEmulator(program, action);
  registerCompletion(program, action);
  registerDoctor(program, action);
}
