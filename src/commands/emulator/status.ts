import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { controlClient } from './control-client.js';

/** `enablex emulator status`: the emulator's clock, counts, live sessions, faults and synthetic CDR. */
export async function run(_input: CommandInput, rt: Runtime): Promise<void> {
  const control = await controlClient(rt);
  const { result: _result, ...status } = await control.request<Record<string, unknown>>({
    method: 'GET',
    path: 'status',
  });
  rt.out.data(status);
}
