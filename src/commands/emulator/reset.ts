import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { controlClient } from './control-client.js';

/**
 * `enablex emulator reset [--seed demo]`: empties a running emulator's rooms, tokens, sessions, CDR
 * and archive and puts its clock back to the real one (a --state file included), through the control API.
 */
export async function run({ command }: CommandInput, rt: Runtime): Promise<void> {
  // The parent `emulator` declares --seed too and commander hands it the value: read both.
  const seed = command.optsWithGlobals()['seed'] === 'demo' ? 'demo' : undefined;
  const control = await controlClient(rt);
  await control.request<unknown>({ method: 'POST', path: 'reset', json: seed ? { seed } : {} });
  rt.out.success(
    seed
      ? 'Emulator reset: the demo rooms and a month of sessions are back; the clock is the real one.'
      : 'Emulator reset: no rooms, sessions, CDR or archive left; the clock is the real one.',
  );
}
