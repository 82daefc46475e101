import type { FaultConfig } from '../../emulator/faults.js';
import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import { controlClient } from './control-client.js';
import { describeFaults, faultConfigFromFlags } from './fault-config.js';
import type { FaultsInput } from './faults.verb.js';

/**
 * `enablex emulator faults [flags] [--clear]`: shows a running emulator's faults, replaces them
 * with the given flags, or clears them. Tests switch faults on and off this way.
 */
export async function run({ opts }: FaultsInput, f: Factory): Promise<void> {
  const config = faultConfigFromFlags(opts);
  const clear = opts.clear === true;
  if (clear && config) throw new UsageError('--clear cannot be combined with fault flags.');
  const control = await controlClient(f);
  const method = clear ? 'DELETE' : config ? 'PUT' : 'GET';
  const answer = await control.request<{ faults: FaultConfig & { failFirstRemaining?: number } }>({
    method,
    path: 'faults',
    ...(config ? { json: config } : {}),
  });
  const { failFirstRemaining, ...faults } = answer.faults;
  if (f.options.format !== 'table') {
    f.io.data(answer.faults);
    return;
  }
  const verb = method === 'GET' ? 'Faults' : method === 'PUT' ? 'Faults set' : 'Faults cleared';
  f.io.success(
    `${verb}: ${describeFaults(faults)}${failFirstRemaining ? `; ${failFirstRemaining} of those still to come` : ''}.`,
  );
}
