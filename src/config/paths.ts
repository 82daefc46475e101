import { join } from 'node:path';
import type { Env } from '../context.js';

/** The folder holding config.json: ENABLEX_CONFIG_DIR, else $XDG_CONFIG_HOME/enablex, else ~/.config/enablex. */
export function configDir(env: Env, platform: NodeJS.Platform = 'linux'): string {
  if (env['ENABLEX_CONFIG_DIR']) return env['ENABLEX_CONFIG_DIR'];
  if (env['XDG_CONFIG_HOME']) return join(env['XDG_CONFIG_HOME'], 'enablex');
  if (platform === 'win32' && env['APPDATA']) return join(env['APPDATA'], 'enablex');
  const home = env['HOME'] ?? env['USERPROFILE'] ?? '.';
  return join(home, '.config', 'enablex');
}
