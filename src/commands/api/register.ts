import type { Command } from 'commander';
import type { ActionFactory } from '../define.js';
import { registerDialin } from '../dialin/index.js';
import { registerToken } from '../token/index.js';
import { registerUsers } from '../users/index.js';
import { registerApi } from './index.js';

/** `enablex token`, `users`, `dialin` and `api`, in the order help lists them. */
export function registerTokenUsersDialinApi(program: Command, action: ActionFactory): void {
  registerToken(program, action);
  registerUsers(program, action);
  registerDialin(program, action);
  registerApi(program, action);
}
