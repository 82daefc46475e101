import type { FaultConfig } from '../../emulator/faults.js';
import { UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { controlClient } from './control-client.js';
import { describeFaults, faultConfigFromFlags } from './fault-config.js';

/**
 * `enablex emulator faults [flags] [--clear]`: shows a running emulator's faults, replaces them
 * with the given flags, or clears them. Tests switch faults on and off this way.
 */
export async function run({ opts, command }: CommandInput, rt: Runtime): Promise<void> {
  // The parent `emulator` command declares the same flags and commander hands them to it first,
  // so read them with the ancestors' options (the subcommand declares them too, for its --help).
  const config = faultConfigFromFlags(command.optsWithGlobals());
  const clear = opts['clear'] === true;
  if (clear && config) throw new UsageError('--clear cannot be combined with fault flags.');
  const control = await controlClient(rt);
  const method = clear ? 'DELETE' : config ? 'PUT' : 'GET';
  const answer = await control.request<{ faults: FaultConfig & { failFirstRemaining?: number } }>({
    method,
    path: 'faults',
    ...(config ? { json: config } : {}),
  });
  const { failFirstRemaining, ...faults } = answer.faults;
  if (rt.globals.format !== 'table') {
    rt.out.data(answer.faults);
    return;
  }
  const verb = method === 'GET' ? 'Faults' : method === 'PUT' ? 'Faults set' : 'Faults cleared';
  rt.out.success(
    `${verb}: ${describeFaults(faults)}${failFirstRemaining ? `; ${failFirstRemaining} of those still to come` : ''}.`,
  );
}
