import type { Factory } from '../../factory.js';
import { controlClient } from './control-client.js';
import type { ResetInput } from './reset.verb.js';

/**
 * `enablex emulator reset [--seed demo]`: empties a running emulator's rooms, tokens, sessions, CDR
 * and archive and puts its clock back to the real one (a --state file included), through the control API.
 */
export async function run({ opts }: ResetInput, f: Factory): Promise<void> {
  const seed = opts.seed;
  const control = await controlClient(f);
  await control.request<unknown>({ method: 'POST', path: 'reset', json: seed ? { seed } : {} });
  f.io.success(
    seed
      ? 'Emulator reset: the demo rooms and a month of sessions are back; the clock is the real one.'
      : 'Emulator reset: no rooms, sessions, CDR or archive left; the clock is the real one.',
  );
}
